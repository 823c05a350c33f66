/**
 * Per-process memo of analyses over a workspace's posts, keyed by the workspace's data version:
 * triggers bump the version in the same statement that changes posts, follower counts or profiles
 * (decision 602), so an entry can never outlive the data it came from. The version is read BEFORE
 * computing: if the data change meanwhile, the entry carries the older version and is never served.
 * Used where a page asks for the same heatmap or cadence baseline on every view (the calendar).
 */
import { eq, workspaces, type Database } from "@rapport/db";

const MAX_ENTRIES = 200;
const entries = new Map<string, unknown>();

export async function byDataVersion<T>(
  db: Database,
  workspaceId: string,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const [ws] = await db
    .select({ v: workspaces.dataVersion })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const full = `${workspaceId}\u0000${key}\u0000${ws?.v ?? "none"}`;
  if (entries.has(full)) {
    const hit = entries.get(full) as T;
    // Most recently used last, so the oldest goes first when the map is full.
    entries.delete(full);
    entries.set(full, hit);
    return hit;
  }
  const value = await compute();
  entries.set(full, value);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return value;
}
