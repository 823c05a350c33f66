/**
 * The draft editor. Core's scorer runs in the browser: trained once from the profile's past posts,
 * then `scoreDraft` on every keystroke with no request. Autosave sends the version it edited; when
 * another tab saved first, a conflict view offers both versions. Unsaved typing is kept in
 * localStorage, so a reload never loses it.
 */
import type { AppRouter } from "@rapport/api";
import type { inferRouterOutputs } from "@trpc/server";
import {
  MAX_IMAGE_BYTES,
  MAX_MEDIA_PER_DRAFT,
  MAX_VIDEO_BYTES,
  DraftUpdateSchema,
} from "@rapport/api/draft-schemas";
import {
  bestPastPost,
  CONTENT_TYPES,
  countCaption,
  draftForScoring,
  countCaptionAllPlatforms,
  FORMAT_LABELS,
  FORMATS,
  scoreDraft,
  trainScorer,
  type ContentType,
  type Format,
} from "@rapport/core";
import {
  Alert,
  Button,
  Card,
  MediaGrid,
  PageHeader,
  PlatformPostPreview,
  Select,
  Textarea,
  TextField,
} from "@rapport/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigate } from "@remix-run/react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { CaptionLimitsList } from "~/components/drafts/caption-limits-list";
import { DraftLifecycle } from "~/components/drafts/draft-lifecycle";
import { DraftScorePanel } from "~/components/drafts/draft-score-panel";
import { useTRPC } from "~/trpc/react";
import { orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { fieldError, formError, userError, type UserFacingError } from "~/utils/errors";
import { draftIdParam, workspaceIdParam } from "~/utils/params";
import { formatPlanned, plannedInputValue, plannedInstant } from "~/utils/planned-time";
import { useWorkspace } from "./w.$workspaceId";

type DraftOutput = Extract<
  inferRouterOutputs<AppRouter>["draft"]["update"],
  { status: "conflict" }
>["current"];

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

interface Fields {
  profileId: string;
  contentType: string;
  format: string;
  caption: string;
  firstComment: string;
  notes: string;
  labels: string;
  plannedAt: string;
}

type ServerDraft = Pick<
  DraftOutput,
  | "profileId"
  | "contentType"
  | "format"
  | "caption"
  | "firstComment"
  | "notes"
  | "labels"
  | "status"
  | "version"
> & {
  plannedAt: Date | string | null;
};

/** The form's fields; the planned time on the clock of the draft's profile (`timeZone`). */
function fieldsFrom(d: ServerDraft, timeZone: string): Fields {
  return {
    profileId: d.profileId,
    contentType: d.contentType ?? "",
    format: d.format ?? "",
    caption: d.caption,
    firstComment: d.firstComment,
    notes: d.notes,
    labels: d.labels.join(", "),
    plannedAt: plannedInputValue(d.plannedAt, timeZone),
  };
}

function parseLabels(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
}

const storageKey = (draftId: string) => `rapport:draft:${draftId}`;
const same = (a: Fields, b: Fields) => JSON.stringify(a) === JSON.stringify(b);
const mb = (b: number) => `${Math.round(b / (1024 * 1024))} MB`;

type SaveState = "saved" | "unsaved" | "saving" | "error" | "conflict";

export default function DraftEditor() {
  const loaded = useLoaderData<typeof loader>();
  const { workspace } = useWorkspace();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const draftId = loaded.draft.id;
  const canEdit = workspace.role !== "viewer";

  // Planned times are on the profile's clock (each profile has its own time zone).
  const zoneOf = useCallback(
    (profileId: string) => loaded.profiles.find((p) => p.id === profileId)?.timeZone ?? "UTC",
    [loaded.profiles],
  );
  const [fields, setFields] = useState<Fields>(() =>
    fieldsFrom(loaded.draft, zoneOf(loaded.draft.profileId)),
  );
  const [version, setVersion] = useState(loaded.draft.version);
  const [status, setStatus] = useState(loaded.draft.status);
  const [dirty, setDirty] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [saveError, setSaveError] = useState<UserFacingError | null>(null);
  const [conflict, setConflict] = useState<DraftOutput | null>(null);
  const [restored, setRestored] = useState(false);
  const [media, setMedia] = useState(loaded.draft.media);
  const [uploadErrors, setUploadErrors] = useState<string[]>([]);
  const [uploading, setUploading] = useState(0);

  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;
  const versionRef = useRef(version);
  versionRef.current = version;
  const inFlight = useRef(false);

  // A reload never loses typing: restore what this browser had not saved yet.
  useEffect(() => {
    const raw = window.localStorage.getItem(storageKey(draftId));
    if (!raw) return;
    try {
      const stored = JSON.parse(raw) as { version: number; fields: Fields };
      if (!same(stored.fields, fieldsFrom(loaded.draft, zoneOf(loaded.draft.profileId)))) {
        setFields(stored.fields);
        setVersion(stored.version);
        setDirty(true);
        setSaveState("unsaved");
        setRestored(true);
      } else {
        window.localStorage.removeItem(storageKey(draftId));
      }
    } catch {
      window.localStorage.removeItem(storageKey(draftId));
    }
    // Only on first load of this draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftId]);

  const update = useMutation(trpc.draft.update.mutationOptions());
  // \`save\` must not change when the mutation's state does: the autosave effect would then re-run
  // after a save and write the saved fields back to localStorage as if they were unsaved typing.
  const updateRef = useRef(update);
  updateRef.current = update;
  const create = useMutation(trpc.draft.create.mutationOptions());

  const payload = useCallback(
    (f: Fields, expectedVersion: number) => ({
      workspaceId: workspace.id,
      draftId,
      expectedVersion,
      profileId: f.profileId,
      contentType: f.contentType || null,
      format: (f.format || null) as Format | null,
      caption: f.caption,
      firstComment: f.firstComment,
      notes: f.notes,
      labels: parseLabels(f.labels),
      plannedAt: plannedInstant(f.plannedAt, zoneOf(f.profileId)),
    }),
    [workspace.id, draftId, zoneOf],
  );

  const save = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    const sent = fieldsRef.current;
    // Checked here with the procedure's own schema first: a draft that can't be saved as typed (a
    // caption over the limit) says why beside the field and is not sent, on every keystroke or reload.
    const input = payload(sent, versionRef.current);
    const checked = DraftUpdateSchema.safeParse(input);
    if (!checked.success) {
      inFlight.current = false;
      setSaveState("error");
      setSaveError(userError(checked.error));
      return;
    }
    setSaveState("saving");
    try {
      const result = await updateRef.current.mutateAsync(input);
      if (result.status === "conflict") {
        setConflict(result.current);
        setSaveState("conflict");
        return;
      }
      setVersion(result.draft.version);
      versionRef.current = result.draft.version;
      setSaveError(null);
      if (same(sent, fieldsRef.current)) {
        setDirty(false);
        setSaveState("saved");
        window.localStorage.removeItem(storageKey(draftId));
      } else {
        window.localStorage.setItem(
          storageKey(draftId),
          JSON.stringify({ version: result.draft.version, fields: fieldsRef.current }),
        );
        setSaveState("unsaved");
        setSaveTick((t) => t + 1);
      }
    } catch (error) {
      setSaveState("error");
      setSaveError(userError(error, "The draft could not be saved."));
    } finally {
      inFlight.current = false;
    }
  }, [payload, draftId]);

  const [saveTick, setSaveTick] = useState(0);
  useEffect(() => {
    if (!dirty || conflict || !canEdit) return;
    window.localStorage.setItem(
      storageKey(draftId),
      JSON.stringify({ version: versionRef.current, fields }),
    );
    const timer = window.setTimeout(() => void save(), 800);
    return () => window.clearTimeout(timer);
  }, [fields, dirty, conflict, canEdit, draftId, save, saveTick]);

  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => {
    setFields((f) => ({ ...f, [key]: value }));
    setDirty(true);
    setSaveState("unsaved");
  };

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
  const hasVideo = media.some((m) => m.mimeType.startsWith("video/"));

  async function upload(files: FileList) {
    const errors: string[] = [];
    for (const file of Array.from(files)) {
      setUploading((n) => n + 1);
      try {
        const body = new FormData();
        body.append("file", file);
        const res = await fetch(`/w/${workspace.id}/drafts/${draftId}/media`, {
          method: "POST",
          body,
        });
        const json = (await res.json().catch(() => null)) as {
          media?: typeof media;
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
  }

  const reorder = useMutation(trpc.media.reorder.mutationOptions());
  const detach = useMutation(trpc.media.detach.mutationOptions());
  const onReorder = (ids: string[]) => {
    const before = media;
    setMedia(
      ids.map((id, position) => ({
        ...(media.find((m) => m.id === id) as (typeof media)[number]),
        position,
      })),
    );
    reorder.mutate(
      { workspaceId: workspace.id, draftId, mediaIds: ids },
      {
        onSuccess: (list) => setMedia(list),
        onError: (e) => (setMedia(before), setUploadErrors([e.message])),
      },
    );
  };
  const onRemove = (id: string) =>
    detach.mutate(
      { workspaceId: workspace.id, draftId, mediaId: id },
      { onSuccess: (list) => setMedia(list), onError: (e) => setUploadErrors([e.message]) },
    );

  // Conflict resolutions.
  const keepMine = () => {
    if (!conflict) return;
    setVersion(conflict.version);
    versionRef.current = conflict.version;
    setConflict(null);
    setSaveState("unsaved");
    setDirty(true);
    setSaveTick((t) => t + 1);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    setFields(fieldsFrom(conflict, zoneOf(conflict.profileId)));
    setVersion(conflict.version);
    versionRef.current = conflict.version;
    setMedia(conflict.media);
    setConflict(null);
    setDirty(false);
    setSaveState("saved");
    window.localStorage.removeItem(storageKey(draftId));
  };
  const copyMine = async () => {
    if (!conflict) return;
    const mine = payload(fieldsRef.current, 1);
    const { draftId: _d, expectedVersion: _v, ...rest } = mine;
    try {
      const copy = await create.mutateAsync({ ...rest, status: "draft" });
      takeTheirs();
      navigate(`/w/${workspace.id}/drafts/${copy.id}`);
    } catch (error) {
      setSaveError(userError(error, "The copy could not be created."));
    }
  };

  const statusText: Record<SaveState, string> = {
    saved: `Saved · version ${version}`,
    unsaved: "Unsaved changes (kept in this browser)",
    saving: "Saving…",
    error: "Not saved (kept in this browser)",
    conflict: "Not saved: changed in another tab",
  };

  // Typing in the caption re-renders only what depends on it (caption, counters, score, preview):
  // the other fields and the media card are memoized so each keystroke stays cheap.
  /* eslint-disable react-hooks/exhaustive-deps -- `set` and `upload` only call stable state setters */
  const detailsBlock = useMemo(
    () => (
      <>
        <div className="details-grid">
          <Select
            label="Profile"
            name="profileId"
            value={fields.profileId}
            error={fieldError(saveError, "profileId")}
            onChange={(e) => set("profileId", e.currentTarget.value)}
            disabled={!canEdit}
            options={loaded.profiles.map((p) => ({
              value: p.id,
              label: `${p.displayName} (@${p.handle}, ${p.platform})`,
            }))}
          />
          <Select
            label="Content type"
            name="contentType"
            value={fields.contentType}
            placeholder="Choose a content type"
            error={fieldError(saveError, "contentType")}
            onChange={(e) => set("contentType", e.currentTarget.value)}
            disabled={!canEdit}
            options={typeOptions}
          />
          <Select
            label="Format"
            name="format"
            value={fields.format}
            placeholder="Choose a format"
            error={fieldError(saveError, "format")}
            onChange={(e) => set("format", e.currentTarget.value)}
            disabled={!canEdit}
            options={FORMATS.map((f) => ({ value: f, label: FORMAT_LABELS[f] }))}
          />
          <TextField
            label="Planned time"
            name="plannedAt"
            type="datetime-local"
            value={fields.plannedAt}
            onChange={(e) => set("plannedAt", e.currentTarget.value)}
            error={fieldError(saveError, "plannedAt")}
            readOnly={!canEdit}
            description={
              profile
                ? `On @${profile.handle}'s clock (${profile.timeZone}), whatever time zone you are in.`
                : "On the profile's clock."
            }
          />
          <TextField
            label="Labels"
            name="labels"
            value={fields.labels}
            onChange={(e) => set("labels", e.currentTarget.value)}
            error={fieldError(saveError, "labels")}
            readOnly={!canEdit}
            description="Separate with commas."
          />
        </div>
        <Textarea
          label="First comment"
          name="firstComment"
          rows={2}
          value={fields.firstComment}
          onChange={(e) => set("firstComment", e.currentTarget.value)}
          error={fieldError(saveError, "firstComment")}
          readOnly={!canEdit}
        />
        <Textarea
          label="Notes"
          name="notes"
          rows={2}
          value={fields.notes}
          onChange={(e) => set("notes", e.currentTarget.value)}
          error={fieldError(saveError, "notes")}
          readOnly={!canEdit}
          description="Only your team sees these."
        />
      </>
    ),
    [
      fields.profileId,
      fields.contentType,
      fields.format,
      fields.plannedAt,
      fields.labels,
      fields.firstComment,
      fields.notes,
      saveError,
      canEdit,
      typeOptions,
      loaded.profiles,
    ],
  );
  const mediaCard = useMemo(
    () => (
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
                src: m.hasThumbnail ? `/w/${workspace.id}/media/${m.id}?size=thumb` : null,
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
    ),
    [media, uploading, uploadErrors, canEdit, hasVideo, workspace.id],
  );
  /* eslint-enable react-hooks/exhaustive-deps */

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
            data-state={saveState}
          >
            {statusText[saveState]}
          </span>
        }
      />
      <p>
        <Link to={`/w/${workspace.id}/drafts`}>← All drafts</Link>
      </p>
      {restored ? (
        <Alert tone="info" role="status" title="Restored your unsaved changes">
          This browser had changes that were not saved yet; they are back and will save now.
        </Alert>
      ) : null}
      {formError(saveError) ? <Alert tone="danger">{formError(saveError)}</Alert> : null}
      {conflict ? (
        <Card title="This draft changed in another tab" headingLevel={2} data-testid="conflict">
          <div className="stack">
            <p>
              Someone (maybe you, in another tab) saved version {conflict.version} while you were
              editing. Nothing is lost: choose which version to keep.
            </p>
            <div className="grid-2 conflict-versions">
              <section aria-labelledby="mine-title">
                <h3 id="mine-title" className="section-title">
                  Your version (this tab)
                </h3>
                <pre className="conflict-text" data-testid="conflict-mine">
                  {fields.caption}
                </pre>
              </section>
              <section aria-labelledby="theirs-title">
                <h3 id="theirs-title" className="section-title">
                  Saved version {conflict.version}
                </h3>
                <pre className="conflict-text" data-testid="conflict-theirs">
                  {conflict.caption}
                </pre>
              </section>
            </div>
            <div className="conflict-actions">
              <Button onClick={keepMine}>Keep mine</Button>
              <Button variant="secondary" onClick={takeTheirs}>
                Take theirs
              </Button>
              <Button
                variant="secondary"
                onClick={() => void copyMine()}
                loading={create.isPending}
              >
                Copy mine to a new draft
              </Button>
            </div>
          </div>
        </Card>
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
              {detailsBlock}
            </div>
          </Card>
          {mediaCard}
          {fieldError(saveError, "media") ? (
            <Alert tone="danger">{fieldError(saveError, "media")}</Alert>
          ) : null}
          <DraftLifecycle
            workspaceId={workspace.id}
            draftId={draftId}
            version={version}
            status={status}
            timeZone={zoneOf(fields.profileId)}
            canEdit={canEdit}
            pendingSave={dirty || saveState === "saving"}
            onChanged={(next) => {
              setVersion(next.version);
              versionRef.current = next.version;
              setStatus(next.status);
              setSaveError(null);
              if (next.plannedLocal)
                setFields((f) => ({ ...f, plannedAt: next.plannedLocal ?? f.plannedAt }));
            }}
            onRefused={setSaveError}
          />
        </div>
        <div className="stack">
          <div data-testid="score-box">
            <DraftScorePanel score={score} best={best} contentTypeLabel={typeLabel} />
          </div>
          {profile ? (
            <Card title="Preview" headingLevel={2} data-testid="preview">
              <PlatformPostPreview
                platform={platform}
                author={{ name: profile.displayName, handle: profile.handle }}
                text={fields.caption}
                media={media
                  .filter((m) => m.hasThumbnail)
                  .map((m, i) => ({
                    src: `/w/${workspace.id}/media/${m.id}?size=thumb`,
                    alt: `Photo ${i + 1}`,
                  }))}
                timestamp={(() => {
                  const planned = plannedInstant(fields.plannedAt, profile.timeZone);
                  return planned
                    ? formatPlanned(planned, profile.timeZone, {
                        weekday: "short",
                        hour: "2-digit",
                        minute: "2-digit",
                      })
                    : "Just now";
                })()}
              />
              {fields.firstComment ? (
                <p className="muted">
                  First comment: <span>{fields.firstComment}</span>
                </p>
              ) : null}
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
