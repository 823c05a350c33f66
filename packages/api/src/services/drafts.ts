/** Draft rows with their media, read the same way by every draft procedure (always workspace-scoped). */
import { and, asc, draftMedia, drafts, eq, inArray, media, sql, type Database } from "@rapport/db";

export type DraftRow = typeof drafts.$inferSelect;

export interface DraftMediaItem {
  id: string;
  position: number;
  mimeType: string;
  width: number | null;
  height: number | null;
  hasThumbnail: boolean;
  originalName: string | null;
}

export async function mediaForDrafts(
  db: Database,
  draftIds: string[],
): Promise<Map<string, DraftMediaItem[]>> {
  const out = new Map<string, DraftMediaItem[]>();
  if (draftIds.length === 0) return out;
  const rows = await db
    .select({
      draftId: draftMedia.draftId,
      position: draftMedia.position,
      id: media.id,
      mimeType: media.mimeType,
      width: media.width,
      height: media.height,
      thumbnailKey: media.thumbnailKey,
      originalName: sql<string | null>`coalesce(${draftMedia.originalName}, ${media.originalName})`,
    })
    .from(draftMedia)
    .innerJoin(media, eq(draftMedia.mediaId, media.id))
    .where(inArray(draftMedia.draftId, draftIds))
    .orderBy(asc(draftMedia.draftId), asc(draftMedia.position));
  for (const r of rows) {
    const list = out.get(r.draftId) ?? [];
    list.push({
      id: r.id,
      position: r.position,
      mimeType: r.mimeType,
      width: r.width,
      height: r.height,
      hasThumbnail: r.thumbnailKey !== null,
      originalName: r.originalName,
    });
    out.set(r.draftId, list);
  }
  return out;
}

export async function findDraft(
  db: Database,
  workspaceId: string,
  draftId: string,
): Promise<DraftRow | null> {
  const [row] = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.id, draftId), eq(drafts.workspaceId, workspaceId)));
  return row ?? null;
}

export async function draftWithMedia(db: Database, row: DraftRow) {
  const m = await mediaForDrafts(db, [row.id]);
  return { ...row, media: m.get(row.id) ?? [] };
}
