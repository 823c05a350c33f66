/**
 * The draft editor in Chromium: scoring while typing with no request to the server, media upload
 * and reorder that survive a reload, the two-tab conflict, no lost typing on reload. (The
 * keystroke-to-score time is measured by `pnpm --filter @rapport/web bench:keystroke`.)
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";

const password = "sardines and sunshine 7";

async function signUpWithProfile(page: Page, who: string): Promise<string> {
  await page.goto("/sign-up", { waitUntil: "networkidle" });
  await page.getByLabel("Your name").fill(who);
  await page
    .getByLabel("Email")
    .fill(
      `${who.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@bistro.example`,
    );
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${who}` })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Workspace name").fill(`${who}'s bistro`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Profiles", level: 1 })).toBeVisible();
  await page.getByLabel("Platform").selectOption("instagram");
  await page.getByLabel("Handle").fill("@bistro.ana");
  await page.getByLabel("Display name").fill("Bistro Ana");
  await page.getByLabel("Time zone").selectOption("Europe/Lisbon");
  await page.getByLabel("Followers").fill("1840");
  await page.getByRole("button", { name: "Add profile" }).click();
  await expect(page.getByText("Saved @bistro.ana.")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.getByRole("link", { name: "Drafts" }).click();
  await page.getByRole("button", { name: "New draft" }).click();
  await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("save-status")).toHaveText("Saved · version 1");
  // The editor's state lives in React: interact only once the page is hydrated.
  await page.waitForLoadState("networkidle");
  return page.url();
}

const serverRequests = (page: Page, log: string[]) => {
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin === new URL(page.url()).origin) log.push(`${r.method()} ${url.pathname}`);
  });
};

test("typing a caption updates the score panel with no request to the server, then autosaves", async ({
  page,
}) => {
  await signUpWithProfile(page, "Ana");
  await page.getByLabel("Content type").selectOption("photo-dump");
  await page.getByLabel("Format").selectOption("carousel");
  await expect(page.getByTestId("save-status")).toHaveText("Saved · version 2");

  const panel = page.getByTestId("score-panel");
  // No caption and no photos for a carousel: the draft is incomplete, not scored.
  await expect(panel.getByTestId("score-band")).toHaveText(
    "Incomplete: add a caption and photos to get a score.",
  );
  await page.getByLabel("Format").selectOption("text");
  await expect(page.getByTestId("save-status")).toHaveText("Saved · version 3");
  await expect(panel.getByTestId("score-band")).toHaveText(
    "Incomplete: add a caption to get a score.",
  );
  await expect(panel).not.toContainText("Asking a question usually helps");

  const caption = page.getByRole("textbox", { name: "Caption" });
  await caption.click();
  const requests: string[] = [];
  serverRequests(page, requests);
  // Keys come faster than the 800 ms autosave debounce, so any request in this window would be the scorer's.
  await caption.pressSequentially("New mugs in the shop. What colour should we make next?");
  // Taken at once: the autosave may go 800 ms after the last key, while the checks below wait.
  const duringTyping = [...requests];
  // A new profile has no past posts: the panel says it gives direction only, from priors, honestly.
  await expect(panel).toContainText("Direction only, no numbers yet");
  await expect(panel).toContainText("Asking a question usually helps, across accounts.");
  expect(duringTyping).toEqual([]);
  await expect(page.getByTestId("caption-limits").locator('[data-platform="x"]')).toContainText(
    "X: 54 / 280",
  );

  // Then, and only then, the autosave.
  await expect(page.getByTestId("save-status")).toHaveText("Saved · version 4");
  expect(requests.some((r) => r.startsWith("POST /api/trpc/draft.update"))).toBe(true);
  await page.screenshot({ path: "test-results/draft-editor.png", fullPage: true });

  await page.reload();
  await expect(page.getByRole("textbox", { name: "Caption" })).toHaveValue(
    "New mugs in the shop. What colour should we make next?",
  );

  // The list finds it by type and words, and duplicates it.
  const draftUrl = page.url();
  await page.getByRole("link", { name: "← All drafts" }).click();
  await page.getByLabel("Search").fill("colour");
  await page.getByRole("combobox", { name: "Content type" }).selectOption("photo-dump");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=colour/);
  await expect(page.getByTestId("draft-row")).toHaveCount(1);
  await expect(page.getByTestId("draft-row")).toContainText(
    "New mugs in the shop. What colour should we make next?",
  );
  await expect(page.getByTestId("draft-row")).toContainText("direction only");
  await page.screenshot({ path: "test-results/draft-list.png", fullPage: true });
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
  expect(page.url()).not.toBe(draftUrl);
  await expect(page.getByRole("textbox", { name: "Caption" })).toHaveValue(
    "New mugs in the shop. What colour should we make next?",
  );
  await expect(page.getByTestId("save-status")).toHaveText("Saved · version 1");

  // Content types are the workspace's own: add one, and the editor offers it.
  await page.getByRole("link", { name: "← All drafts" }).click();
  await page.getByText(/^Edit content types/).click();
  await page.getByLabel("New content type").fill("Latte art Fridays");
  await page.getByRole("button", { name: "Add type" }).click();
  await expect(page.getByRole("textbox", { name: "Name of Latte art Fridays" })).toHaveValue(
    "Latte art Fridays",
  );
  await page.goto(draftUrl);
  await expect(
    page
      .getByRole("combobox", { name: "Content type" })
      .locator("option", { hasText: "Latte art Fridays" }),
  ).toHaveCount(1);
});

test("three uploaded images can be reordered with the keyboard and keep their order after a reload; a non-image is refused", async ({
  page,
}) => {
  const url = await signUpWithProfile(page, "Rui");
  const dir = mkdtempSync(path.join(os.tmpdir(), "rapport-fixtures-"));
  const files = await Promise.all(
    [
      ["counter.jpg", "#c0392b"],
      ["pastries.png", "#2980b9"],
      ["team.jpg", "#27ae60"],
    ].map(async ([name, color]) => {
      const file = path.join(dir, name!);
      const img = sharp({ create: { width: 640, height: 480, channels: 3, background: color! } });
      await (name!.endsWith(".png") ? img.png() : img.jpeg()).toFile(file);
      return file;
    }),
  );
  const fake = path.join(dir, "not-a-photo.png");
  writeFileSync(fake, "just some words pretending to be a picture");

  const input = page.getByLabel("Add photos or a video");
  await input.setInputFiles(files);
  const tiles = page.getByRole("list", { name: "Media in posting order" }).getByRole("listitem");
  await expect(tiles).toHaveCount(3);
  const names = () =>
    page
      .getByRole("list", { name: "Media in posting order" })
      .locator("li > button")
      .evaluateAll((buttons) =>
        buttons.map((b) => b.getAttribute("aria-label")?.match(/\((.+?)\)/)?.[1]),
      );
  await expect.poll(names).toEqual(["counter.jpg", "pastries.png", "team.jpg"]);
  // Thumbnails are served (members only) and decode.
  await expect
    .poll(() =>
      tiles
        .first()
        .locator("img")
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
    )
    .toBe(400);

  // Keyboard: pick up the first photo, move it one to the right, drop it.
  const reorder = page.waitForResponse(
    (r) => r.url().includes("/api/trpc/media.reorder") && r.ok(),
  );
  const handle = tiles.first().locator("> button");
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(handle).toHaveAttribute("aria-pressed", "true");
  const live = page.locator('[id^="DndLiveRegion"]');
  await expect(live).toHaveText(
    /^(Picked up Photo 1 \(counter\.jpg\), position|Photo 1 \(counter\.jpg\) is over position) 1 of 3\.$/,
  );
  await page.keyboard.press("ArrowRight");
  // Drop only once the picked-up photo is over the second position (announced to screen readers too).
  await expect(live).toHaveText("Photo 1 (counter.jpg) is over position 2 of 3.");
  await page.keyboard.press("Space");
  await expect(live).toHaveText("Dropped Photo 1 (counter.jpg) at position 2 of 3.");
  await reorder;
  await expect.poll(names).toEqual(["pastries.png", "counter.jpg", "team.jpg"]);

  await page.reload();
  await expect(tiles).toHaveCount(3);
  await expect.poll(names).toEqual(["pastries.png", "counter.jpg", "team.jpg"]);
  expect(page.url()).toBe(url);

  await page.getByLabel("Add photos or a video").setInputFiles(fake);
  await expect(
    page.getByText(/“not-a-photo\.png” is not an image or video we accept/),
  ).toBeVisible();
  await expect(tiles).toHaveCount(3);
  await page.screenshot({ path: "test-results/draft-media.png", fullPage: true });
});

test("two tabs editing the same draft get a conflict view offering both versions; nothing typed is lost on reload", async ({
  page,
  context,
}) => {
  const url = await signUpWithProfile(page, "Marta");
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId("save-status")).toHaveText("Saved · version 1");

  await page.getByRole("textbox", { name: "Caption" }).fill("Tab one: the new menu is out");
  await expect(page.getByTestId("save-status")).toHaveText("Saved · version 2");

  await other.getByRole("textbox", { name: "Caption" }).fill("Tab two: come try the sardines");
  const conflict = other.getByTestId("conflict");
  await expect(conflict).toBeVisible();
  await expect(other.getByTestId("conflict-mine")).toHaveText("Tab two: come try the sardines");
  await expect(other.getByTestId("conflict-theirs")).toHaveText("Tab one: the new menu is out");
  await expect(other.getByTestId("save-status")).toHaveText("Not saved: changed in another tab");
  await other.screenshot({ path: "test-results/draft-conflict.png", fullPage: true });

  // The first tab's text is safe on the server; "Keep mine" saves tab two's over version 2, knowingly.
  await other.getByRole("button", { name: "Keep mine" }).click();
  await expect(other.getByTestId("save-status")).toHaveText("Saved · version 3");
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Caption" })).toHaveValue(
    "Tab two: come try the sardines",
  );

  // Typing then reloading before the autosave fires loses nothing.
  await page
    .getByRole("textbox", { name: "Caption" })
    .fill("Typed, then the tab reloaded right away");
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Caption" })).toHaveValue(
    "Typed, then the tab reloaded right away",
  );
  await expect(page.getByText("Restored your unsaved changes")).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText("Saved · version 4");
});

test.describe("planning from another time zone", () => {
  // The browser is in New York; the bistro's profile is in Lisbon.
  test.use({ timezoneId: "America/New_York" });

  test("the planned time is typed and shown on the profile's clock", async ({ page }) => {
    await signUpWithProfile(page, "Rui");
    const planned = page.getByLabel("Planned time");
    await expect(page.getByText("On @bistro.ana's clock (Europe/Lisbon)")).toBeVisible();
    await planned.fill("2026-03-31T18:00");
    await expect(page.getByTestId("save-status")).toHaveText("Saved · version 2");
    await page.reload();
    await expect(page.getByLabel("Planned time")).toHaveValue("2026-03-31T18:00");
    // 18:00 in Lisbon (GMT+1 in summer), not 18:00 in New York (which would read 11:00 PM in Lisbon).
    await page.getByRole("link", { name: "← All drafts" }).click();
    await expect(page.getByRole("cell", { name: "Mar 31, 2026, 6:00 PM GMT+1" })).toBeVisible();
  });
});
