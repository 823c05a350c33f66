/** "This week", the page a user opens every morning: today and the next seven days, what waits for review, empty queue slots, the cadence guardrail and how last week's posts did. */
import { Alert, Button, DayList, EmptyState, PageHeader } from "@rapport/ui";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigate, useSubmit } from "@remix-run/react";
import { z } from "zod";
import { toCalendarPost } from "~/components/planning/calendar-days";
import { ThisWeekSide } from "~/components/planning/this-week-side";
import { asFormResult, orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { workspaceIdParam } from "~/utils/params";
import { useWorkspace } from "./w.$workspaceId";

export const meta: MetaFunction = () => [{ title: "This week · Rapport" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const api = await serverApi(request);
  const [profiles, week, contentTypes] = await Promise.all([
    orResponse(api.socialProfile.list({ workspaceId })),
    orResponse(api.home.thisWeek({ workspaceId })),
    orResponse(api.contentType.list({ workspaceId, includeArchived: true })),
  ]);
  return {
    profiles,
    week,
    contentTypes: contentTypes.map((t) => ({ key: t.key, label: t.label })),
  };
}

const FillSchema = z.object({ profileId: z.uuid(), date: z.string(), time: z.string() });

/** Fills an empty queue slot: a new draft for that profile at that local time, opened in the editor. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const parsed = FillSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data({ error: "Choose an empty slot to plan a post in." }, { status: 400 });
  const api = await serverApi(request);
  const r = await asFormResult(
    api.draft.create({
      workspaceId,
      profileId: parsed.data.profileId,
      plannedLocal: `${parsed.data.date}T${parsed.data.time}`,
    }),
  );
  if (!r.ok)
    return data({ error: Object.values(r.fieldErrors).flat()[0] ?? r.error }, { status: r.status });
  return redirect(`/w/${workspaceId}/drafts/${r.data.id}`);
}

const dayLabel = (date: string, isToday: boolean) =>
  `${isToday ? "Today, " : ""}${new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`))}`;

export default function ThisWeek() {
  const { profiles, week, contentTypes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace } = useWorkspace();
  const navigate = useNavigate();
  const submit = useSubmit();
  const canEdit = workspace.role !== "viewer";
  const handles = new Map(profiles.map((p) => [p.id, p.handle]));
  // Two profiles can share a handle across platforms: the side panels name both.
  const profileName = new Map(profiles.map((p) => [p.id, `${p.handle} (${p.platform})`]));
  const several = profiles.length > 1;
  const typeLabels = new Map(contentTypes.map((t) => [t.key, t.label]));
  // A slot's visible name carries its profile when there are several; filling it needs the profile back.
  const slotName = (s: { localTime: string; profileHandle: string }) =>
    several ? `${s.localTime} @${s.profileHandle}` : s.localTime;
  const slotByKey = new Map(week.emptySlots.map((s) => [`${s.localDate} ${slotName(s)}`, s]));
  const days = week.days.map((d) => ({
    date: d.date,
    label: dayLabel(d.date, d.isToday),
    isToday: d.isToday,
    posts: d.items.map((i) => toCalendarPost(i, workspace.id, typeLabels)),
    openSlots: week.emptySlots.filter((s) => s.localDate === d.date).map(slotName),
    warning:
      week.cadence
        .filter((c) => c.kind === "day" && c.date === d.date)
        .map((c) => `${several ? `@${handles.get(c.profileId)}: ` : ""}${c.message}`)
        .join(" ") || undefined,
  }));
  const weekWarnings = week.cadence.filter((c) => c.kind === "week");
  const planned = week.days.reduce((n, d) => n + d.items.length, 0);
  return (
    <>
      <PageHeader
        title={workspace.name}
        description={`This week: ${planned} ${planned === 1 ? "post" : "posts"} planned over the next 8 days, ${week.emptySlots.length} empty queue ${week.emptySlots.length === 1 ? "slot" : "slots"} (days on ${week.timeZone.replaceAll("_", " ")} time).`}
        actions={
          <Button asChild variant="secondary">
            <Link to="calendar">Open the calendar</Link>
          </Button>
        }
      />
      {profiles.length === 0 ? (
        <EmptyState
          title="Add the account you post to"
          description="Rapport learns from each profile's own history, so start with the profile you want to grow."
          action={
            canEdit ? (
              <Button asChild>
                <Link to="profiles">Add a profile</Link>
              </Button>
            ) : undefined
          }
        />
      ) : (
        <div className="planning-grid">
          <section aria-labelledby="week-title" className="stack">
            <h2 id="week-title" className="section-title">
              This week
            </h2>
            {actionData?.error ? <Alert tone="danger">{actionData.error}</Alert> : null}
            {weekWarnings.map((c) => (
              <Alert key={`${c.profileId}-${c.date}`} tone="warning">
                {several ? `@${handles.get(c.profileId)}: ` : ""}
                {c.message}
              </Alert>
            ))}
            <DayList
              label="Today and the next 7 days"
              days={days}
              onOpenPost={(id) => navigate(`/w/${workspace.id}/drafts/${id}`)}
              onFillSlot={
                canEdit
                  ? (date, name) => {
                      const slot = slotByKey.get(`${date} ${name}`);
                      if (slot)
                        submit(
                          { profileId: slot.profileId, date, time: slot.localTime },
                          { method: "post" },
                        );
                    }
                  : undefined
              }
            />
          </section>
          <ThisWeekSide
            workspaceId={workspace.id}
            waiting={week.waitingForReview.map((w) => ({
              draftId: w.draftId,
              title: w.title,
              localDate: "localDate" in w ? w.localDate : undefined,
              localTime: "localTime" in w ? w.localTime : undefined,
            }))}
            cadence={week.cadenceSummaries.map((c) => ({
              summary: c.summary,
              handle: profileName.get(c.profileId) ?? "",
            }))}
            lastWeek={week.lastWeek}
            profiles={profiles.map((p) => ({
              id: p.id,
              handle: `${p.handle} (${p.platform})`,
              followerCount: p.followerCount,
              timeZone: p.timeZone,
            }))}
          />
        </div>
      )}
    </>
  );
}
