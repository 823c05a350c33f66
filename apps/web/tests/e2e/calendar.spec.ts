/**
 * Planning in Chromium: rescheduling on the calendar by drag and drop and by keyboard (it stays after
 * a reload, and month, week and list agree), the approval journey between an editor and an owner,
 * a viewer who sees but cannot move, and posts planned across DST changes in Paris and New York.
 */
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import {
  addDays,
  calendarUrl,
  dayCell,
  dayName,
  dragTo,
  invite,
  mondayOf,
  planFromCalendar,
  todayIn,
  workspaceOn,
} from "./support/planning";
import { signUp } from "./support/users";

const PARIS = "Europe/Paris";

/** Monday of next week on the zone's clock: every day of that week is still to come. */
const nextMonday = (tz: string) => addDays(mondayOf(todayIn(tz)), 7);

/** Space, an arrow, Space: waits for each step's announcement, as a screen-reader user hears it. */
async function keyboardMove(
  page: Page,
  title: string,
  key: "ArrowRight" | "ArrowLeft" | "ArrowDown" | "ArrowUp",
  target: string,
) {
  const chip = page.getByRole("button", { name: new RegExp(title) });
  await chip.focus();
  await page.keyboard.press("Space");
  await expect(page.getByText(new RegExp(`${title} is over`))).toBeAttached();
  await page.keyboard.press(key);
  await expect(page.getByText(`${title} is over ${target}.`)).toBeAttached();
  await page.keyboard.press("Space");
}

test("a post dragged to another day in week view stays there after a reload, and month and list agree", async ({
  page,
}) => {
  await signUp(page, "Ana");
  const ws = await workspaceOn(page, "Ana's bistro", PARIS);
  const monday = nextMonday(PARIS);
  const tuesday = addDays(monday, 1);
  const thursday = addDays(monday, 3);
  await planFromCalendar(page, ws, tuesday, "Drag me to Thursday");

  await page.goto(calendarUrl(ws, "week", monday), { waitUntil: "networkidle" });
  const chip = page.getByRole("button", { name: /Drag me to Thursday/ });
  await expect(dayCell(page, dayName(tuesday)).getByText("Drag me to Thursday")).toBeVisible();
  await dragTo(page, chip, dayCell(page, dayName(thursday)));
  await expect(
    page.getByRole("status").filter({ hasText: "Moved “Drag me to Thursday”" }),
  ).toContainText(`to ${dayName(thursday, true)} at 09:00`);

  await page.reload({ waitUntil: "networkidle" });
  await expect(dayCell(page, dayName(thursday)).getByText("Drag me to Thursday")).toBeVisible();
  await expect(dayCell(page, dayName(tuesday))).toHaveAccessibleName(/: 0 posts$/);

  // The same post on the same local day in the month and the list.
  await page.goto(calendarUrl(ws, "month", thursday), { waitUntil: "networkidle" });
  await expect(
    dayCell(page, dayName(thursday, true)).getByText("Drag me to Thursday"),
  ).toBeVisible();
  await page.goto(calendarUrl(ws, "list", monday), { waitUntil: "networkidle" });
  await expect(dayCell(page, dayName(thursday)).getByText("Drag me to Thursday")).toBeVisible();
  await expect(dayCell(page, dayName(thursday))).toContainText("09:00");
});

