/**
 * Publishing in Chromium: a reminder comes due, shows in needs action with its notification and is
 * marked published with its permalink; a webhook profile's post goes out by itself and shows
 * "published" with its delivery log. Posts are planned for the next minute or two: the server's own
 * job worker publishes them at that time.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./support/users";

let sink: http.Server;
let sinkUrl: string;
const received: { id: string; body: string }[] = [];

test.beforeAll(async () => {
  sink = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        id: String(req.headers["webhook-id"]),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(200, { "content-type": "application/json" }).end('{"queued":true}');
    });
  });
  await new Promise<void>((r) => sink.listen(0, "127.0.0.1", r));
  sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/rapport`;
});
test.afterAll(() => new Promise<void>((r) => sink.close(() => r())));

async function addProfile(page: Page, handle: string) {
  await page.getByLabel("Platform").first().selectOption("facebook");
  await page.getByLabel("Handle").first().fill(`@${handle}`);
  await page.getByLabel("Display name").first().fill("Bistro Ana");
  await page.getByLabel("Time zone").first().selectOption("UTC");
  await page.getByRole("button", { name: "Add profile" }).click();
  await expect(page.getByText(`Saved @${handle}.`)).toBeVisible();
}

/** "YYYY-MM-DDTHH:mm" in UTC, at least 75 s from now (scheduling refuses a time in the past). */
function soonUtc(): string {
  const t = new Date(Date.now() + 75_000);
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  return t.toISOString().slice(0, 16);
}

async function scheduleDraft(
  page: Page,
  workspaceId: string,
  handle: string,
  caption: string,
  planned: string,
): Promise<string> {
  await page.goto(`/w/${workspaceId}/drafts`);
  await page.getByRole("button", { name: "New draft" }).click();
  await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("save-status")).toHaveText("Saved · version 1");
  await page.waitForLoadState("networkidle");
  const draftId = /\/drafts\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  await page.getByLabel("Profile").selectOption({ label: `Bistro Ana (@${handle}, facebook)` });
  await page.getByLabel("Caption").fill(caption);
  await page.getByLabel("Planned time").fill(planned);
  await expect(page.getByTestId("save-status")).toHaveText(/^Saved · version \d+$/, {
    timeout: 15_000,
  });
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByText(/now scheduled/i)).toBeVisible();
  return draftId;
}

test("a reminder comes due and is marked published; a webhook post publishes itself with its delivery log", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signUp(page, "Ana");
  await page.getByLabel("Workspace name").fill("Ana's bistro");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Profiles", level: 1 })).toBeVisible();
  const workspaceId = /\/w\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await addProfile(page, "bistro.reminders");
  await addProfile(page, "bistro.hook");

  // The webhook profile: URL, a test event that the receiver accepts.
  await page
    .getByRole("row", { name: /bistro\.hook/ })
    .getByRole("link", { name: "Publishing" })
    .click();
  await page.getByLabel("Method").selectOption("webhook");
  await page.getByLabel("Webhook URL").fill(sinkUrl);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved: posts go to the webhook at their time.")).toBeVisible();
  await expect(page.getByTestId("webhook-secret")).toHaveText(/^whsec_/);
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByText(/Test event accepted \(200, \d+ ms\)/)).toBeVisible();
  expect(received.some((r) => r.id.startsWith("test_"))).toBe(true);

  const planned = soonUtc();
  const reminderId = await scheduleDraft(
    page,
    workspaceId,
    "bistro.reminders",
    "Sardines tonight on the terrace. Who's in?",
    planned,
  );
  const hookId = await scheduleDraft(
    page,
    workspaceId,
    "bistro.hook",
    "Fresh bread at 7.",
    planned,
  );

  // At its time the reminder shows among the notifications, with the unread count in the header.
  await page.goto(`/w/${workspaceId}/notifications`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("link", { name: "Time to post on @bistro.reminders" })).toBeVisible(
      { timeout: 1000 },
    );
  }).toPass({ timeout: 180_000, intervals: [3000] });
  await expect(page.getByTestId("notifications-link")).toContainText("1");
  await page.getByRole("link", { name: "Time to post on @bistro.reminders" }).click();
  await expect(page).toHaveURL(new RegExp(`/publish/${reminderId}$`));
  await expect(page.getByTestId("publish-status")).toHaveText("Needs action");
  await expect(page.getByTestId("reminder-caption")).toHaveText(
    "Sardines tonight on the terrace. Who's in?",
  );
  await expect(page.getByRole("button", { name: "Copy caption" })).toBeVisible();

  // A link to another platform is refused with a sentence; the post's own link is accepted.
  await page.getByLabel("Link to the live post").fill("https://www.instagram.com/p/C8abc123XyZ/");
  await page.getByRole("button", { name: "Mark as published" }).click();
  await expect(page.getByText(/This is not a Facebook link/)).toBeVisible();
  await page
    .getByLabel("Link to the live post")
    .fill("https://www.facebook.com/bistro.reminders/posts/pfbid02abc");
  await page.getByRole("button", { name: "Mark as published" }).click();
  await expect(page.getByTestId("publish-status")).toHaveText("Published");
  await expect(page.getByTestId("permalink")).toHaveAttribute(
    "href",
    "https://www.facebook.com/bistro.reminders/posts/pfbid02abc",
  );
  await expect(page.getByTestId("notifications-link")).not.toContainText("1");

  // The webhook post went out by itself, once, and its page shows the delivery.
  await page.goto(`/w/${workspaceId}/publish/${hookId}`);
  await expect(page.getByTestId("publish-status")).toHaveText("Published");
  await expect(page.getByTestId("delivery-log")).toContainText("200");
  expect(received.filter((r) => r.id === `publish_${hookId}`)).toHaveLength(1);
  const payload = JSON.parse(received.find((r) => r.id === `publish_${hookId}`)!.body) as {
    type: string;
    data: { caption: string };
  };
  expect(payload).toMatchObject({ type: "post.publish", data: { caption: "Fresh bread at 7." } });

  // A calendar feed of every profile: both posts with reply blocks; once revoked, its address answers 404.
  await page.goto(`/w/${workspaceId}/profiles`);
  await page
    .getByRole("row", { name: /bistro\.reminders/ })
    .getByRole("link", { name: "Publishing" })
    .click();
  await page.getByLabel("Posts of").selectOption("workspace");
  await page.getByRole("button", { name: "Create a feed address" }).click();
  const ready = page.getByText(/Calendar feed ready/);
  await expect(ready).toBeVisible();
  const feedUrl = /(https?:\/\/\S+\.ics)/.exec((await ready.textContent()) ?? "")![1]!;
  const feed = await page.request.get(feedUrl);
  expect(feed.status()).toBe(200);
  const ics = await feed.text();
  expect(ics).toContain(`UID:${reminderId}@rapport`);
  expect(ics).toContain(`UID:${hookId}-reply@rapport`);
  expect(ics).toContain("SUMMARY:Reply to comments on @bistro.hook");
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("Feed revoked: its address no longer answers.")).toBeVisible();
  expect((await page.request.get(feedUrl)).status()).toBe(404);
});
