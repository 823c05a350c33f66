/**
 * The durable job queue (decision 801): rows in `jobs`, enqueued inside the caller's transaction, claimed
 * by leases with FOR UPDATE SKIP LOCKED so several workers on PostgreSQL never take the same job, and
 * one in-process worker on PGlite runs the same SQL. Every function takes the time it acts at: tests
 * move the clock, and the database's own now() is never consulted.
 */
import { and, asc, eq, inArray, jobs, lt, lte, or, sql, type Database } from "@rapport/db";

export type Job = typeof jobs.$inferSelect;
/** A database or an open transaction: enqueueing joins whatever transaction the caller holds. */
export type Executor = Pick<Database, "select" | "insert" | "update" | "delete" | "execute">;

export interface EnqueueInput {
  queue: string;
  /** Dedupe key: a waiting job with the same key is moved to the new time and payload instead. */
  key: string;
  payload?: Record<string, unknown>;
  runAt: Date;
  workspaceId?: string | null;
  maxAttempts?: number;
}

/**
 * Adds a job, or moves the waiting one with the same key (a reschedule). A job that already ran
 * (done, dead) or is running is started again only when `restart` is set (retrying a failed publish).
 */
export async function enqueue(
  db: Executor,
  input: EnqueueInput,
  now: Date,
  options: { restart?: boolean } = {},
): Promise<void> {
  const values = {
    queue: input.queue,
    key: input.key,
    payload: input.payload ?? {},
    runAt: input.runAt,
    workspaceId: input.workspaceId ?? null,
    maxAttempts: input.maxAttempts ?? 8,
    status: "queued" as const,
    attempts: 0,
    createdAt: now,
    updatedAt: now,
  };
  const movable = options.restart
    ? sql`${jobs.status} <> 'running'`
    : sql`${jobs.status} in ('queued', 'cancelled')`;
  await db
    .insert(jobs)
    .values(values)
    .onConflictDoUpdate({
      target: jobs.key,
      set: {
        payload: values.payload,
        runAt: values.runAt,
        maxAttempts: values.maxAttempts,
        status: "queued",
        attempts: sql`case when ${jobs.status} = 'queued' then ${jobs.attempts} else 0 end`,
        lastError: sql`case when ${jobs.status} = 'queued' then ${jobs.lastError} else null end`,
        finishedAt: null,
        updatedAt: now,
      },
      setWhere: movable,
    });
}

/** Cancels the waiting job with this key (unscheduled, cancelled); a running one finishes on its own checks. */
export async function cancelJob(db: Executor, key: string, now: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ status: "cancelled", updatedAt: now, finishedAt: now })
    .where(and(eq(jobs.key, key), eq(jobs.status, "queued")));
}

/**
 * Takes up to `limit` due jobs of the given queues for `workerId` until `now + leaseMs`: waiting jobs
 * whose time has come, and running jobs whose lease expired (their worker died).
 */
export async function claimJobs(
  db: Database,
  opts: { workerId: string; queues: string[]; limit: number; leaseMs: number; now: Date },
): Promise<Job[]> {
  if (opts.limit <= 0 || opts.queues.length === 0) return [];
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        inArray(jobs.queue, opts.queues),
        or(
          and(eq(jobs.status, "queued"), lte(jobs.runAt, opts.now)),
          and(eq(jobs.status, "running"), lt(jobs.lockedUntil, opts.now)),
        ),
      ),
    )
    .orderBy(asc(jobs.runAt))
    .limit(opts.limit)
    .for("update", { skipLocked: true });
  return db
    .update(jobs)
    .set({
      status: "running",
      attempts: sql`${jobs.attempts} + 1`,
      lockedBy: opts.workerId,
      lockedUntil: new Date(opts.now.getTime() + opts.leaseMs),
      updatedAt: opts.now,
    })
    .where(inArray(jobs.id, due))
    .returning();
}

/**
 * Marks a job done, in the caller's transaction so that it commits with the job's effects. Returns
 * false when this worker no longer holds the lease (it expired and another worker took the job): the
 * caller must then roll back.
 */
export async function completeJob(
  db: Executor,
  job: Pick<Job, "id">,
  workerId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      status: "done",
      lockedBy: null,
      lockedUntil: null,
      finishedAt: now,
      updatedAt: now,
      lastError: null,
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.status, "running")))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** 0 <= random() < 1; injected so tests know the delay. */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  baseMs: 15_000,
  maxMs: 60 * 60_000,
  random: Math.random,
};

/** Exponential backoff with "equal jitter": half the delay fixed, half random, so retries spread out. */
export function backoffDelay(attempt: number, o: BackoffOptions): number {
  const exp = Math.min(o.maxMs, o.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + o.random() * (exp / 2));
}

/**
 * Records a failed attempt: back to the queue after a backoff, or dead once its attempts are used up
 * (or at once when `permanent`). Returns the new status, or null when this worker had lost the lease.
 */
export async function failJob(
  db: Executor,
  job: Pick<Job, "id" | "attempts" | "maxAttempts">,
  workerId: string,
  error: string,
  now: Date,
  opts: { permanent?: boolean; backoff?: BackoffOptions } = {},
): Promise<"queued" | "dead" | null> {
  const dead = opts.permanent || job.attempts >= job.maxAttempts;
  const runAt = dead
    ? now
    : new Date(now.getTime() + backoffDelay(job.attempts, opts.backoff ?? DEFAULT_BACKOFF));
  const rows = await db
    .update(jobs)
    .set({
      status: dead ? "dead" : "queued",
      runAt,
      lockedBy: null,
      lockedUntil: null,
      lastError: error.slice(0, 2000),
      updatedAt: now,
      finishedAt: dead ? now : null,
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.status, "running")))
    .returning({ id: jobs.id });
  if (rows.length === 0) return null;
  return dead ? "dead" : "queued";
}

/** Gives back the jobs this worker holds (shutdown): waiting again at once, the claim not counted. */
export async function releaseJobs(
  db: Executor,
  workerId: string,
  now: Date,
  ids?: string[],
): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({
      status: "queued",
      lockedBy: null,
      lockedUntil: null,
      attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
      updatedAt: now,
    })
    .where(
      and(
        eq(jobs.lockedBy, workerId),
        eq(jobs.status, "running"),
        ids ? inArray(jobs.id, ids) : undefined,
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}

/** Extends the leases this worker holds (a heartbeat for jobs that take longer than one lease). */
export async function extendLeases(
  db: Executor,
  workerId: string,
  ids: string[],
  until: Date,
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(jobs)
    .set({ lockedUntil: until, updatedAt: now })
    .where(and(eq(jobs.lockedBy, workerId), eq(jobs.status, "running"), inArray(jobs.id, ids)));
}

/** Puts a claimed job back to wait until `runAt` (its post was moved later while it was being claimed). */
export async function deferJob(
  db: Executor,
  job: Pick<Job, "id">,
  workerId: string,
  runAt: Date,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      status: "queued",
      runAt,
      lockedBy: null,
      lockedUntil: null,
      attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
      updatedAt: now,
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.status, "running")))
    .returning({ id: jobs.id });
  return rows.length > 0;
}
