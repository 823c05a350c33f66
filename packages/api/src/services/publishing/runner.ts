/**
 * A worker: claims due jobs, runs each with its queue's handler, retries failures with backoff and
 * marks them dead after their last try. The same runner runs inside the web process (PGlite: the only
 * one) and in `pnpm worker` processes (PostgreSQL: as many as wanted). Time comes from an injected clock.
 */
import { hostname } from "node:os";
import type { Database } from "@rapport/db";
import {
  claimJobs,
  completeJob,
  DEFAULT_BACKOFF,
  deferJob,
  extendLeases,
  failJob,
  releaseJobs,
  type BackoffOptions,
  type Executor,
  type Job,
} from "./queue";

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** A failure that retrying cannot fix (a URL refused, a draft gone): the job dies at once with this reason. */
export class PermanentJobError extends Error {}

export interface JobContext {
  db: Database;
  workerId: string;
  clock: Clock;
  /** Aborted when the worker shuts down and stops waiting for this job. */
  signal: AbortSignal;
  /** Marks the job done inside the handler's own transaction; throws when the lease was lost. */
  complete(tx: Executor): Promise<void>;
  /** Puts the job back to wait until `runAt`, inside the handler's transaction. */
  defer(tx: Executor, runAt: Date): Promise<void>;
}

export interface JobHandler {
  run(job: Job, ctx: JobContext): Promise<void>;
  /** Called in the transaction that marks the job dead, with the reason shown to users. */
  onDead?(tx: Executor, job: Job, reason: string, ctx: Pick<JobContext, "clock">): Promise<void>;
}

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface RunnerOptions {
  db: Database;
  handlers: Record<string, JobHandler>;
  workerId?: string;
  concurrency?: number;
  leaseMs?: number;
  pollMs?: number;
  clock?: Clock;
  backoff?: BackoffOptions;
  log?: Logger;
}

class LeaseLostError extends Error {}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export interface JobRunner {
  readonly workerId: string;
  start(): void;
  /** Claims and runs one batch and waits for it: tests drive the worker this way, step by step. */
  tick(): Promise<number>;
  /** Wakes the loop now (a job was enqueued in this process). */
  wake(): void;
  /** Stops claiming, waits up to `graceMs` for running jobs, then releases what is left. */
  stop(options?: { graceMs?: number }): Promise<{ finished: number; released: number }>;
  readonly running: number;
}

export function createJobRunner(options: RunnerOptions): JobRunner {
  const db = options.db;
  const clock = options.clock ?? systemClock;
  const concurrency = options.concurrency ?? 4;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const log = options.log ?? { info: (m) => console.log(m), error: (m, e) => console.error(m, e) };
  const workerId =
    options.workerId ?? `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  const queues = Object.keys(options.handlers);
  const inflight = new Map<string, { promise: Promise<void>; abort: AbortController }>();
  let stopping = false;
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let finishedAfterStop = 0;
  let graceOver = false;

  async function runOne(job: Job): Promise<void> {
    const handler = options.handlers[job.queue]!;
    const abort = new AbortController();
    let completed = false;
    const ctx: JobContext = {
      db,
      workerId,
      clock,
      signal: abort.signal,
      async complete(tx) {
        if (!(await completeJob(tx, job, workerId, clock.now())))
          throw new LeaseLostError("The job's lease was lost.");
        completed = true;
      },
      async defer(tx, runAt) {
        if (!(await deferJob(tx, job, workerId, runAt, clock.now())))
          throw new LeaseLostError("The job's lease was lost.");
        completed = true;
      },
    };
    const run = async () => {
      try {
        // Claimed again and again after crashes: its worker died every time, so stop trying.
        if (job.attempts > job.maxAttempts)
          throw new PermanentJobError(
            `Stopped after ${job.maxAttempts} tries: the worker running it stopped each time.`,
          );
        await handler.run(job, ctx);
        if (!completed) await completeJob(db, job, workerId, clock.now());
      } catch (e) {
        if (e instanceof LeaseLostError || (stopping && abort.signal.aborted)) return;
        const reason = message(e);
        await db.transaction(async (tx) => {
          const status = await failJob(tx, job, workerId, reason, clock.now(), {
            permanent: e instanceof PermanentJobError,
            backoff,
          });
          if (status === "dead" && handler.onDead) await handler.onDead(tx, job, reason, { clock });
        });
        if (!(e instanceof PermanentJobError))
          log.error(
            `Job ${job.queue}/${job.key} failed (try ${job.attempts} of ${job.maxAttempts}): ${reason}`,
          );
      }
    };
    const promise = run()
      .catch((e: unknown) =>
        log.error(`Job ${job.queue}/${job.key} could not record its outcome`, e),
      )
      .finally(() => {
        inflight.delete(job.id);
        if (stopping && !graceOver) finishedAfterStop += 1;
        wakeUp?.();
      });
    inflight.set(job.id, { promise, abort });
  }

  async function claimBatch(): Promise<Job[]> {
    const free = concurrency - inflight.size;
    if (free <= 0 || stopping) return [];
    const claimed = await claimJobs(db, {
      workerId,
      queues,
      limit: free,
      leaseMs,
      now: clock.now(),
    });
    for (const job of claimed) void runOne(job);
    return claimed;
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function mainLoop() {
    while (!stopping) {
      let claimed = 0;
      let free = 0;
      try {
        free = concurrency - inflight.size;
        claimed = (await claimBatch()).length;
      } catch (e) {
        log.error("The job worker could not claim jobs (it will try again)", e);
      }
      // A full batch means more may be due: claim again as soon as a slot frees up.
      if (stopping) break;
      if (claimed > 0 && claimed === free)
        await (inflight.size >= concurrency ? sleep(pollMs) : Promise.resolve());
      else await sleep(pollMs);
    }
  }

  return {
    workerId,
    get running() {
      return inflight.size;
    },
    start() {
      if (loop) return;
      heartbeat = setInterval(
        () => {
          const ids = [...inflight.keys()];
          const now = clock.now();
          extendLeases(db, workerId, ids, new Date(now.getTime() + leaseMs), now).catch(
            (e: unknown) => log.error("Could not extend job leases", e),
          );
        },
        Math.max(1000, Math.floor(leaseMs / 3)),
      );
      heartbeat.unref();
      loop = mainLoop();
    },
    async tick() {
      const claimed = await claimBatch();
      await Promise.all([...inflight.values()].map((f) => f.promise));
      return claimed.length;
    },
    wake() {
      wakeUp?.();
    },
    async stop({ graceMs = 10_000 } = {}) {
      stopping = true;
      wakeUp?.();
      await loop;
      if (heartbeat) clearInterval(heartbeat);
      const pending = [...inflight.values()].map((f) => f.promise);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(pending),
        new Promise<void>((r) => (timer = setTimeout(r, graceMs))),
      ]);
      clearTimeout(timer);
      graceOver = true;
      const left = [...inflight.keys()];
      for (const f of inflight.values()) f.abort.abort();
      const released = left.length ? await releaseJobs(db, workerId, clock.now(), left) : 0;
      return { finished: finishedAfterStop, released };
    },
  };
}
