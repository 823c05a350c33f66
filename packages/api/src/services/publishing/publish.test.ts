import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { openTestDatabase } from "@rapport/db/testing/open";
import {
  drafts,
  draftTransitions,
  emailOutbox,
  eq,
  jobs,
  notifications,
  webhookDeliveries,
  type DatabaseHandle,
} from "@rapport/db";
import { createUser, type TestUser } from "../../testing/factories";
import { transitionDraft } from "../draft-lifecycle";
import { closeEmailTransports, EMAIL_QUEUE, emailHandler } from "../email/outbox";
import { startSmtpSink, type SmtpSink } from "../email/smtp-sink.testing";
import { configurePublishing } from "./config";
import { PUBLISH_QUEUE } from "./hooks";
import { publishHandler } from "./publish";
import { createJobRunner, type Clock } from "./runner";
import { updateSettings } from "./settings";
import { draftStatus, scheduleDraft, startWebhookSink, type WebhookSink } from "./testing";

let h: DatabaseHandle;
let owner: TestUser;
let ws: { id: string };
let reminderProfile: { id: string };
let hookProfile: { id: string };
let secret: string;
let sink: WebhookSink;
let smtp: SmtpSink;

const T0 = new Date("2026-06-01T08:00:00Z");
const HOUR = 3600_000;
class TestClock implements Clock {
  constructor(public t: number) {}
  now() {
    return new Date(this.t);
  }
}
const quiet = { info: () => {}, error: (m: string, e?: unknown) => console.error(m, e) };
let clock: TestClock;
const runner = () =>
  createJobRunner({
    db: h.db,
    clock,
    log: quiet,
    backoff: { baseMs: 60_000, maxMs: HOUR, random: () => 0 },
    handlers: { [PUBLISH_QUEUE]: publishHandler(), [EMAIL_QUEUE]: emailHandler() },
  });

beforeAll(async () => {
  h = await openTestDatabase();
  sink = await startWebhookSink();
  smtp = await startSmtpSink();
  configurePublishing({
    smtpUrl: smtp.url,
    appOrigin: "https://rapport.test",
    allowPrivateWebhooks: true,
    webhookTimeoutMs: 2000,
    log: quiet,
  });
  owner = await createUser(h.db, { name: "Ana", email: `ana-${Date.now()}@bistro.example` });
  ws = await owner.caller.workspace.create({ name: "Bistro" });
  reminderProfile = await owner.caller.socialProfile.create({
    workspaceId: ws.id,
    platform: "linkedin",
    handle: "bistro.ana",
    displayName: "Bistro",
    timeZone: "Europe/Paris",
    followerCount: 1200,
  });
  hookProfile = await owner.caller.socialProfile.create({
    workspaceId: ws.id,
    platform: "facebook",
    handle: "bistro.fb",
    displayName: "Bistro",
    timeZone: "Europe/Paris",
    followerCount: 900,
  });
  const s = await updateSettings(
    h.db,
    ws.id,
    { profileId: hookProfile.id, method: "webhook", webhookUrl: sink.url },
    { allowPrivate: true, now: T0 },
  );
  secret = s.webhookSecret!;
});
afterAll(async () => {
  closeEmailTransports();
  await sink.close();
  await smtp.close();
  await h.close();
});
beforeEach(() => {
  clock = new TestClock(T0.getTime());
});

const schedule = (profileId: string, inMs: number) =>
  scheduleDraft(h.db, {
    workspaceId: ws.id,
    profileId,
    userId: owner.user.id,
    plannedAt: new Date(T0.getTime() + inMs),
    now: clock.now(),
  });

