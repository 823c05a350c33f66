/** The post as it will look on its platform, with the planned time on the profile's clock. */
import type { Platform } from "@rapport/core";
import { Card, PlatformPostPreview } from "@rapport/ui";
import { formatPlanned, plannedInstant } from "~/utils/planned-time";
import type { DraftMedia } from "./draft-fields";

export function DraftPreviewCard({
  workspaceId,
  platform,
  profile,
  caption,
  firstComment,
  plannedAt,
  media,
}: {
  workspaceId: string;
  platform: Platform;
  profile: { displayName: string; handle: string; timeZone: string };
  caption: string;
  firstComment: string;
  plannedAt: string;
  media: DraftMedia;
}) {
  const planned = plannedInstant(plannedAt, profile.timeZone);
  return (
    <Card title="Preview" headingLevel={2} data-testid="preview">
      <PlatformPostPreview
        platform={platform}
        author={{ name: profile.displayName, handle: profile.handle }}
        text={caption}
        media={media
          .filter((m) => m.hasThumbnail)
          .map((m, i) => ({
            src: `/w/${workspaceId}/media/${m.id}?size=thumb`,
            alt: `Photo ${i + 1}`,
          }))}
        timestamp={
          planned
            ? formatPlanned(planned, profile.timeZone, {
                weekday: "short",
                hour: "2-digit",
                minute: "2-digit",
              })
            : "Just now"
        }
      />
      {firstComment ? (
        <p className="muted">
          First comment: <span>{firstComment}</span>
        </p>
      ) : null}
    </Card>
  );
}
