/**
 * The calendar's reads: planned posts in a range on each profile's clock (with per-day counts and
 * the cadence guardrail), the best-slot overlay (the insights heatmap's own estimate), and the
 * Instagram grid preview. Every query is scoped to the workspace.
 */
import { TRPCError } from "@trpc/server";
import {
  and,
  asc,
  desc,
  drafts,
  eq,
  inArray,
  posts,
  socialProfiles,
  sql,
  type Database,
  type SQL,
} from "@rapport/db";
import {
  addDaysToLocalDate,
  cadenceBaseline,
  guardrailFrom,
  DRAFT_STATUSES,
  localDateTimeOf,
  slotLabel,
  timingHeatmap,
  toLocalTime,
  type DraftStatus,
} from "@rapport/core";
import { byDataVersion } from "./data-version-cache";
import { captionTitle } from "./planned-time";
import { loadPosts } from "./posts";

/** What the calendar shows unless asked otherwise: everything but cancelled and archived posts. */
export const DEFAULT_CALENDAR_STATUSES: readonly DraftStatus[] = DRAFT_STATUSES.filter(
  (s) => s !== "cancelled" && s !== "archived",
);

/** The longest range one request may ask for (a month view with its edges is ~42 days). */
export const MAX_RANGE_DAYS = 100;

export interface CalendarFilters {
  from: Date;
  to: Date;
  profileIds?: string[] | undefined;
  contentTypes?: string[] | undefined;
  statuses?: DraftStatus[] | undefined;
}

export interface CalendarItem {
  draftId: string;
  profileId: string;
  profileHandle: string;
  profileTimeZone: string;
  platform: string;
  plannedAt: Date;
  localDate: string;
  localTime: string;
  contentType: string | null;
  format: string | null;
  status: DraftStatus;
  scoreBand: string | null;
  score: number | null;
  thumbnailMediaId: string | null;
  title: string;
  version: number;
  isExample: boolean;
}

const firstMedia = sql<
  string | null
>`(select dm.media_id from draft_media dm where dm.draft_id = "drafts"."id" order by dm.position limit 1)`;

