/**
 * A draft's photos or video: the list in posting order (uploaded one by one through the media resource
 * route, reordered and removed through tRPC) and the card that shows and edits it.
 */
import { MAX_IMAGE_BYTES, MAX_MEDIA_PER_DRAFT, MAX_VIDEO_BYTES } from "@rapport/api/draft-schemas";
import { Card, MediaGrid, TextField } from "@rapport/ui";
import { useMutation } from "@tanstack/react-query";
import { memo, useCallback, useState } from "react";
import { useTRPC } from "~/trpc/react";
import type { DraftMedia } from "./draft-fields";

const mb = (b: number) => `${Math.round(b / (1024 * 1024))} MB`;

export function useDraftMedia(initial: DraftMedia, workspaceId: string, draftId: string) {
  const trpc = useTRPC();
  const [media, setMedia] = useState(initial);
  const [uploadErrors, setUploadErrors] = useState<string[]>([]);
  const [uploading, setUploading] = useState(0);

  // Stable callbacks, so the memoized card is not re-rendered by typing elsewhere in the editor.
  const upload = useCallback(
    async (files: FileList) => {
      const errors: string[] = [];
      for (const file of Array.from(files)) {
        setUploading((n) => n + 1);
        try {
          const body = new FormData();
          body.append("file", file);
          const res = await fetch(`/w/${workspaceId}/drafts/${draftId}/media`, {
            method: "POST",
            body,
          });
          const json = (await res.json().catch(() => null)) as {
            media?: DraftMedia;
            error?: string;
          } | null;
          if (!res.ok || !json?.media)
            errors.push(json?.error ?? `${file.name} could not be uploaded (${res.status}).`);
          else setMedia(json.media);
        } catch {
          errors.push(`${file.name} could not be uploaded: the connection dropped.`);
        } finally {
          setUploading((n) => n - 1);
        }
      }
      setUploadErrors(errors);
    },
    [workspaceId, draftId],
  );

  const { mutate: reorder } = useMutation(trpc.media.reorder.mutationOptions());
  const { mutate: detach } = useMutation(trpc.media.detach.mutationOptions());
  const onReorder = useCallback(
    (ids: string[]) => {
      const before = media;
      setMedia(
        ids.map((id, position) => ({
          ...(media.find((m) => m.id === id) as DraftMedia[number]),
          position,
        })),
      );
      reorder(
        { workspaceId, draftId, mediaIds: ids },
        {
          onSuccess: (list) => setMedia(list),
          onError: (e) => (setMedia(before), setUploadErrors([e.message])),
        },
      );
    },
    [media, reorder, workspaceId, draftId],
  );
  const onRemove = useCallback(
    (id: string) =>
      detach(
        { workspaceId, draftId, mediaId: id },
        { onSuccess: (list) => setMedia(list), onError: (e) => setUploadErrors([e.message]) },
      ),
    [detach, workspaceId, draftId],
  );

  return { media, setMedia, uploadErrors, uploading, upload, onReorder, onRemove };
}

/**
 * The media card. Memoized: typing in the caption re-renders the editor, and this card only changes
 * when its media, uploads or errors do.
 */
export const DraftMediaCard = memo(function DraftMediaCard({
  workspaceId,
  canEdit,
  media,
  uploading,
  uploadErrors,
  upload,
  onReorder,
  onRemove,
}: Omit<ReturnType<typeof useDraftMedia>, "setMedia"> & { workspaceId: string; canEdit: boolean }) {
  const hasVideo = media.some((m) => m.mimeType.startsWith("video/"));
  return (
    <Card
      title="Media"
      headingLevel={2}
      description={`1–${MAX_MEDIA_PER_DRAFT} images (JPEG, PNG, WebP, GIF or AVIF, up to ${mb(MAX_IMAGE_BYTES)} each) or one MP4/MOV video (up to ${mb(MAX_VIDEO_BYTES)}). Location and other metadata are removed from photos and videos.`}
    >
      <div className="stack">
        {media.length > 0 ? (
          <MediaGrid
            label="Media in posting order"
            items={media.map((m, i) => ({
              id: m.id,
              src: m.hasThumbnail ? `/w/${workspaceId}/media/${m.id}?size=thumb` : null,
              alt: `${m.mimeType.startsWith("video/") ? "Video" : "Photo"} ${i + 1}${m.originalName ? ` (${m.originalName})` : ""}`,
              placeholder: m.mimeType.startsWith("video/") ? "Video" : undefined,
            }))}
            onReorder={canEdit ? onReorder : undefined}
            onRemove={canEdit ? onRemove : undefined}
            disabled={!canEdit}
          />
        ) : (
          <p className="muted">No media yet.</p>
        )}
        {canEdit ? (
          <TextField
            label="Add photos or a video"
            name="media"
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,image/gif,image/avif,video/mp4,video/quicktime"
            disabled={hasVideo || media.length >= MAX_MEDIA_PER_DRAFT || uploading > 0}
            error={uploadErrors.length ? uploadErrors.join(" ") : undefined}
            description={
              uploading > 0
                ? `Uploading ${uploading} file${uploading === 1 ? "" : "s"}…`
                : hasVideo
                  ? "This draft has a video; remove it to add photos."
                  : undefined
            }
            onChange={(e) => {
              const files = e.currentTarget.files;
              if (files && files.length) void upload(files).then(() => (e.target.value = ""));
            }}
          />
        ) : null}
      </div>
    </Card>
  );
});
