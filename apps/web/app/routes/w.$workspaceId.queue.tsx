/**
 * The queue: a profile's recurring weekly posting slots (suggested from its own heatmap with their
 * evidence, editable), and for Instagram profiles the grid as it will look with planned posts on top.
 */
import { GridPreview, PageHeader, QueueSlots, Select, Alert, type ContentType } from "@rapport/ui";
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigate,
  useNavigation,
  useSubmit,
} from "@remix-run/react";
import { z } from "zod";
import { asFormResult, orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { workspaceIdParam } from "~/utils/params";
import { useWorkspace } from "./w.$workspaceId";

export const meta: MetaFunction = () => [{ title: "Queue · Rapport" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const api = await serverApi(request);
  const profiles = await orResponse(api.socialProfile.list({ workspaceId }));
  const wanted = new URL(request.url).searchParams.get("profile");
  const profile = profiles.find((p) => p.id === wanted) ?? profiles[0];
  if (!profile) return { profiles, profile: null, slots: [], suggestions: null, grid: null };
  const [slots, suggestions, grid] = await Promise.all([
    orResponse(api.slots.list({ workspaceId, profileId: profile.id })),
    orResponse(api.slots.suggest({ workspaceId, profileId: profile.id, count: 5 })),
    profile.platform === "instagram"
      ? orResponse(api.calendar.grid({ workspaceId, profileId: profile.id }))
      : Promise.resolve(null),
  ]);
  return { profiles, profile, slots, suggestions, grid };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    profileId: z.string(),
    weekday: z.coerce.number(),
    localTime: z.string(),
    evidence: z.string().optional(),
  }),
  z.object({
    intent: z.literal("update"),
    slotId: z.string(),
    weekday: z.coerce.number(),
    localTime: z.string(),
  }),
  z.object({ intent: z.literal("delete"), slotId: z.string() }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data(
      { error: "That slot change was not understood; reload the page." },
      { status: 400 },
    );
  const api = await serverApi(request);
  const v = parsed.data;
  const r = await asFormResult<unknown>(
    v.intent === "create"
      ? api.slots.create({
          workspaceId,
          profileId: v.profileId,
          weekday: v.weekday,
          localTime: v.localTime,
          source: v.evidence ? "suggested" : "manual",
          evidence: v.evidence ?? null,
        })
      : v.intent === "update"
        ? api.slots.update({
            workspaceId,
            slotId: v.slotId,
            weekday: v.weekday,
            localTime: v.localTime,
          })
        : api.slots.delete({ workspaceId, slotId: v.slotId }),
  );
  if (!r.ok)
    return data({ error: Object.values(r.fieldErrors).flat()[0] ?? r.error }, { status: r.status });
  return data({ error: null });
}

const PILL: Record<string, ContentType> = {
  "single-image": "photo",
  carousel: "carousel",
  video: "video",
  story: "story",
  text: "text",
};

/** "2026-12-11T09:00" as "11 Dec, 09:00": short enough for a tile on a phone. */
const shortLocal = (local: string) =>
  `${new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${local.slice(0, 10)}T12:00:00Z`))}, ${local.slice(11, 16)}`;

export default function QueuePage() {
  const { profiles, profile, slots, suggestions, grid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace } = useWorkspace();
  const submit = useSubmit();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const readOnly = workspace.role === "viewer";
  const send = (values: Record<string, string>) => submit(values, { method: "post" });
  return (
    <>
      <PageHeader
        title="Queue"
        description="Recurring weekly slots per profile: “Add to queue” on a draft puts it in the next free one."
      />
      {!profile ? (
        <p>Add a profile first.</p>
      ) : (
        <div className="planning-grid">
          <div className="stack">
            <Form
              method="get"
              onChange={(e) => submit(e.currentTarget, { replace: true })}
              className="narrow"
            >
              <Select
                label="Profile"
                name="profile"
                defaultValue={profile.id}
                options={profiles.map((p) => ({
                  value: p.id,
                  label: `@${p.handle} (${p.platform})`,
                }))}
              />
            </Form>
            {suggestions ? <p className="muted">{suggestions.summary}</p> : null}
            {actionData?.error ? <Alert tone="danger">{actionData.error}</Alert> : null}
            {/* The kit's slot list titles its parts with h3: this keeps the page's outline h1, h2, h3. */}
            <h2 className="visually-hidden">Posting slots</h2>
            <QueueSlots
              timeZone={profile.timeZone}
              readOnly={readOnly}
              busy={navigation.state === "submitting"}
              slots={slots.map((s) => ({
                id: s.id,
                weekday: s.weekday,
                time: s.localTime,
                evidence: s.evidence,
              }))}
              suggestions={(suggestions?.suggestions ?? []).map((s) => ({
                weekday: s.weekday,
                time: s.localTime,
                evidence: s.evidence,
                taken: s.alreadyASlot,
              }))}
              onAdd={(weekday, time) => {
                const evidence = suggestions?.suggestions.find(
                  (s) => s.weekday === weekday && s.localTime === time,
                )?.evidence;
                send({
                  intent: "create",
                  profileId: profile.id,
                  weekday: String(weekday),
                  localTime: time,
                  ...(evidence ? { evidence } : {}),
                });
              }}
              onUpdate={(slotId, weekday, time) =>
                send({ intent: "update", slotId, weekday: String(weekday), localTime: time })
              }
              onRemove={(slotId) => send({ intent: "delete", slotId })}
            />
          </div>
          {grid ? (
            <section aria-labelledby="grid-title" className="stack">
              <h2 id="grid-title" className="section-title">
                Grid preview
              </h2>
              <p className="muted">
                Planned posts sit on top, as they will once they are out; move them on the calendar
                to change the order.
              </p>
              <GridPreview
                label={`Grid preview for @${profile.handle}`}
                tiles={grid.tiles.map((t) => ({
                  id: t.id,
                  title: t.title || "Untitled",
                  imageUrl: t.mediaId
                    ? `/w/${workspace.id}/media/${t.mediaId}?size=thumb`
                    : undefined,
                  planned: t.kind === "planned",
                  when: t.local ? shortLocal(t.local) : "no date",
                  contentType: t.format ? PILL[t.format] : undefined,
                  isExample: t.isExample,
                }))}
                onOpenTile={(id) => {
                  if (grid.tiles.find((t) => t.id === id)?.kind === "planned")
                    navigate(`/w/${workspace.id}/drafts/${id}`);
                }}
              />
            </section>
          ) : null}
        </div>
      )}
    </>
  );
}