/** Planned drafts whose instant lies in [from, to), each placed on its profile's clock. */
export async function plannedItems(
  db: Database,
  workspaceId: string,
  f: Omit<CalendarFilters, "from" | "to"> & { from?: Date | undefined; to?: Date | undefined },
): Promise<CalendarItem[]> {
  const where: SQL[] = [eq(drafts.workspaceId, workspaceId), sql`${drafts.plannedAt} is not null`];
  if (f.from) where.push(sql`${drafts.plannedAt} >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) where.push(sql`${drafts.plannedAt} < ${f.to.toISOString()}::timestamptz`);
  where.push(
    inArray(drafts.status, [...(f.statuses?.length ? f.statuses : DEFAULT_CALENDAR_STATUSES)]),
  );
  if (f.profileIds?.length) where.push(inArray(drafts.profileId, f.profileIds));
  if (f.contentTypes?.length) where.push(inArray(drafts.contentType, f.contentTypes));
  const rows = await db
    .select({
      d: {
        id: drafts.id,
        profileId: drafts.profileId,
        plannedAt: drafts.plannedAt,
        contentType: drafts.contentType,
        format: drafts.format,
        status: drafts.status,
        scoreBand: drafts.scoreBand,
        score: drafts.score,
        caption: drafts.caption,
        version: drafts.version,
        isExample: drafts.isExample,
      },
      thumbnail: firstMedia,
      timeZone: socialProfiles.timeZone,
      platform: socialProfiles.platform,
      handle: socialProfiles.handle,
    })
    .from(drafts)
    .innerJoin(socialProfiles, eq(socialProfiles.id, drafts.profileId))
    .where(and(...where))
    .orderBy(asc(drafts.plannedAt), asc(drafts.id))
    .limit(2000);
  return rows.map(({ d, thumbnail, timeZone, platform, handle }) => {
    const local = localDateTimeOf((d.plannedAt as Date).getTime(), timeZone) ?? "";
    return {
      draftId: d.id,
      profileId: d.profileId,
      profileHandle: handle,
      profileTimeZone: timeZone,
      platform,
      plannedAt: d.plannedAt as Date,
      localDate: local.slice(0, 10),
      localTime: local.slice(11),
      contentType: d.contentType,
      format: d.format,
      status: d.status,
      scoreBand: d.scoreBand,
      score: d.score,
      thumbnailMediaId: thumbnail,
      title: captionTitle(d.caption),
      version: d.version,
      isExample: d.isExample,
    };
  });
}

export interface DayCount {
  date: string;
  total: number;
  byStatus: Partial<Record<DraftStatus, number>>;
}

export function dayCounts(items: readonly CalendarItem[]): DayCount[] {
  const days = new Map<string, DayCount>();
  for (const it of items) {
    const d = days.get(it.localDate) ?? { date: it.localDate, total: 0, byStatus: {} };
    d.total += 1;
    d.byStatus[it.status] = (d.byStatus[it.status] ?? 0) + 1;
    days.set(it.localDate, d);
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export interface CadenceWarning {
  profileId: string;
  kind: "week" | "day";
  /** The local date of the day, or the Monday of the week. */
  date: string;
  posts: number;
  message: string;
}

export interface ProfileCadence {
  profileId: string;
  summary: string;
  typicalPostsPerWeek: number | null;
}

/** Statuses that will (or did) go out: what counts toward a day's or week's load. */
const GOING_OUT: readonly DraftStatus[] = [
  "in_review",
  "approved",
  "scheduled",
  "publishing",
  "published",
  "draft",
  "failed",
  "needs_action",
];

/**
 * Core's cadence guardrail for each profile among the items. The history is the profile's dated
 * posts of the year before today; its baseline (typical week, busy weeks, the same-day effect) is
 * computed once per data version. The load of each local day and week is its planned items plus
 * the posts already published in those weeks.
 */
export async function cadenceWarnings(
  db: Database,
  workspaceId: string,
  items: readonly CalendarItem[],
): Promise<{ warnings: CadenceWarning[]; profiles: ProfileCadence[] }> {
  const byProfile = new Map<string, CalendarItem[]>();
  for (const it of items) {
    if (!GOING_OUT.includes(it.status)) continue;
    byProfile.set(it.profileId, [...(byProfile.get(it.profileId) ?? []), it]);
  }
  const warnings: CadenceWarning[] = [];
  const profiles: ProfileCadence[] = [];
  for (const [profileId, planned] of byProfile) {
    const timeZone = planned[0]?.profileTimeZone as string;
    const today = (localDateTimeOf(Date.now(), timeZone) ?? new Date().toISOString()).slice(0, 10);
    const since = addDaysToLocalDate(today, -371);
    const { baseline, publishedDates } = await byDataVersion(
      db,
      workspaceId,
      `cadence:${profileId}:${timeZone}:${today}`,
      async () => {
        const history = await loadPosts(db, workspaceId, { profileId, from: since });
        return {
          baseline: cadenceBaseline(history, { timeZone }),
          publishedDates: history
            .map((p) =>
              p.publishedAt
                ? (toLocalTime(Date.parse(p.publishedAt), timeZone)?.date ?? null)
                : null,
            )
            .filter((d): d is string => d !== null),
        };
      },
    );
    const weeks = new Set(planned.map((it) => weekOf(it.localDate)));
    const published = publishedDates.filter((d) => weeks.has(weekOf(d)));
    const g = guardrailFrom(baseline, [...planned.map((it) => it.localDate), ...published]);
    profiles.push({ profileId, summary: g.summary, typicalPostsPerWeek: g.typicalPostsPerWeek });
    for (const w of g.weeks)
      warnings.push({
        profileId,
        kind: "week",
        date: w.weekStart,
        posts: w.posts,
        message: w.warning,
      });
    for (const d of g.days)
      warnings.push({ profileId, kind: "day", date: d.date, posts: d.posts, message: d.warning });
  }
  return { warnings, profiles };
}

function weekOf(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDaysToLocalDate(date, -weekday);
}

export async function calendarRange(db: Database, workspaceId: string, f: CalendarFilters) {
  if (f.to.getTime() <= f.from.getTime())
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "The range ends before it starts: choose an end after the start.",
    });
  if (f.to.getTime() - f.from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `Ask for at most ${MAX_RANGE_DAYS} days at a time.`,
    });
  }
  const items = await plannedItems(db, workspaceId, f);
  const cadence = await cadenceWarnings(db, workspaceId, items);
  return {
    items,
    days: dayCounts(items),
    cadence: cadence.warnings,
    cadenceSummaries: cadence.profiles,
  };
}

async function requireProfile(db: Database, workspaceId: string, profileId: string) {
  const [p] = await db
    .select()
    .from(socialProfiles)
    .where(and(eq(socialProfiles.id, profileId), eq(socialProfiles.workspaceId, workspaceId)));
  if (!p) throw new TRPCError({ code: "NOT_FOUND", message: "Profile not found." });
  return p;
}

/**
 * The profile's timing heatmap: core's `timingHeatmap` over the profile's posts per person reached,
 * exactly as the insights page computes it for that profile.
 */
export async function profileHeatmap(db: Database, workspaceId: string, profileId: string) {
  const profile = await requireProfile(db, workspaceId, profileId);
  const heatmap = await byDataVersion(
    db,
    workspaceId,
    `heatmap:${profileId}:${profile.timeZone}`,
    async () =>
      timingHeatmap(await loadPosts(db, workspaceId, { profileId }), {
        timeZone: profile.timeZone,
        denominator: "reach",
      }),
  );
  return { profile, heatmap };
}

/** The best-slot overlay: the heatmap's best slots (and every cell, for shading) on the profile's clock. */
export async function bestSlotsOverlay(db: Database, workspaceId: string, profileId: string) {
  const { profile, heatmap } = await profileHeatmap(db, workspaceId, profileId);
  const slim = (c: (typeof heatmap.cells)[number]) => ({
    weekday: c.weekday,
    startHour: c.startHour,
    endHour: c.endHour,
    label: slotLabel(c.weekday, c.startHour, c.endHour),
    lift: c.lift,
    n: c.n,
    state: c.state,
    interval: c.interval ? { low: c.interval.low, high: c.interval.high } : null,
    summary: c.summary,
  });
  return {
    profileId: profile.id,
    timeZone: profile.timeZone,
    denominator: heatmap.denominator,
    n: heatmap.n,
    blockHours: heatmap.blockHours,
    best: heatmap.bestSlots.map(slim),
    cells: heatmap.cells.map(slim),
  };
}

export const GRID_PAST_POSTS = 30;

/** The Instagram grid as it will look: planned posts (newest first) above the latest past posts. */
export async function calendarGrid(db: Database, workspaceId: string, profileId: string) {
  const profile = await requireProfile(db, workspaceId, profileId);
  if (profile.platform !== "instagram") {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "The grid preview is for Instagram profiles: choose an Instagram profile.",
    });
  }
  const firstImage = sql<
    string | null
  >`(select dm.media_id from draft_media dm join media m on m.id = dm.media_id
    where dm.draft_id = "drafts"."id" and (m.mime_type like 'image/%' or m.thumbnail_key is not null) order by dm.position limit 1)`;
  const planned = await db
    .select({
      id: drafts.id,
      plannedAt: drafts.plannedAt,
      caption: drafts.caption,
      contentType: drafts.contentType,
      format: drafts.format,
      status: drafts.status,
      version: drafts.version,
      isExample: drafts.isExample,
      mediaId: firstImage,
    })
    .from(drafts)
    .where(
      and(
        eq(drafts.workspaceId, workspaceId),
        eq(drafts.profileId, profileId),
        sql`${drafts.plannedAt} is not null`,
        inArray(drafts.status, [
          "draft",
          "in_review",
          "approved",
          "scheduled",
          "publishing",
          "failed",
          "needs_action",
        ]),
      ),
    )
    .orderBy(desc(drafts.plannedAt), desc(drafts.id))
    .limit(60);
  const past = await db
    .select({
      id: posts.id,
      publishedAt: posts.publishedAt,
      caption: posts.caption,
      contentType: posts.contentType,
      format: posts.format,
    })
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), eq(posts.profileId, profileId)))
    .orderBy(sql`${posts.publishedAt} desc nulls last`, desc(posts.externalId))
    .limit(GRID_PAST_POSTS);
  const local = (at: Date | null) => (at ? localDateTimeOf(at.getTime(), profile.timeZone) : null);
  return {
    profileId,
    timeZone: profile.timeZone,
    tiles: [
      ...planned.map((p) => ({
        kind: "planned" as const,
        id: p.id,
        at: p.plannedAt,
        local: local(p.plannedAt),
        mediaId: p.mediaId,
        title: captionTitle(p.caption),
        contentType: p.contentType,
        format: p.format,
        status: p.status as DraftStatus | null,
        version: p.version as number | null,
        isExample: p.isExample,
      })),
      ...past.map((p) => ({
        kind: "past" as const,
        id: p.id,
        at: p.publishedAt,
        local: local(p.publishedAt),
        mediaId: null,
        title: captionTitle(p.caption ?? ""),
        contentType: p.contentType,
        format: p.format,
        status: null,
        version: null,
        isExample: false,
      })),
    ],
  };
}