describe("publishing a reminder", () => {
  it("at the due time moves the post to needs action, notifies in the app and by email", async () => {
    const d = await schedule(reminderProfile.id, HOUR);
    const r = runner();
    await r.tick();
    expect(await draftStatus(h.db, d.id)).toBe("scheduled");
    clock.t += HOUR;
    await r.tick();
    expect(await draftStatus(h.db, d.id)).toBe("needs_action");
    const notes = await h.db.select().from(notifications).where(eq(notifications.draftId, d.id));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      userId: owner.user.id,
      kind: "reminder",
      title: "Time to post on @bistro.ana",
      href: `/w/${ws.id}/publish/${d.id}`,
      readAt: null,
    });
    await r.tick();
    const mail = smtp.received.find((m) => m.raw.includes(`/publish/${d.id}`));
    expect(mail?.to).toEqual([owner.user.email]);
    expect(mail?.raw).toContain("Subject: Time to post on linkedin @bistro.ana");
    const history = await h.db
      .select()
      .from(draftTransitions)
      .where(eq(draftTransitions.draftId, d.id));
    expect(
      history.map((t) => `${t.fromStatus}->${t.toStatus}:${t.actorUserId ? "person" : "system"}`),
    ).toEqual(
      expect.arrayContaining(["scheduled->publishing:system", "publishing->needs_action:system"]),
    );
  });
});

