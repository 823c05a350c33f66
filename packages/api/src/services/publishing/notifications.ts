/** In-app notifications: one row per person, an unread count for the shell, read when opened. */
import {
  and,
  count,
  desc,
  eq,
  inArray,
  isNull,
  memberships,
  notifications,
  users,
} from "@rapport/db";
import type { Executor } from "./queue";

export interface NotificationInput {
  kind: "reminder" | "publish-failed" | (string & {});
  title: string;
  body: string;
  href: string | null;
  draftId: string | null;
}

/** The people who can publish: owners and editors (viewers are not asked to act). */
export async function publishers(
  db: Executor,
  workspaceId: string,
): Promise<{ userId: string; email: string; name: string }[]> {
  return db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, ["owner", "editor"])),
    );
}

export async function notify(
  db: Executor,
  workspaceId: string,
  userIds: string[],
  n: NotificationInput,
  now: Date,
): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insert(notifications)
    .values(userIds.map((userId) => ({ workspaceId, userId, ...n, createdAt: now })));
}

export async function listNotifications(
  db: Executor,
  workspaceId: string,
  userId: string,
  limit = 50,
) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      href: notifications.href,
      draftId: notifications.draftId,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId)))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

export async function unreadCount(
  db: Executor,
  workspaceId: string,
  userId: string,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(
      and(
        eq(notifications.workspaceId, workspaceId),
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
      ),
    );
  return row?.n ?? 0;
}

/** Marks the given notifications (or all) read; returns how many changed. */
export async function markRead(
  db: Executor,
  workspaceId: string,
  userId: string,
  ids: string[] | null,
  now: Date,
): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.workspaceId, workspaceId),
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
