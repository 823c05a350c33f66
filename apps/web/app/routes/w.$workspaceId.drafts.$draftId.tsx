/**
 * The draft editor. Core's scorer runs in the browser: trained once from the profile's past posts,
 * then `scoreDraft` on every keystroke with no request. Autosave sends the version it edited; when
 * another tab saved first, a conflict view offers both versions. Unsaved typing is kept in
 * localStorage, so a reload never loses it. The state and autosave live in `useDraftAutosave`, the
 * media in `useDraftMedia`; the cards are in components/drafts.
 */
import {
  bestPastPost,
  CONTENT_TYPES,
  countCaption,
  draftForScoring,
  countCaptionAllPlatforms,
  scoreDraft,
  trainScorer,
  type ContentType,
} from "@rapport/core";
import { Alert, Card, PageHeader, Textarea } from "@rapport/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { CaptionLimitsList } from "~/components/drafts/caption-limits-list";
import { DraftConflictCard } from "~/components/drafts/draft-conflict-card";
import { DraftDetailsFields } from "~/components/drafts/draft-details-fields";
import { DraftLifecycle } from "~/components/drafts/draft-lifecycle";
import { DraftMediaCard, useDraftMedia } from "~/components/drafts/draft-media";
import { DraftPreviewCard } from "~/components/drafts/draft-preview-card";
import { DraftScorePanel } from "~/components/drafts/draft-score-panel";
import { useDraftAutosave } from "~/components/drafts/use-draft-autosave";
import { useTRPC } from "~/trpc/react";
import { orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { fieldError, formError } from "~/utils/errors";
import { draftIdParam, workspaceIdParam } from "~/utils/params";
import { plannedInstant } from "~/utils/planned-time";
import { useWorkspace } from "./w.$workspaceId";

export const meta: MetaFunction = () => [{ title: "Draft · Rapport" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const draftId = draftIdParam(params);
  const api = await serverApi(request);
  const draft = await orResponse(api.draft.get({ workspaceId, draftId }));
  const [profiles, contentTypes, scoring] = await Promise.all([
    orResponse(api.socialProfile.list({ workspaceId })),
    orResponse(api.contentType.list({ workspaceId, includeArchived: true })),
    orResponse(api.draft.scoringInput({ workspaceId, profileId: draft.profileId })),
  ]);
  const { scoreDetails: _details, ...rest } = draft;
  return { draft: rest, profiles, contentTypes, scoring };
}

export default function DraftEditor() {
  const loaded = useLoaderData<typeof loader>();
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const draftId = loaded.draft.id;
  const canEdit = workspace.role !== "viewer";

  const mediaState = useDraftMedia(loaded.draft.media, workspace.id, draftId);
  const { media, setMedia } = mediaState;
  const editor = useDraftAutosave({
    workspaceId: workspace.id,
    draft: loaded.draft,
    profiles: loaded.profiles,
    canEdit,
    onTakeTheirs: (theirs) => setMedia(theirs.media),
  });
  const { fields, set, saveError, zoneOf, conflict } = editor;

  // Scoring: history for the chosen profile (the loader's, or fetched when the profile changes).
  const scoringQuery = useQuery(
    trpc.draft.scoringInput.queryOptions(
      { workspaceId: workspace.id, profileId: fields.profileId },
      {
        initialData: fields.profileId === loaded.draft.profileId ? loaded.scoring : undefined,
        staleTime: Infinity,
      },
    ),
  );
  const scoring = scoringQuery.data ?? loaded.scoring;
  const model = useMemo(() => trainScorer(scoring.history, scoring.context), [scoring]);
  const platform = scoring.context.platform;
  const coreType = (CONTENT_TYPES as readonly string[]).includes(fields.contentType)
    ? (fields.contentType as ContentType)
    : null;
  // The same mapping from draft to scorer input as the server's save (core's draftForScoring).
  const score = useMemo(
    () =>
      scoreDraft(
        draftForScoring(
          {
            contentType: fields.contentType || null,
            format: fields.format || null,
            caption: fields.caption,
            plannedAt: plannedInstant(fields.plannedAt, zoneOf(fields.profileId)),
            mediaCount: media.length,
          },
          platform,
        ),
        model,
      ),
    [
      model,
      platform,
      fields.contentType,
      fields.format,
      fields.caption,
      fields.plannedAt,
      fields.profileId,
      zoneOf,
      media.length,
    ],
  );
  const best = useMemo(() => bestPastPost(scoring.history, coreType), [scoring.history, coreType]);
  const counts = useMemo(() => countCaptionAllPlatforms(fields.caption), [fields.caption]);
  const own = counts.find((c) => c.platform === platform) ?? countCaption(fields.caption, platform);

  const profile = loaded.profiles.find((p) => p.id === fields.profileId);
  const typeOptions = useMemo(
    () =>
      loaded.contentTypes
        .filter((t) => !t.archived || t.key === fields.contentType)
        .map((t) => ({ value: t.key, label: t.archived ? `${t.label} (archived)` : t.label })),
    [loaded.contentTypes, fields.contentType],
  );
  const typeLabel = loaded.contentTypes.find((t) => t.key === fields.contentType)?.label ?? null;
  // Only the fields the details card shows, so typing in the caption leaves it alone (memo).
  const details = useMemo(
    () => ({
      profileId: fields.profileId,
      contentType: fields.contentType,
      format: fields.format,
      plannedAt: fields.plannedAt,
      labels: fields.labels,
      firstComment: fields.firstComment,
      notes: fields.notes,
    }),
    [
      fields.profileId,
      fields.contentType,
      fields.format,
      fields.plannedAt,
      fields.labels,
      fields.firstComment,
      fields.notes,
    ],
  );

  return (
    <>
      <PageHeader
        title={
          fields.caption.trim()
            ? `Draft: ${Array.from(fields.caption.trim()).slice(0, 40).join("")}${fields.caption.trim().length > 40 ? "…" : ""}`
            : "New draft"
        }
        description={
          profile
            ? `For ${profile.displayName} (@${profile.handle}) on ${platform === "x" ? "X" : profile.platform[0]!.toUpperCase() + profile.platform.slice(1)}.`
            : undefined
        }
        actions={
          <span
            className="save-status"
            role="status"
            data-testid="save-status"
            data-state={editor.saveState}
          >
            {editor.statusText}
          </span>
        }
      />
      <p>
        <Link to={`/w/${workspace.id}/drafts`}>← All drafts</Link>
      </p>
      {editor.restored ? (
        <Alert tone="info" role="status" title="Restored your unsaved changes">
          This browser had changes that were not saved yet; they are back and will save now.
        </Alert>
      ) : null}
      {formError(saveError) ? <Alert tone="danger">{formError(saveError)}</Alert> : null}
      {conflict ? (
        <DraftConflictCard
          theirVersion={conflict.version}
          mine={fields.caption}
          theirs={conflict.caption}
          onKeepMine={editor.keepMine}
          onTakeTheirs={editor.takeTheirs}
          onCopyMine={() => void editor.copyMine()}
          copying={editor.copying}
        />
      ) : null}
      <div className="editor-grid">
        <div className="stack">
          <Card title="Post" headingLevel={2}>
            <div className="stack">
              <Textarea
                label="Caption"
                name="caption"
                rows={8}
                value={fields.caption}
                onChange={(e) => set("caption", e.currentTarget.value)}
                readOnly={!canEdit}
                error={
                  fieldError(saveError, "caption") ?? (own.ok ? undefined : own.problems.join(" "))
                }
                description={`${own.label} counts ${own.label === "X" ? "weighted characters: links as 23, emoji and CJK as 2" : "characters"}.`}
              />
              <CaptionLimitsList counts={counts} primary={platform} />
              <DraftDetailsFields
                values={details}
                set={set}
                saveError={saveError}
                canEdit={canEdit}
                typeOptions={typeOptions}
                profiles={loaded.profiles}
              />
            </div>
          </Card>
          <DraftMediaCard
            workspaceId={workspace.id}
            canEdit={canEdit}
            media={media}
            uploading={mediaState.uploading}
            uploadErrors={mediaState.uploadErrors}
            upload={mediaState.upload}
            onReorder={mediaState.onReorder}
            onRemove={mediaState.onRemove}
          />
          {fieldError(saveError, "media") ? (
            <Alert tone="danger">{fieldError(saveError, "media")}</Alert>
          ) : null}
          <DraftLifecycle
            workspaceId={workspace.id}
            draftId={draftId}
            version={editor.version}
            status={editor.status}
            timeZone={zoneOf(fields.profileId)}
            canEdit={canEdit}
            pendingSave={editor.dirty || editor.saveState === "saving"}
            onChanged={editor.applyLifecycle}
            onRefused={editor.setSaveError}
          />
        </div>
        <div className="stack">
          <div data-testid="score-box">
            <DraftScorePanel score={score} best={best} contentTypeLabel={typeLabel} />
          </div>
          {profile ? (
            <DraftPreviewCard
              workspaceId={workspace.id}
              platform={platform}
              profile={profile}
              caption={fields.caption}
              firstComment={fields.firstComment}
              plannedAt={fields.plannedAt}
              media={media}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}