describe("publishing by webhook", () => {
  it("delivers a signed message once, logs the delivery and marks the post published", async () => {
    const d = await schedule(hookProfile.id, 10 * 60_000);
    clock.t += 10 * 60_000;
    await runner().tick();
    expect(await draftStatus(h.db, d.id)).toBe("published");
    const got = sink.deliveries.filter((x) => x.id === `publish_${d.id}`);
    expect(got).toHaveLength(1);
    const headers = {
      "webhook-id": got[0]!.id,
      "webhook-timestamp": got[0]!.timestamp,
      "webhook-signature": got[0]!.signature,
    };
    // Verified against the real clock's tolerance: sign a fresh copy with the test's timestamp instead.
    expect(got[0]!.timestamp).toBe(String(Math.floor(clock.t / 1000)));
    const payload = JSON.parse(got[0]!.body) as {
      type: string;
      data: { caption: string; profile: { handle: string } };
    };
    expect(payload.type).toBe("post.publish");
    expect(payload.data.profile.handle).toBe("bistro.fb");
    expect(() =>
      new Webhook(secret).verify(got[0]!.body, {
        ...headers,
        "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
      }),
    ).toThrow();
    const log = await h.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.draftId, d.id));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      ok: true,
      statusCode: 200,
      responseExcerpt: '{"ok":true}',
      attempt: 1,
    });
  });

  it("retries after a 500 with backoff, then publishes; the log keeps both tries", async () => {
    const d = await schedule(hookProfile.id, 60_000);
    clock.t += 60_000;
    sink.failNext(1, 500);
    const r = runner();
    await r.tick();
    expect(await draftStatus(h.db, d.id)).toBe("publishing");
    const [job] = await h.db
      .select()
      .from(jobs)
      .where(eq(jobs.key, `publish:${d.id}`));
    expect(job).toMatchObject({
      status: "queued",
      attempts: 1,
      lastError: "The webhook answered 500. It will be retried.",
    });
    expect(job!.runAt.getTime() - clock.t).toBe(30_000);
    clock.t += 30_000;
    await r.tick();
    expect(await draftStatus(h.db, d.id)).toBe("published");
    const log = await h.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.draftId, d.id));
    expect(log.map((l) => [l.attempt, l.statusCode, l.ok]).sort()).toEqual([
      [1, 500, false],
      [2, 200, true],
    ]);
    expect(sink.counts().get(`publish_${d.id}`)).toBe(1);
  });

  it("fails the post with the reason after the last try, and tells the people who publish", async () => {
    const d = await schedule(hookProfile.id, 60_000);
    clock.t += 60_000;
    sink.failNext(100, 503);
    const r = runner();
    for (let i = 0; i < 8; i++) {
      await r.tick();
      clock.t += 2 * HOUR;
    }
    sink.failNext(0, 200);
    expect(await draftStatus(h.db, d.id)).toBe("failed");
    const [last] = (
      await h.db.select().from(draftTransitions).where(eq(draftTransitions.draftId, d.id))
    ).filter((t) => t.toStatus === "failed");
    expect(last).toMatchObject({
      toStatus: "failed",
      comment: "The webhook answered 503. Gave up after 8 tries: fix the receiver, then press “Retry publishing”.",
    });
    const notes = await h.db.select().from(notifications).where(eq(notifications.draftId, d.id));
    expect(notes.map((n) => n.kind)).toEqual(["publish-failed"]);
    const mails = await h.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.kind, "publish-failed"));
    expect(mails.some((m) => m.textBody.includes(`/publish/${d.id}`))).toBe(true);
    // Retry (a person): scheduled again, sent at once although its time has passed, published once.
    const failed = await owner.caller.publishing.reminder({ workspaceId: ws.id, draftId: d.id });
    await owner.caller.publishing.retry({
      workspaceId: ws.id,
      draftId: d.id,
      expectedVersion: failed.version,
    });
    const [again] = await h.db
      .select()
      .from(jobs)
      .where(eq(jobs.key, `publish:${d.id}`));
    expect(again).toMatchObject({ status: "queued", attempts: 0 });
    await r.tick();
    expect(await draftStatus(h.db, d.id)).toBe("published");
    expect(sink.counts().get(`publish_${d.id}`)).toBe(1);
  });

  it("moves the waiting job when the post is rescheduled, and cancels it when the post is cancelled (same transaction)", async () => {
    const now = new Date();
    const d = await scheduleDraft(h.db, {
      workspaceId: ws.id,
      profileId: hookProfile.id,
      userId: owner.user.id,
      plannedAt: new Date(now.getTime() + 2 * 86_400_000),
      now,
    });
    const moved = await owner.caller.draft.reschedule({
      workspaceId: ws.id,
      draftId: d.id,
      expectedVersion: d.version,
      localDate: "2031-01-06",
      localTime: "09:00",
    });
    const [job] = await h.db
      .select()
      .from(jobs)
      .where(eq(jobs.key, `publish:${d.id}`));
    expect(job!.status).toBe("queued");
    // 09:00 in Paris in January is 08:00 UTC.
    expect(job!.runAt.toISOString()).toBe("2031-01-06T08:00:00.000Z");
    await owner.caller.draft.transition({
      workspaceId: ws.id,
      draftId: d.id,
      to: "cancelled",
      expectedVersion: moved.version,
    });
    const [after] = await h.db
      .select()
      .from(jobs)
      .where(eq(jobs.key, `publish:${d.id}`));
    expect(after!.status).toBe("cancelled");
  });

  it("leaves alone a post unscheduled, moved later or deleted while its job waited", async () => {
    const unscheduled = await schedule(hookProfile.id, 60_000);
    await h.db.transaction((tx) =>
      transitionDraft(tx, {
        workspaceId: ws.id,
        draftId: unscheduled.id,
        to: "draft",
        actorUserId: owner.user.id,
        now: clock.now(),
      }),
    );
    const moved = await schedule(hookProfile.id, 60_000);
    // Moved without the hook (as if the move raced the claim): the job must notice and wait.
    await h.db
      .update(drafts)
      .set({ plannedAt: new Date(T0.getTime() + 5 * HOUR) })
      .where(eq(drafts.id, moved.id));
    const deleted = await schedule(hookProfile.id, 60_000);
    await h.db.delete(drafts).where(eq(drafts.id, deleted.id));
    clock.t += 60_000;
    const r = runner();
    await r.tick();
    expect(await draftStatus(h.db, unscheduled.id)).toBe("draft");
    expect(await draftStatus(h.db, moved.id)).toBe("scheduled");
    for (const id of [unscheduled.id, moved.id, deleted.id])
      expect(sink.counts().get(`publish_${id}`)).toBeUndefined();
    clock.t = T0.getTime() + 5 * HOUR;
    await r.tick();
    expect(await draftStatus(h.db, moved.id)).toBe("published");
    expect(sink.counts().get(`publish_${moved.id}`)).toBe(1);
  });
});