test("a post moves by keyboard alone: a day in the week, a week in the month", async ({ page }) => {
  await signUp(page, "Bea");
  const ws = await workspaceOn(page, "Bea's bakery", PARIS);
  const monday = nextMonday(PARIS);
  const wednesday = addDays(monday, 2);
  await planFromCalendar(page, ws, wednesday, "Keys only");

  await page.goto(calendarUrl(ws, "week", monday), { waitUntil: "networkidle" });
  await keyboardMove(page, "Keys only", "ArrowRight", dayName(addDays(wednesday, 1)));
  await expect(page.getByRole("status").filter({ hasText: "Moved “Keys only”" })).toContainText(
    dayName(addDays(wednesday, 1), true),
  );
  await page.reload({ waitUntil: "networkidle" });
  await expect(dayCell(page, dayName(addDays(wednesday, 1))).getByText("Keys only")).toBeVisible();

  // In the month, Down moves a week; Enter opens the post.
  await page.goto(calendarUrl(ws, "month", addDays(wednesday, 1)), { waitUntil: "networkidle" });
  await keyboardMove(page, "Keys only", "ArrowDown", dayName(addDays(wednesday, 8), true));
  await expect(page.getByRole("status").filter({ hasText: "Moved “Keys only”" })).toContainText(
    dayName(addDays(wednesday, 8), true),
  );
  await page.goto(calendarUrl(ws, "list", addDays(wednesday, 8)), { waitUntil: "networkidle" });
  await expect(dayCell(page, dayName(addDays(wednesday, 8))).getByText("Keys only")).toBeVisible();
  await page.getByRole("button", { name: /Keys only/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
  await expect(page.getByLabel("Planned time")).toHaveValue(`${addDays(wednesday, 8)}T09:00`);
});

test("with approvals on: the editor submits, the owner sends it back with a comment, the editor fixes it, the owner approves and schedules", async ({
  page,
  browser,
}) => {
  await signUp(page, "Owner");
  const ws = await workspaceOn(page, "Approvals bistro", PARIS);
  await page.goto(`/w/${ws}/settings`, { waitUntil: "networkidle" });
  await page.getByLabel("Owners approve posts before they are scheduled").check();
  await page.getByRole("button", { name: "Save approvals" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approvals are on" })).toBeVisible();

  const editor = await invite(page, browser, ws, "Eddie", "editor");
  const draftUrl = await planFromCalendar(
    editor,
    ws,
    addDays(nextMonday(PARIS), 2),
    "Tasting night: book now",
  );
  const lifecycle = editor.getByTestId("lifecycle");
  // Approvals on: an editor cannot schedule, only submit.
  await expect(lifecycle.getByRole("button", { name: "Schedule", exact: true })).toHaveCount(0);
  await lifecycle.getByRole("button", { name: "Submit for review" }).click();
  await expect(lifecycle.getByRole("status")).toContainText("now in review");

  await page.goto(draftUrl, { waitUntil: "networkidle" });
  const ownerPanel = page.getByTestId("lifecycle");
  await ownerPanel.getByRole("button", { name: "Send back" }).click();
  await expect(
    ownerPanel.getByText("Say what to change: the editor sees this comment."),
  ).toBeVisible();
  await ownerPanel.getByLabel("Comment").fill("Lead with the date of the tasting.");
  await ownerPanel.getByRole("button", { name: "Send back" }).click();
  await expect(ownerPanel.getByRole("status")).toContainText("now draft");

  await editor.reload({ waitUntil: "networkidle" });
  await expect(
    lifecycle.getByRole("alert").filter({ hasText: "Lead with the date of the tasting." }),
  ).toBeVisible();
  await expect(lifecycle.getByText("Sent back by Owner")).toBeVisible();
  await editor.getByLabel("Caption").fill("Friday 12 March, 19:00: tasting night. Book now.");
  await expect(editor.getByTestId("save-status")).toHaveText(/Saved · version \d+/);
  await lifecycle.getByRole("button", { name: "Submit for review" }).click();
  await expect(lifecycle.getByRole("status")).toContainText("now in review");

  await page.reload({ waitUntil: "networkidle" });
  await ownerPanel.getByRole("button", { name: "Approve" }).click();
  await expect(ownerPanel.getByRole("status")).toContainText("now approved");
  // Scheduling refuses an Instagram post without media, and says so beside the media.
  await ownerPanel.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "need an image or a video" }),
  ).toBeVisible();
  await expect(ownerPanel.getByRole("alert")).toContainText(
    "each field that needs a change says why",
  );
  const photo = await sharp({
    create: { width: 640, height: 640, channels: 3, background: "#c0392b" },
  })
    .jpeg()
    .toBuffer();
  await page
    .getByLabel("Add photos or a video")
    .setInputFiles({ name: "tasting.jpg", mimeType: "image/jpeg", buffer: photo });
  await expect(
    page.getByRole("list", { name: "Media in posting order" }).getByRole("listitem"),
  ).toHaveCount(1);
  await ownerPanel.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(ownerPanel.getByRole("status")).toContainText("now scheduled");

  // Every move is in the history, on the post, for both of them.
  await editor.reload({ waitUntil: "networkidle" });
  const history = lifecycle.getByRole("list", { name: "History" });
  await expect(history).toContainText("Eddie moved it from Draft to In review");
  await expect(history).toContainText("Owner moved it from In review to Draft");
  await expect(history).toContainText("Lead with the date of the tasting.");
  await expect(history).toContainText("Owner moved it from Approved to Scheduled");
});

test("a viewer sees the calendar but cannot drag or start posts", async ({ page, browser }) => {
  await signUp(page, "Vera");
  const ws = await workspaceOn(page, "Viewer bistro", PARIS);
  const monday = nextMonday(PARIS);
  await planFromCalendar(page, ws, addDays(monday, 1), "Look, don't touch");

  const viewer = await invite(page, browser, ws, "Victor", "viewer");
  await viewer.goto(calendarUrl(ws, "week", monday), { waitUntil: "networkidle" });
  const chip = viewer.getByRole("button", { name: /Look, don't touch/ });
  await expect(chip).toBeVisible();
  await expect(chip).not.toHaveAttribute("aria-roledescription", "draggable");
  await expect(viewer.getByRole("button", { name: /New post on/ })).toHaveCount(0);
  await dragTo(viewer, chip, dayCell(viewer, dayName(addDays(monday, 3))));
  await viewer.reload({ waitUntil: "networkidle" });
  await expect(
    dayCell(viewer, dayName(addDays(monday, 1))).getByText("Look, don't touch"),
  ).toBeVisible();
  await expect(dayCell(viewer, dayName(addDays(monday, 3)))).toHaveAccessibleName(/: 0 posts$/);
});

for (const { zone, browserZone, spring, fall, twice } of [
  {
    zone: "Europe/Paris",
    browserZone: "America/New_York",
    spring: "2027-03-28",
    fall: "2027-10-31",
    twice: "02:30",
  },
  {
    zone: "America/New_York",
    browserZone: "Europe/Paris",
    spring: "2027-03-14",
    fall: "2027-11-07",
    twice: "01:30",
  },
]) {
  test.describe(`planning on ${zone}'s clock from a browser in ${browserZone}`, () => {
    test.use({ timezoneId: browserZone });
    test(`posts keep their local time across both DST changes, and the calendar says what it did with the missing and the repeated hour`, async ({
      page,
    }) => {
      await signUp(page, "Dora");
      const ws = await workspaceOn(page, `DST ${zone}`, zone);
      const springEve = addDays(spring, -1);
      const fallEve = addDays(fall, -1);
      await planFromCalendar(page, ws, springEve, "Spring night post", `${springEve}T02:30`);
      await planFromCalendar(page, ws, fallEve, "Autumn night post", `${fallEve}T${twice}`);
      await planFromCalendar(page, ws, springEve, "Morning across the change");

      // 02:30 does not exist the night the clocks go forward: the post moves to 03:30 and says so.
      await page.goto(calendarUrl(ws, "week", springEve), { waitUntil: "networkidle" });
      await keyboardMove(page, "Spring night post", "ArrowRight", dayName(spring));
      await expect(
        page.getByRole("status").filter({ hasText: "Moved “Spring night post”" }),
      ).toContainText("does not exist");
      await keyboardMove(page, "Morning across the change", "ArrowRight", dayName(spring));
      await expect(
        page.getByRole("status").filter({ hasText: "Moved “Morning across the change”" }),
      ).toContainText("at 09:00");
      await page.reload({ waitUntil: "networkidle" });
      await expect(dayCell(page, dayName(spring))).toContainText("03:30");
      await expect(dayCell(page, dayName(spring))).toContainText("09:00");

      // The hour the clocks go back happens twice (02:00-03:00 in Paris, 01:00-02:00 in New York): the first one, said as such.
      await page.goto(calendarUrl(ws, "week", fallEve), { waitUntil: "networkidle" });
      await keyboardMove(page, "Autumn night post", "ArrowRight", dayName(fall));
      await expect(
        page.getByRole("status").filter({ hasText: "Moved “Autumn night post”" }),
      ).toContainText("happens twice");
      await page.reload({ waitUntil: "networkidle" });
      await expect(dayCell(page, dayName(fall))).toContainText(twice);
      // The editor shows the same wall-clock time on the profile's clock, whatever the browser's zone.
      await page.getByRole("button", { name: /Autumn night post/ }).click();
      await expect(page.getByLabel("Planned time")).toHaveValue(`${fall}T${twice}`);
    });
  });
}
