/**
 * The calendar: month, week and list views on each profile's clock, filtered by profile, content type
 * and status. Posts move by drag and drop or keyboard; a "+" or a best slot starts a draft there.
 */
import { localDateTimeOf } from "@rapport/core";
import { Alert, EmptyState, PageHeader } from "@rapport/ui";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigate } from "@remix-run/react";
import { z } from "zod";
import { buildDays } from "~/components/planning/calendar-days";
import { CalendarToolbar } from "~/components/planning/calendar-toolbar";
import { PlannerBoard } from "~/components/planning/planner-board";
import { asFormResult, orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { parseCalendarSearch, viewDates } from "~/utils/calendar-search";
import { workspaceIdParam } from "~/utils/params";
import { mainTimeZone, nextPlanningTime } from "~/utils/planning-clock";
import { useWorkspace } from "./w.$workspaceId";

export const meta: MetaFunction = () => [{ title: "Calendar · Rapport" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const search = parseCalendarSearch(new URL(request.url).searchParams);
  const api = await serverApi(request);
  const [profiles, contentTypes] = await Promise.all([
    orResponse(api.socialProfile.list({ workspaceId })),
    orResponse(api.contentType.list({ workspaceId, includeArchived: true })),
  ]);
  const profile = profiles.find((p) => p.id === search.profile);
  // "Today" and the past are counted on the chosen profile's clock, else the one most profiles use.
  const timeZone = profile?.timeZone ?? mainTimeZone(profiles);
  const today = (localDateTimeOf(Date.now(), timeZone) ?? new Date().toISOString()).slice(0, 10);
  const anchor = search.date ?? today;
  const dates = viewDates(search.view, anchor);
  const first = dates[0] as string;
  const last = dates[dates.length - 1] as string;
  // Each profile has its own clock: read a day either side in UTC, then keep posts by their local date.
  const range = await orResponse(
    api.calendar.range({
      workspaceId,
      from: new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000),
      to: new Date(Date.parse(`${last}T00:00:00Z`) + 2 * 86_400_000),
      profileIds: profile ? [profile.id] : undefined,
      contentTypes: search.type ? [search.type] : undefined,
      statuses: search.status ? [search.status] : undefined,
    }),
  );
  const slotProfile = profile ?? (profiles.length === 1 ? profiles[0] : undefined);
  const bestSlots =
    search.slots && slotProfile
      ? await orResponse(api.calendar.bestSlots({ workspaceId, profileId: slotProfile.id }))
      : null;
  return {
    search,
    anchor,
    today,
    timeZone,
    dates,
    range: {
      ...range,
      items: range.items.filter((i) => i.localDate >= first && i.localDate <= last),
    },
    bestSlots,
    slotProfileHandle: slotProfile?.handle ?? null,
    profiles: profiles.map((p) => ({
      id: p.id,
      handle: p.handle,
      platform: p.platform,
      timeZone: p.timeZone,
    })),
    contentTypes: contentTypes.map((t) => ({ key: t.key, label: t.label })),
  };
}

const CreateSchema = z.object({
  intent: z.literal("create"),
  date: z.string(),
  time: z.string().optional(),
});

/** Starts a draft at a local day (and time) on the filtered profile, or the first one, then opens it. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const parsed = CreateSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "Choose a day to plan a post on." }, { status: 400 });
  const api = await serverApi(request);
  const profiles = await orResponse(api.socialProfile.list({ workspaceId }));
  const wanted = new URL(request.url).searchParams.get("profile");
  const profile = profiles.find((p) => p.id === wanted) ?? profiles[0];
  if (!profile)
    return data({ error: "Add a profile first: a post is planned for one." }, { status: 400 });
  const time = parsed.data.time ?? nextPlanningTime(parsed.data.date, profile.timeZone, Date.now());
  const r = await asFormResult(
    api.draft.create({
      workspaceId,
      profileId: profile.id,
      plannedLocal: `${parsed.data.date}T${time}`,
    }),
  );
  if (!r.ok)
    return data({ error: Object.values(r.fieldErrors).flat()[0] ?? r.error }, { status: r.status });
  return redirect(`/w/${workspaceId}/drafts/${r.data.id}`);
}

const titleOf = (view: string, dates: string[], anchor: string) => {
  const f = (d: string, o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat("en-GB", { ...o, timeZone: "UTC" }).format(new Date(`${d}T12:00:00Z`));
  if (view === "month") return f(anchor, { month: "long", year: "numeric" });
  return `${f(dates[0] as string, { day: "numeric", month: "short" })} to ${f(dates[dates.length - 1] as string, { day: "numeric", month: "short", year: "numeric" })}`;
};

export default function CalendarPage() {
  const {
    search,
    anchor,
    today,
    timeZone,
    dates,
    range,
    bestSlots,
    slotProfileHandle,
    profiles,
    contentTypes,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace } = useWorkspace();
  const navigate = useNavigate();
  const readOnly = workspace.role === "viewer";
  const title = titleOf(search.view, dates, anchor);
  const { days, warnings } = buildDays({
    dates,
    today,
    range,
    workspaceId: workspace.id,
    typeLabels: new Map(contentTypes.map((t) => [t.key, t.label])),
    month: search.view === "month" ? anchor.slice(0, 7) : undefined,
    bestSlots,
    handles: new Map(
      profiles
        .filter((p) => !search.profile || p.id === search.profile)
        .map((p) => [p.id, p.handle]),
    ),
  });
  const total = range.items.length;
  return (
    <>
      <PageHeader
        title="Calendar"
        description={`${total} ${total === 1 ? "post" : "posts"} planned in these days, each on its profile's clock; today is counted in ${timeZone.replaceAll("_", " ")} time.${readOnly ? " You can look but not move posts (viewer)." : ""}`}
      />
      {profiles.length === 0 ? (
        <EmptyState
          title="Add a profile to plan for"
          description="The calendar lays out posts on each profile's own clock."
          action={<Link to={`/w/${workspace.id}/profiles`}>Add a profile</Link>}
        />
      ) : (
        <div className="stack">
          <CalendarToolbar
            search={search}
            anchor={anchor}
            today={today}
            title={title}
            profiles={profiles}
            contentTypes={contentTypes}
          />
          {search.slots && !bestSlots ? (
            <Alert tone="info">
              Choose one profile to see its best slots: each account has its own.
            </Alert>
          ) : null}
          {bestSlots ? (
            <p className="muted">
              Best slots for @{slotProfileHandle}:{" "}
              {bestSlots.best.length === 0
                ? "not enough posts yet to name any."
                : `the ${bestSlots.best.length} strongest ${bestSlots.blockHours}-hour blocks of the insights heatmap, by ${bestSlots.denominator}, from ${bestSlots.n} posts.`}
            </p>
          ) : null}
          {actionData?.error ? <Alert tone="danger">{actionData.error}</Alert> : null}
          <PlannerBoard
            key={`${search.view}-${dates[0]}`}
            view={search.view}
            label={title}
            days={days}
            warnings={warnings}
            items={range.items}
            workspaceId={workspace.id}
            readOnly={readOnly}
            showBestSlots={!!bestSlots}
            onOpenPost={(id) => navigate(`/w/${workspace.id}/drafts/${id}`)}
          />
        </div>
      )}
    </>
  );
}
