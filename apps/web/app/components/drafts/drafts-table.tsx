/** The drafts list's table: each draft with its type, status, stored score (or why it has none) and plan. */
import { DRAFT_STATUS_LABELS } from "@rapport/api/draft-schemas";
import { FORMAT_LABELS, PLATFORM_LABELS, type Format } from "@rapport/core";
import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@rapport/ui";
import { Form, Link } from "@remix-run/react";
import type { DraftsData } from "~/routes/w.$workspaceId.drafts._index";
import { formatPlanned } from "~/utils/planned-time";

/** Why a draft has no 0-100 score yet, in the list's words (by its stored band). */
const DIRECTION_ONLY = {
  text: "direction only",
  title: "Fewer than 10 past posts: the scorer gives direction only.",
};
const NO_SCORE: Record<string, { text: string; title: string }> & {
  directionOnly: { text: string; title: string };
} = {
  directionOnly: DIRECTION_ONLY,
  "direction-only": DIRECTION_ONLY,
  "range-only": {
    text: "range only",
    title: "Fewer than 20 past posts to rank against: the editor shows a predicted range.",
  },
  incomplete: {
    text: "incomplete",
    title: "Add a caption (and the photos or video its format needs) to get a score.",
  },
};

export function DraftsTable({
  workspaceId,
  drafts,
  profiles,
  contentTypes,
  canEdit,
  onDelete,
}: Pick<DraftsData, "drafts" | "profiles" | "contentTypes"> & {
  workspaceId: string;
  canEdit: boolean;
  onDelete: (d: { draftId: string; title: string }) => void;
}) {
  const typeLabel = (key: string | null) =>
    key ? (contentTypes.find((t) => t.key === key)?.label ?? key) : null;
  const profileOf = (id: string) => profiles.find((p) => p.id === id);
  return (
    <Table caption={`${drafts.length} ${drafts.length === 1 ? "draft" : "drafts"}`}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Draft</TableHeaderCell>
          <TableHeaderCell>Type</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell numeric>Score</TableHeaderCell>
          <TableHeaderCell>Planned</TableHeaderCell>
          <TableHeaderCell>
            <span className="visually-hidden">Actions</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {drafts.map((d) => {
          const p = profileOf(d.profileId);
          return (
            <TableRow key={d.id} data-testid="draft-row">
              <TableCell>
                <Link to={`/w/${workspaceId}/drafts/${d.id}`}>
                  {d.caption.trim()
                    ? Array.from(d.caption.trim()).slice(0, 60).join("") +
                      (Array.from(d.caption.trim()).length > 60 ? "…" : "")
                    : "Untitled draft"}
                </Link>
                <br />
                <span className="muted">
                  {p ? `@${p.handle} · ${PLATFORM_LABELS[p.platform]}` : ""}
                  {d.format ? ` · ${FORMAT_LABELS[d.format as Format] ?? d.format}` : ""}
                  {d.media.length ? ` · ${d.media.length} media` : ""}
                </span>
                {d.labels.length ? (
                  <span className="label-list">
                    {d.labels.map((l) => (
                      <Badge key={l}>{l}</Badge>
                    ))}
                  </span>
                ) : null}
              </TableCell>
              <TableCell>
                {typeLabel(d.contentType) ?? <span className="muted">none</span>}
              </TableCell>
              <TableCell>{DRAFT_STATUS_LABELS[d.status]}</TableCell>
              <TableCell numeric>
                {d.score !== null ? (
                  <span title={`Model ${d.modelVersion}`} data-testid="draft-score">
                    {Math.round(d.score)} / 100
                  </span>
                ) : (
                  <span
                    className="muted"
                    title={(NO_SCORE[d.scoreBand ?? ""] ?? NO_SCORE.directionOnly).title}
                    data-testid="draft-score"
                  >
                    {(NO_SCORE[d.scoreBand ?? ""] ?? NO_SCORE.directionOnly).text}
                  </span>
                )}
              </TableCell>
              <TableCell>
                {d.plannedAt ? (
                  formatPlanned(d.plannedAt, profileOf(d.profileId)?.timeZone ?? "UTC")
                ) : (
                  <span className="muted">not planned</span>
                )}
              </TableCell>
              <TableCell className="row-actions">
                {canEdit ? (
                  <Form method="post">
                    <input type="hidden" name="draftId" value={d.id} />
                    <Button
                      type="submit"
                      name="intent"
                      value="duplicate"
                      variant="secondary"
                      size="sm"
                    >
                      Duplicate
                    </Button>
                  </Form>
                ) : null}
                {canEdit ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() =>
                      onDelete({
                        draftId: d.id,
                        title:
                          Array.from(d.caption.trim()).slice(0, 40).join("") || "Untitled draft",
                      })
                    }
                  >
                    Delete
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
