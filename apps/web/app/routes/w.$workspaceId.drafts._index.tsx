/** The draft list: filter by type, status, profile and label; search; sort by score; duplicate; run a top post again. */
import {
  ContentTypeKeySchema,
  ContentTypeLabelSchema,
  DRAFT_SORTS,
  DRAFT_STATUSES,
  DRAFT_STATUS_LABELS,
  DraftListSchema,
} from "@rapport/api/draft-schemas";
import { FORMAT_LABELS, PLATFORM_LABELS, type Format } from "@rapport/core";
import {
  Alert,
  Badge,
  Button,
  Card,
  EmptyState,
  PageHeader,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextField,
} from "@rapport/ui";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { z } from "zod";
import { UndoDeleteNotice, useUndoableDelete } from "~/components/drafts/undoable-delete";
import { asFormResult, orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { workspaceIdParam } from "~/utils/params";
import { formatPlanned } from "~/utils/planned-time";
import { useWorkspace } from "./w.$workspaceId";

export const meta: MetaFunction = () => [{ title: "Drafts · Rapport" }];

const SORT_LABELS: Record<(typeof DRAFT_SORTS)[number], string> = {
  updated: "Last edited",
  score: "Score (best first)",
  planned: "Planned time",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const url = new URL(request.url);
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ""));
  const parsed = DraftListSchema.safeParse(raw);
  const filters = parsed.success ? parsed.data : { sort: "updated" as const };
  const api = await serverApi(request);
  const [drafts, profiles, contentTypes, labels, topPosts] = await Promise.all([
    orResponse(api.draft.list({ workspaceId, ...filters })),
    orResponse(api.socialProfile.list({ workspaceId })),
    orResponse(api.contentType.list({ workspaceId, includeArchived: true })),
    orResponse(api.draft.labels({ workspaceId })),
    // "Run it again": each profile's top past posts, ranked in the database.
    orResponse(api.post.top({ workspaceId, perProfile: 3 })),
  ]);
  const profileById = new Map(profiles.map((p) => [p.id, p]));
  const top = topPosts.flatMap((t) => {
    const profile = profileById.get(t.profileId);
    return profile ? [{ ...t, profile }] : [];
  });
  return { drafts, profiles, contentTypes, labels, top, invalidFilters: !parsed.success };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), profileId: z.uuid({ error: "Choose a profile." }) }),
  z.object({ intent: z.literal("duplicate"), draftId: z.uuid() }),
  z.object({ intent: z.literal("runAgain"), postId: z.uuid() }),
  z.object({ intent: z.literal("delete"), draftId: z.uuid() }),
  z.object({ intent: z.literal("addType"), label: ContentTypeLabelSchema }),
  z.object({
    intent: z.literal("renameType"),
    key: ContentTypeKeySchema,
    label: ContentTypeLabelSchema,
  }),
  z.object({
    intent: z.literal("archiveType"),
    key: ContentTypeKeySchema,
    archived: z.enum(["true", "false"]),
  }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data(
      { error: parsed.error.issues[0]?.message ?? "Something in the form is off." },
      { status: 400 },
    );
  const api = await serverApi(request);
  const input = parsed.data;
  const to = (id: string) => redirect(`/w/${workspaceId}/drafts/${id}`);
  if (
    input.intent === "addType" ||
    input.intent === "renameType" ||
    input.intent === "archiveType"
  ) {
    const r =
      input.intent === "addType"
        ? await asFormResult(api.contentType.create({ workspaceId, label: input.label }))
        : input.intent === "renameType"
          ? await asFormResult(
              api.contentType.rename({ workspaceId, key: input.key, label: input.label }),
            )
          : await asFormResult(
              api.contentType.setArchived({
                workspaceId,
                key: input.key,
                archived: input.archived === "true",
              }),
            );
    return r.ok ? data({ error: null }) : data({ error: r.error }, { status: r.status });
  }
  if (input.intent === "delete") {
    const r = await asFormResult(api.draft.delete({ workspaceId, draftId: input.draftId }));
    return r.ok ? data({ error: null }) : data({ error: r.error }, { status: r.status });
  }
  const r =
    input.intent === "create"
      ? await asFormResult(api.draft.create({ workspaceId, profileId: input.profileId }))
      : input.intent === "duplicate"
        ? await asFormResult(api.draft.duplicate({ workspaceId, draftId: input.draftId }))
        : await asFormResult(api.draft.fromPost({ workspaceId, postId: input.postId }));
  if (!r.ok) return data({ error: r.error }, { status: r.status });
  return to(r.data.id);
}

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

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;

