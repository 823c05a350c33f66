/** A workspace's content types: core's defaults, created on first use, renamable and extendable. */
import { CONTENT_TYPES, CONTENT_TYPE_LABELS } from "@rapport/core";
import { and, asc, contentTypes, eq, isNull, type Database } from "@rapport/db";

export interface WorkspaceContentType {
  key: string;
  label: string;
  position: number;
  archived: boolean;
}

/** Inserts the default content types for a workspace that has none yet (idempotent). */
export async function ensureContentTypes(db: Database, workspaceId: string): Promise<void> {
  await db
    .insert(contentTypes)
    .values(CONTENT_TYPES.map((key, i) => ({ workspaceId, key, label: CONTENT_TYPE_LABELS[key], position: i })))
    .onConflictDoNothing();
}

export async function listContentTypes(db: Database, workspaceId: string, includeArchived = false): Promise<WorkspaceContentType[]> {
  await ensureContentTypes(db, workspaceId);
  const rows = await db
    .select()
    .from(contentTypes)
    .where(includeArchived ? eq(contentTypes.workspaceId, workspaceId) : and(eq(contentTypes.workspaceId, workspaceId), isNull(contentTypes.archivedAt)))
    .orderBy(asc(contentTypes.position), asc(contentTypes.label));
  return rows.map((r) => ({ key: r.key, label: r.label, position: r.position, archived: r.archivedAt !== null }));
}

/** True when the key names an active content type of the workspace. */
export async function isActiveContentType(db: Database, workspaceId: string, key: string): Promise<boolean> {
  await ensureContentTypes(db, workspaceId);
  const [row] = await db
    .select({ key: contentTypes.key })
    .from(contentTypes)
    .where(and(eq(contentTypes.workspaceId, workspaceId), eq(contentTypes.key, key), isNull(contentTypes.archivedAt)));
  return Boolean(row);
}

/** "Latte art Fridays" → "latte-art-fridays". */
export function contentTypeKeyFor(label: string): string {
  return (
    label
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "type"
  );
}
