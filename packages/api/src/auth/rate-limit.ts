/** Fixed-window rate limits kept in the database, so they hold across restarts and processes. */
import { eq, rateLimits, sql, type Database } from "@rapport/db";

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  /** When the current window ends. */
  resetAt: Date;
}

/** Counts one attempt against `key` and says whether it is within `limit` per `windowMs`. */
export async function consumeRateLimit(
  db: Database,
  key: string,
  limit: number,
  windowMs: number,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  const windowStartFloor = new Date(now.getTime() - windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} <= ${windowStartFloor.toISOString()}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} <= ${windowStartFloor.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  const count = row?.count ?? 1;
  const start = row?.windowStart ?? now;
  return {
    allowed: count <= limit,
    remaining: Math.max(0, limit - count),
    resetAt: new Date(start.getTime() + windowMs),
  };
}

export async function resetRateLimit(db: Database, key: string): Promise<void> {
  await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}

export interface BackoffPolicy {
  /** Attempts allowed back to back before any wait. */
  freeAttempts: number;
  /** The first wait; each further attempt doubles it. */
  baseDelayMs: number;
  /** The longest wait; after this long without an attempt the count starts over. */
  maxDelayMs: number;
}

export interface BackoffResult {
  allowed: boolean;
  /** When the next attempt will be allowed (now when it already is). */
  retryAt: Date;
}

function backoffDelay(attempts: number, policy: BackoffPolicy): number {
  if (attempts < policy.freeAttempts) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - policy.freeAttempts));
}

/**
 * Counts one attempt against `key` with exponential backoff: after `freeAttempts`, each attempt must
 * wait twice as long as the one before. The row is locked while it is read and written, so parallel
 * attempts cannot all slip through the same gap. `windowStart` holds the last counted attempt.
 */
export async function consumeBackoff(
  db: Database,
  key: string,
  policy: BackoffPolicy,
  now: Date = new Date(),
): Promise<BackoffResult> {
  return db.transaction(async (tx) => {
    await tx
      .insert(rateLimits)
      .values({ key, windowStart: new Date(0), count: 0 })
      .onConflictDoNothing();
    const [row] = await tx.select().from(rateLimits).where(eq(rateLimits.key, key)).for("update");
    const last = row?.windowStart ?? new Date(0);
    const attempts = row && now.getTime() - last.getTime() < policy.maxDelayMs ? row.count : 0;
    const retryAt = new Date(last.getTime() + backoffDelay(attempts, policy));
    if (attempts > 0 && retryAt > now) return { allowed: false, retryAt };
    await tx
      .update(rateLimits)
      .set({ count: attempts + 1, windowStart: now })
      .where(eq(rateLimits.key, key));
    return { allowed: true, retryAt: now };
  });
}

/** Takes back one counted attempt (a success that should not count against a shared client). */
export async function forgiveAttempt(db: Database, key: string): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}
