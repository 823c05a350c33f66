import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "@rapport/db/testing/open";
import { eq, jobs, type DatabaseHandle } from "@rapport/db";
import { backoffDelay, cancelJob, claimJobs, completeJob, enqueue } from "./queue";
import { createJobRunner, PermanentJobError, type Clock, type JobHandler } from "./runner";

let h: DatabaseHandle;
const T0 = new Date("2026-03-01T09:00:00Z");

class TestClock implements Clock {
  constructor(public t: number) {}
  now() {
    return new Date(this.t);
  }
  advance(ms: number) {
    this.t += ms;
  }
}

const quietLog = { info: () => {}, error: () => {} };

async function job(key: string) {
  const [row] = await h.db.select().from(jobs).where(eq(jobs.key, key));
  return row!;
}

beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.db.delete(jobs);
});

describe("job queue", () => {
  it("enqueues inside the caller's transaction: a rolled back change leaves no job", async () => {
    await h.db
      .transaction(async (tx) => {
        await enqueue(tx, { queue: "t", key: "rolled-back", runAt: T0 }, T0);
        throw new Error("the state change failed");
      })
      .catch(() => undefined);
    expect(await h.db.select().from(jobs)).toEqual([]);
  });

  it("runs a job at its time, not before, and marks it done", async () => {
    const clock = new TestClock(T0.getTime() - 60_000);
    const ran: string[] = [];
    const runner = createJobRunner({
      db: h.db,
      clock,
      log: quietLog,
      handlers: { t: { run: async (j) => void ran.push(j.key) } },
    });
    await enqueue(h.db, { queue: "t", key: "a", runAt: T0 }, clock.now());
    expect(await runner.tick()).toBe(0);
    clock.advance(60_000);
    expect(await runner.tick()).toBe(1);
    expect(ran).toEqual(["a"]);
    expect((await job("a")).status).toBe("done");
    expect(await runner.tick()).toBe(0);
  });

  it("moves a waiting job when the same key is enqueued again, and cancels it", async () => {
    await enqueue(h.db, { queue: "t", key: "k", runAt: T0, payload: { v: 1 } }, T0);
    await enqueue(
      h.db,
      { queue: "t", key: "k", runAt: new Date(T0.getTime() + 3600_000), payload: { v: 2 } },
      T0,
    );
    const rows = await h.db.select().from(jobs);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.runAt.toISOString()).toBe("2026-03-01T10:00:00.000Z");
    expect(rows[0]!.payload).toEqual({ v: 2 });
    await cancelJob(h.db, "k", T0);
    expect((await job("k")).status).toBe("cancelled");
    const runner = createJobRunner({
      db: h.db,
      clock: new TestClock(T0.getTime() + 7200_000),
      log: quietLog,
      handlers: { t: { run: async () => {} } },
    });
    expect(await runner.tick()).toBe(0);
  });

  it("does not restart a finished job unless asked (a retry)", async () => {
    await enqueue(h.db, { queue: "t", key: "once", runAt: T0 }, T0);
    const runner = createJobRunner({
      db: h.db,
      clock: new TestClock(T0.getTime()),
      log: quietLog,
      handlers: { t: { run: async () => {} } },
    });
    await runner.tick();
    await enqueue(h.db, { queue: "t", key: "once", runAt: T0 }, T0);
    expect((await job("once")).status).toBe("done");
    await enqueue(h.db, { queue: "t", key: "once", runAt: T0 }, T0, { restart: true });
    expect((await job("once")).status).toBe("queued");
    expect((await job("once")).attempts).toBe(0);
  });

  it("retries with exponential backoff and jitter, then dies with the reason after the last try", async () => {
    const clock = new TestClock(T0.getTime());
    const dead: string[] = [];
    const handler: JobHandler = {
      run: async () => {
        throw new Error("The webhook answered 500.");
      },
      onDead: async (_tx, j, reason) => void dead.push(`${j.key}: ${reason}`),
    };
    const backoff = { baseMs: 10_000, maxMs: 3600_000, random: () => 0.5 };
    const runner = createJobRunner({
      db: h.db,
      clock,
      log: quietLog,
      backoff,
      handlers: { t: handler },
    });
    await enqueue(h.db, { queue: "t", key: "flaky", runAt: T0, maxAttempts: 3 }, T0);
    await runner.tick();
    let row = await job("flaky");
    expect(row.status).toBe("queued");
    expect(row.attempts).toBe(1);
    // Try 1 waits 10 s: 5 s fixed and 5 s of jitter at random() = 0.5 -> 7.5 s.
    expect(row.runAt.getTime() - clock.t).toBe(7500);
    expect(row.lastError).toBe("The webhook answered 500.");
    clock.advance(7499);
    expect(await runner.tick()).toBe(0);
    clock.advance(1);
    await runner.tick();
    row = await job("flaky");
    expect(row.runAt.getTime() - clock.t).toBe(15_000);
    clock.advance(15_000);
    await runner.tick();
    row = await job("flaky");
    expect(row.status).toBe("dead");
    expect(row.attempts).toBe(3);
    expect(dead).toEqual(["flaky: The webhook answered 500."]);
  });

  it("keeps the delays spread and bounded", () => {
    const o = { baseMs: 1000, maxMs: 60_000, random: () => 0.999 };
    expect(backoffDelay(1, { ...o, random: () => 0 })).toBe(500);
    expect(backoffDelay(1, o)).toBeLessThanOrEqual(1000);
    expect(backoffDelay(4, { ...o, random: () => 0 })).toBe(4000);
    expect(backoffDelay(30, o)).toBeLessThanOrEqual(60_000);
    expect(backoffDelay(30, { ...o, random: () => 0 })).toBe(30_000);
  });

  it("dies at once on a permanent error", async () => {
    const runner = createJobRunner({
      db: h.db,
      clock: new TestClock(T0.getTime()),
      log: quietLog,
      handlers: {
        t: {
          run: async () => {
            throw new PermanentJobError("The webhook URL points to a private address.");
          },
        },
      },
    });
    await enqueue(h.db, { queue: "t", key: "perm", runAt: T0 }, T0);
    await runner.tick();
    const row = await job("perm");
    expect(row.status).toBe("dead");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toBe("The webhook URL points to a private address.");
  });

  it("takes a job again when its worker died (lease expired), and the dead worker cannot complete it", async () => {
    const clock = new TestClock(T0.getTime());
    await enqueue(h.db, { queue: "t", key: "crash", runAt: T0 }, T0);
    // Worker A claims and then "crashes": it never completes nor releases.
    const [claimed] = await claimJobs(h.db, {
      workerId: "A",
      queues: ["t"],
      limit: 10,
      leaseMs: 60_000,
      now: clock.now(),
    });
    expect(claimed!.key).toBe("crash");
    const ran: string[] = [];
    const b = createJobRunner({
      db: h.db,
      clock,
      workerId: "B",
      leaseMs: 60_000,
      log: quietLog,
      handlers: { t: { run: async (j) => void ran.push(`${j.key}#${j.attempts}`) } },
    });
    expect(await b.tick()).toBe(0);
    clock.advance(60_001);
    expect(await b.tick()).toBe(1);
    expect(ran).toEqual(["crash#2"]);
    expect(await completeJob(h.db, claimed!, "A", clock.now())).toBe(false);
    expect((await job("crash")).status).toBe("done");
  });

  it("never gives one job to two workers claiming at the same moment", async () => {
    for (let i = 0; i < 60; i++) await enqueue(h.db, { queue: "t", key: `p${i}`, runAt: T0 }, T0);
    const now = new Date(T0.getTime() + 1000);
    const claims = await Promise.all(
      ["A", "B", "C"].map((w) =>
        claimJobs(h.db, { workerId: w, queues: ["t"], limit: 25, leaseMs: 60_000, now }),
      ),
    );
    const ids = claims.flat().map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(60);
  });

  it("shuts down gracefully: finishes what ends within the grace period, releases the rest", async () => {
    const clock = new TestClock(T0.getTime());
    let finishFast!: () => void;
    const runner = createJobRunner({
      db: h.db,
      clock,
      pollMs: 20,
      log: quietLog,
      handlers: {
        fast: { run: () => new Promise<void>((r) => (finishFast = r)) },
        slow: {
          run: (_j, ctx) =>
            new Promise<void>((_r, reject) =>
              ctx.signal.addEventListener("abort", () => reject(new Error("aborted"))),
            ),
        },
      },
    });
    await enqueue(h.db, { queue: "fast", key: "fast", runAt: T0 }, T0);
    await enqueue(h.db, { queue: "slow", key: "slow", runAt: T0 }, T0);
    runner.start();
    await expect.poll(() => runner.running, { timeout: 5000 }).toBe(2);
    const stopped = runner.stop({ graceMs: 300 });
    setTimeout(() => finishFast(), 50);
    expect(await stopped).toEqual({ finished: 1, released: 1 });
    expect((await job("fast")).status).toBe("done");
    const slow = await job("slow");
    expect(slow.status).toBe("queued");
    expect(slow.attempts).toBe(0);
    expect(slow.lockedBy).toBeNull();
  });
});
