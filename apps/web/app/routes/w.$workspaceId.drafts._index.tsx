/** The draft list: filter by type, status, profile and label; search; sort by score; duplicate; run a top post again. */
import {
  ContentTypeKeySchema,
  ContentTypeLabelSchema,
  DraftListSchema,
} from "@rapport/api/draft-schemas";
import { PLATFORM_LABELS } from "@rapport/core";
import { Alert, Button, EmptyState, PageHeader, Select } from "@rapport/ui";
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
import { ContentTypesCard } from "~/components/drafts/content-types-card";
import { DraftFilters } from "~/components/drafts/draft-filters";
import { DraftsTable } from "~/components/drafts/drafts-table";
import { RunAgainCard } from "~/components/drafts/run-again-card";
import { UndoDeleteNotice, useUndoableDelete } from "~/components/drafts/undoable-delete";
import { asFormResult, orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { workspaceIdParam } from "~/utils/params";
import { useWorkspace } from "./w.$workspaceId";

export const meta: MetaFunction = () => [{ title: "Drafts · Rapport" }];

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

/** What the list's cards and table are drawn from (the loader's data, as the page receives it). */
export type DraftsData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function Drafts() {
  const { drafts, profiles, contentTypes, labels, top, invalidFilters } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace } = useWorkspace();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const canEdit = workspace.role !== "viewer";
  const deletion = useUndoableDelete(workspace.id);
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
          <DraftFilters contentTypes={contentTypes} profiles={profiles} labels={labels} />
          <UndoDeleteNotice
            pending={deletion.pending}
            error={deletion.error}
            onUndo={deletion.undo}
          />
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
            <DraftsTable
              workspaceId={workspace.id}
              drafts={drafts.filter((d) => !deletion.hidden.has(d.id))}
              profiles={profiles}
              contentTypes={contentTypes}
              canEdit={canEdit}
              onDelete={deletion.remove}
            />
          )}
          {top.length > 0 ? <RunAgainCard top={top} canEdit={canEdit} /> : null}
          <ContentTypesCard contentTypes={contentTypes} canEdit={canEdit} />
        </>
      )}
    </>
  );
}