export default function Drafts() {
  const { drafts, profiles, contentTypes, labels, top, invalidFilters } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace } = useWorkspace();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const canEdit = workspace.role !== "viewer";
  const deletion = useUndoableDelete(workspace.id);
  const typeLabel = (key: string | null) =>
    key ? (contentTypes.find((t) => t.key === key)?.label ?? key) : null;
  const profileOf = (id: string) => profiles.find((p) => p.id === id);
  const filtered = ["profileId", "contentType", "status", "label", "q"].some((k) => params.get(k));
  return (
    <>
      <PageHeader
        title="Drafts"
        description="Posts you are writing, with the score each got when it was last saved."
        actions={
          canEdit && profiles.length > 0 ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="create" />
              {profiles.length > 1 ? (
                <Select
                  label="Profile for the new draft"
                  hideLabel
                  name="profileId"
                  options={profiles.map((p) => ({
                    value: p.id,
                    label: `@${p.handle} (${PLATFORM_LABELS[p.platform]})`,
                  }))}
                />
              ) : (
                <input type="hidden" name="profileId" value={profiles[0]!.id} />
              )}
              <Button
                type="submit"
                loading={
                  navigation.state === "submitting" &&
                  navigation.formData?.get("intent") === "create"
                }
              >
                New draft
              </Button>
            </Form>
          ) : null
        }
      />
      {actionData?.error ? <Alert tone="danger">{actionData.error}</Alert> : null}
      {invalidFilters ? (
        <Alert tone="warning">
          Some filters in the address were not understood and were ignored.
        </Alert>
      ) : null}
      {profiles.length === 0 ? (
        <EmptyState
          title="Add a profile first"
          description="A draft is written for one of your profiles."
          action={
            <Button asChild>
              <Link to={`/w/${workspace.id}/profiles`}>Add a profile</Link>
            </Button>
          }
        />
      ) : (
        <>
          <Form method="get" className="draft-filters" role="search" aria-label="Filter drafts">
            <TextField
              label="Search"
              name="q"
              type="search"
              defaultValue={params.get("q") ?? ""}
              placeholder="Words in the caption or notes"
            />
            <Select
              label="Content type"
              name="contentType"
              defaultValue={params.get("contentType") ?? ""}
              placeholder="Any type"
              options={contentTypes.map((t) => ({ value: t.key, label: t.label }))}
            />
            <Select
              label="Status"
              name="status"
              defaultValue={params.get("status") ?? ""}
              placeholder="Any status"
              options={DRAFT_STATUSES.map((s) => ({ value: s, label: DRAFT_STATUS_LABELS[s] }))}
            />
            <Select
              label="Profile"
              name="profileId"
              defaultValue={params.get("profileId") ?? ""}
              placeholder="Any profile"
              options={profiles.map((p) => ({
                value: p.id,
                label: `@${p.handle} (${PLATFORM_LABELS[p.platform]})`,
              }))}
            />
            <Select
              label="Label"
              name="label"
              defaultValue={params.get("label") ?? ""}
              placeholder="Any label"
              options={labels.map((l) => ({ value: l, label: l }))}
            />
            <Select
              label="Sort by"
              name="sort"
              defaultValue={params.get("sort") ?? "updated"}
              options={DRAFT_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
            />
            <Button type="submit" variant="secondary">
              Apply
            </Button>
          </Form>
          <UndoDeleteNotice pending={deletion.pending} error={deletion.error} onUndo={deletion.undo} />
          {drafts.length === 0 ? (
            <EmptyState
              title={filtered ? "No drafts match these filters" : "No drafts yet"}
              description={
                filtered
                  ? "Clear a filter or search for other words."
                  : "Start one with “New draft”: the score updates as you type."
              }
              headingLevel={2}
            />
          ) : (
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
                {drafts.filter((d) => !deletion.hidden.has(d.id)).map((d) => {
                  const p = profileOf(d.profileId);
                  return (
                    <TableRow key={d.id} data-testid="draft-row">
                      <TableCell>
                        <Link to={`/w/${workspace.id}/drafts/${d.id}`}>
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
                              deletion.remove({
                                draftId: d.id,
                                title: Array.from(d.caption.trim()).slice(0, 40).join("") || "Untitled draft",
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
          )}
          {top.length > 0 ? (
            <Card
              title="Run it again"
              headingLevel={2}
              description="Your top past posts by interaction quality. Start a new draft from one."
            >
              <ul className="stack run-again">
                {top.map((t) => (
                  <li key={t.postId}>
                    <strong className="num">{pct(t.rate)}</strong>{" "}
                    {t.denominator === "reach"
                      ? "weighted interactions per person reached"
                      : "weighted interactions per follower"}
                    {t.vsMedian !== null
                      ? ` (${t.vsMedian.toFixed(1)}x the median of ${t.n} posts)`
                      : ""}{" "}
                    · @{t.profile.handle}
                    {t.publishedAt ? ` · ${t.publishedAt.toISOString().slice(0, 10)}` : ""}
                    <br />
                    <span className="muted">{t.caption.slice(0, 140) || "No caption"}</span>
                    {canEdit ? (
                      <Form method="post">
                        <input type="hidden" name="postId" value={t.postId} />
                        <Button
                          type="submit"
                          name="intent"
                          value="runAgain"
                          size="sm"
                          variant="secondary"
                        >
                          Run it again
                        </Button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card
            title="Content types"
            headingLevel={2}
            description="The kinds of post this workspace makes. Rename them in your own words or add your own; archived types stay on old drafts."
          >
            <details className="content-types">
              <summary>
                Edit content types ({contentTypes.filter((t) => !t.archived).length} in use)
              </summary>
              <ul className="stack run-again">
                {contentTypes.map((t) => (
                  <li key={t.key}>
                    {canEdit ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="key" value={t.key} />
                        <TextField
                          label={`Name of ${t.label}`}
                          hideLabel
                          name="label"
                          defaultValue={t.label}
                        />
                        <Button
                          type="submit"
                          name="intent"
                          value="renameType"
                          size="sm"
                          variant="secondary"
                        >
                          Rename
                        </Button>
                        <input
                          type="hidden"
                          name="archived"
                          value={t.archived ? "false" : "true"}
                        />
                        <Button
                          type="submit"
                          name="intent"
                          value="archiveType"
                          size="sm"
                          variant="ghost"
                        >
                          {t.archived ? "Restore" : "Archive"}
                        </Button>
                        {t.archived ? <Badge>archived</Badge> : null}
                      </Form>
                    ) : (
                      <span>
                        {t.label} {t.archived ? <Badge>archived</Badge> : null}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
              {canEdit ? (
                <Form method="post" className="inline-form">
                  <TextField
                    label="New content type"
                    name="label"
                    placeholder="Latte art Fridays"
                  />
                  <Button type="submit" name="intent" value="addType" variant="secondary">
                    Add type
                  </Button>
                </Form>
              ) : null}
            </details>
          </Card>
        </>
      )}
    </>
  );
}
