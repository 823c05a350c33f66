/** A workspace's planning settings: whether posts need an owner's approval before they are scheduled. */
import { eq, workspaces, type Database } from "@rapport/db";

export async function approvalsRequired(db: Database, workspaceId: string): Promise<boolean> {
  const [row] = await db
    .select({ on: workspaces.approvalsRequired })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row?.on ?? false;
}

/**
 * Posts already in review or approved keep their status when approvals are turned off; the
 * lifecycle lets them be scheduled directly from there (core's rules for approvals off).
 */
export async function setApprovalsRequired(db: Database, workspaceId: string, required: boolean) {
  await db
    .update(workspaces)
    .set({ approvalsRequired: required, updatedAt: new Date() })
    .where(eq(workspaces.id, workspaceId));
  return { approvalsRequired: required };
}
