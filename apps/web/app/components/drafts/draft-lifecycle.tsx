/**
 * Where a post is in its lifecycle and what the caller may do next (submit for review, approve, send
 * back with a comment, schedule, unschedule, cancel, add to the queue), with its history. Scheduling
 * refusals are handed to the editor, which shows each beside the field that caused it.
 */
import { DRAFT_STATUS_LABELS, type DRAFT_STATUSES } from "@rapport/api/draft-schemas";
import {
  Alert,
  Badge,
  Button,
  Card,
  LifecycleTimeline,
  Textarea,
  type PostStatus,
} from "@rapport/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { userError, type UserFacingError } from "~/utils/errors";
import { formatPlanned } from "~/utils/planned-time";

type Status = (typeof DRAFT_STATUSES)[number];

export interface DraftLifecycleProps {
  workspaceId: string;
  draftId: string;
  version: number;
  status: Status;
  /** The profile's clock, for the history's times. */
  timeZone: string;
  canEdit: boolean;
  /** Unsaved typing: moving on waits until it is saved. */
  pendingSave: boolean;
  onChanged: (next: { version: number; status: Status; plannedLocal?: string }) => void;
  /** A refusal with per-field sentences (caption, media, format, plannedAt) for the editor's fields. */
  onRefused: (error: UserFacingError) => void;
}

export function DraftLifecycle({
  workspaceId,
  draftId,
  version,
  status,
  timeZone,
  canEdit,
  pendingSave,
  onChanged,
  onRefused,
}: DraftLifecycleProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const historyOptions = trpc.draft.history.queryOptions({ workspaceId, draftId });
  const history = useQuery(historyOptions);
  const transition = useMutation(trpc.draft.transition.mutationOptions());
  const queue = useMutation(trpc.draft.addToQueue.mutationOptions());
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);

  const done = async (text: string) => {
    setMessage({ tone: "success", text });
    await queryClient.invalidateQueries({ queryKey: historyOptions.queryKey });
  };
  const failed = (error: unknown) => {
    const e = userError(error, "That move did not go through.");
    const fields = Object.keys(e.fieldErrors).length > 0;
    if (fields) onRefused(e);
    setMessage({
      tone: "danger",
      text: fields ? "Not done: each field that needs a change says why." : e.message,
    });
  };

  const move = async (to: Status, label: string, commentRequired: boolean) => {
    setMessage(null);
    setCommentError(undefined);
    if (commentRequired && !comment.trim()) {
      setCommentError("Say what to change: the editor sees this comment.");
      return;
    }
    try {
      const r = await transition.mutateAsync({
        workspaceId,
        draftId,
        to,
        expectedVersion: version,
        comment: comment.trim() || undefined,
      });
      setComment("");
      onChanged({ version: r.version, status: r.status });
      await done(`${label}: now ${DRAFT_STATUS_LABELS[r.status].toLowerCase()}.`);
    } catch (error) {
      failed(error);
    }
  };

  const addToQueue = async () => {
    setMessage(null);
    try {
      const r = await queue.mutateAsync({ workspaceId, draftId, expectedVersion: version });
      onChanged({
        version: r.version,
        status: r.status,
        plannedLocal: `${r.localDate}T${r.localTime}`,
      });
      await done(
        `Added to the queue: scheduled for ${r.localDate} at ${r.localTime} (${timeZone.replaceAll("_", " ")} time).${r.resolution ? ` ${r.resolution}` : ""}`,
      );
    } catch (error) {
      failed(error);
    }
  };

  const available = canEdit ? (history.data?.available ?? []) : [];
  const entries = history.data?.entries ?? [];
  const last = entries[entries.length - 1];
  const sentBack = status === "draft" && last?.action === "send_back" && last.comment;
  const busy = transition.isPending || queue.isPending;
  const needsComment = available.some((a) => a.commentRequired);
  return (
    <Card title="Status and approval" headingLevel={2} data-testid="lifecycle">
      <div className="stack">
        <p>
          <Badge
            tone={status === "scheduled" ? "success" : status === "in_review" ? "info" : "neutral"}
          >
            {DRAFT_STATUS_LABELS[status]}
          </Badge>{" "}
          {history.data?.approvalsRequired ? (
            <span className="muted">
              This workspace asks an owner to approve posts before they are scheduled.
            </span>
          ) : null}
        </p>
        {sentBack ? (
          <Alert tone="warning" title={`Sent back by ${last.actor?.name ?? "an owner"}`}>
            {last.comment}
          </Alert>
        ) : null}
        {available.length > 0 ? (
          <>
            {needsComment || available.some((a) => a.action === "approve") ? (
              <Textarea
                label="Comment"
                name="lifecycle-comment"
                rows={2}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                error={commentError}
                description={
                  needsComment
                    ? "Needed to send a post back; the editor sees it on the post."
                    : "Optional; kept in the history."
                }
              />
            ) : null}
            <div className="lifecycle-actions">
              {available.map((a) => (
                <Button
                  key={`${a.action}-${a.to}`}
                  size="sm"
                  variant={
                    a.to === "cancelled"
                      ? "danger"
                      : a.action === "approve" || a.action === "schedule" || a.action === "submit"
                        ? "primary"
                        : "secondary"
                  }
                  disabled={busy || pendingSave}
                  onClick={() => void move(a.to, a.label, a.commentRequired)}
                >
                  {a.label}
                </Button>
              ))}
              {available.some((a) => a.to === "scheduled") ? (
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={busy || pendingSave}
                  onClick={() => void addToQueue()}
                >
                  Add to queue
                </Button>
              ) : null}
            </div>
            {pendingSave ? <p className="muted">Saving your changes first…</p> : null}
          </>
        ) : null}
        <div aria-live="polite">
          {message ? (
            <Alert tone={message.tone} role={message.tone === "success" ? "status" : "alert"}>
              {message.text}
            </Alert>
          ) : null}
        </div>
        <h3 className="section-title">History</h3>
        {history.isError ? (
          <Alert tone="danger">
            {userError(history.error, "The history could not be loaded.").message}
          </Alert>
        ) : (
          <LifecycleTimeline
            events={entries.map((e) => ({
              id: e.id,
              actor: e.actor?.name ?? null,
              at: new Date(e.createdAt).toISOString(),
              atLabel: formatPlanned(e.createdAt, timeZone, {
                weekday: "short",
                day: "numeric",
                month: "short",
                hour: "2-digit",
                minute: "2-digit",
              }),
              from: e.fromStatus as PostStatus | null,
              to: e.toStatus as PostStatus,
              comment: e.comment,
            }))}
            emptyText={history.isPending ? "Loading the history…" : "No changes yet."}
          />
        )}
      </div>
    </Card>
  );
}
