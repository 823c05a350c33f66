/** Helpers for the planning journeys: a workspace on a chosen clock, local dates, posts made from the calendar, drags. */
import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./users";

/** Creates a workspace with one Instagram profile on `timeZone`; returns the workspace id. */
export async function workspaceOn(page: Page, name: string, timeZone: string): Promise<string> {
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Workspace name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Profiles", level: 1 })).toBeVisible();
  await page.getByLabel("Platform").selectOption("instagram");
  await page.getByLabel("Handle").fill("@bistro.ana");
  await page.getByLabel("Display name").fill("Bistro Ana");
  await page.getByLabel("Time zone").selectOption(timeZone);
  await page.getByLabel("Followers").fill("1840");
  await page.getByRole("button", { name: "Add profile" }).click();
  await expect(page.getByText("Saved @bistro.ana.")).toBeVisible();
  return /\/w\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
export function mondayOf(date: string): string {
  const day = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -day);
}
/** The week view's day name, e.g. "Tue 1"; with `month`, the month view's "Tue 1 Dec". */
export function dayName(date: string, month = false): string {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    ...(month ? { month: "short" } : {}),
    timeZone: "UTC",
  }).format(new Date(`${date}T12:00:00Z`));
}
/** A day cell of the calendar by its name ("Tue 1: 2 posts", "Tue 1, today: 0 posts"). */
export function dayCell(page: Page, name: string): Locator {
  return page.getByRole("group", { name: new RegExp(`^${name}(, today)?: \\d+ posts?$`) });
}

export const calendarUrl = (ws: string, view: string, date: string) =>
  `/w/${ws}/calendar?view=${view}&date=${date}`;

/** Starts a post from the week view's "+" on `date` (09:00 on the profile's clock), captions it, returns the editor URL. */
export async function planFromCalendar(
  page: Page,
  ws: string,
  date: string,
  caption: string,
  plannedLocal?: string,
): Promise<string> {
  await page.goto(calendarUrl(ws, "week", date), { waitUntil: "networkidle" });
  await page.getByRole("button", { name: `New post on ${dayName(date)}` }).click();
  await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("save-status")).toHaveText("Saved · version 1");
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("Planned time")).toHaveValue(`${date}T09:00`);
  await page.getByLabel("Caption").fill(caption);
  if (plannedLocal) await page.getByLabel("Planned time").fill(plannedLocal);
  await expect(page.getByTestId("save-status")).toHaveText(/Saved · version [2-9]/);
  // Every keystroke saved: the editor keeps nothing unsaved in this browser.
  await expect
    .poll(() =>
      page.evaluate(
        () => Object.keys(localStorage).filter((k) => k.startsWith("rapport:draft:")).length,
      ),
    )
    .toBe(0);
  return page.url();
}

/** A pointer drag the way a person does it: press, move a little, travel, release. */
export async function dragTo(page: Page, source: Locator, target: Locator): Promise<void> {
  const s = (await source.boundingBox())!;
  const t = (await target.boundingBox())!;
  await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
  await page.mouse.down();
  await page.mouse.move(s.x + s.width / 2 + 12, s.y + s.height / 2 + 4, { steps: 4 });
  await page.mouse.move(t.x + t.width / 2, t.y + Math.min(60, t.height / 2), { steps: 16 });
  await page.mouse.up();
}

/** Invites `who` with `role` from the owner's page and returns the invitee's signed-in page (a fresh context). */
export async function invite(
  owner: Page,
  browser: Browser,
  ws: string,
  who: string,
  role: "editor" | "viewer",
  timezoneId?: string,
): Promise<Page> {
  const email = uniqueEmail(who);
  await owner.goto(`/w/${ws}/members`, { waitUntil: "networkidle" });
  await owner.getByLabel("Email").fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption(role);
  await owner.getByRole("button", { name: "Create invitation link" }).click();
  const link = new URL((await owner.locator("code.invite-link").textContent())!.trim()).pathname;
  const context = await browser.newContext(timezoneId ? { timezoneId } : {});
  const guest = await context.newPage();
  await signUp(guest, who, email);
  await guest.goto(link, { waitUntil: "networkidle" });
  await guest.getByRole("button", { name: "Accept and open the workspace" }).click();
  await expect(guest.getByRole("link", { name: "Calendar", exact: true })).toBeVisible();
  return guest;
}
