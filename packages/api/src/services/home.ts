/**
 * "This week", the page a user opens every morning: today and the next seven local days, posts
 * waiting for review, the queue's empty slots, the cadence guardrail, and last week's posts with
 * their scores (each number naming its denominator and sample).
 */
import { and, asc, drafts, eq, socialProfiles, sql, type Database } from "@rapport/db";
import {
  addDaysToLocalDate,
  denominatorLabel,
  interactionQuality,
  localDateTimeOf,
  localDayBounds,
  performanceIndex,
  toLocalTime,
  weekdayOfLocalDate,
  WEEKDAY_NAMES,
} from "@rapport/core";
import { cadenceWarnings, plannedItems, type CalendarItem } from "./calendar";
import { captionTitle } from "./planned-time";
import { earlierPosts, loadPosts } from "./posts";
import { slotOccurrences } from "./slots";

/** Today and the next seven days. */
export const HOME_DAYS = 8;
const PERFORMANCE_WINDOW = 30;

/** The clock the days are counted on: the one asked for, else the zone most of the workspace's profiles use. */
async function homeZone(
  db: Database,
  workspaceId: string,
  asked: string | undefined,
): Promise<string> {
  if (asked) return asked;
  const rows = await db
    .select({ timeZone: socialProfiles.timeZone, n: sql<number>`count(*)::int` })
    .from(socialProfiles)
    .where(eq(socialProfiles.workspaceId, workspaceId))
    .groupBy(socialProfiles.timeZone)
    .orderBy(sql`count(*) desc`, asc(socialProfiles.timeZone));
  return rows[0]?.timeZone ?? "UTC";
}

export async function thisWeek(
  db: Database,
  workspaceId: string,
  input: { timeZone?: string | undefined; now?: Date | undefined },
) {
  const now = input.now ?? new Date();
  const timeZone = await homeZone(db, workspaceId, input.timeZone);
  const today = (localDateTimeOf(now.getTime(), timeZone) ?? now.toISOString()).slice(0, 10);
  const lastDay = addDaysToLocalDate(today, HOME_DAYS - 1);
  const start = localDayBounds(today, timeZone)?.start ?? now.getTime();
  const end = localDayBounds(lastDay, timeZone)?.end ?? now.getTime() + HOME_DAYS * 86_400_000;
  // Each post sits on its own profile's local day: read a day either side, then keep those dates.
  const candidates = await plannedItems(db, workspaceId, {
    from: new Date(start - 86_400_000),
    to: new Date(end + 86_400_000),
  });
  const items = candidates.filter((it) => it.localDate >= today && it.localDate <= lastDay);
  const days = Array.from({ length: HOME_DAYS }, (_, i) => {
    const date = addDaysToLocalDate(today, i);
    return {
      date,
      weekday: weekdayOfLocalDate(date),
      isToday: i === 0,
      items: items.filter((it) => it.localDate === date),
    };
  });

  const reviewRows = await db
    .select({ id: drafts.id })
    .from(drafts)
    .where(and(eq(drafts.workspaceId, workspaceId), eq(drafts.status, "in_review")))
    .orderBy(sql`${drafts.plannedAt} asc nulls last`, asc(drafts.updatedAt))
    .limit(50);
  const waitingIds = new Set(reviewRows.map((r) => r.id));
  const waitingForReview: (
    | CalendarItem
    | { draftId: string; plannedAt: null; title: string; profileId: string; version: number }
  )[] = [];
  if (waitingIds.size > 0) {
    const planned = await plannedItems(db, workspaceId, { statuses: ["in_review"] });
    for (const it of planned) if (waitingIds.has(it.draftId)) waitingForReview.push(it);
    const unplanned = await db
      .select({
        id: drafts.id,
        caption: drafts.caption,
        profileId: drafts.profileId,
        version: drafts.version,
      })
      .from(drafts)
      .where(
        and(
          eq(drafts.workspaceId, workspaceId),
          eq(drafts.status, "in_review"),
          sql`${drafts.plannedAt} is null`,
        ),
      );
    for (const d of unplanned)
      waitingForReview.push({
        draftId: d.id,
        plannedAt: null,
        title: captionTitle(d.caption),
        profileId: d.profileId,
        version: d.version,
      });
  }

  const profiles = await db
    .select({
      id: socialProfiles.id,
      handle: socialProfiles.handle,
      timeZone: socialProfiles.timeZone,
    })
    .from(socialProfiles)
    .where(eq(socialProfiles.workspaceId, workspaceId))
    .orderBy(asc(socialProfiles.handle));
  const emptySlots = [];
  for (const p of profiles) {
    const occ = await slotOccurrences(db, {
      workspaceId,
      profileId: p.id,
      timeZone: p.timeZone,
      now,
      days: HOME_DAYS + 1,
    });
    for (const o of occ) {
      if (o.taken || o.localDate > lastDay) continue;
      emptySlots.push({
        ...o,
        profileHandle: p.handle,
        label: `${WEEKDAY_NAMES[o.weekday]} ${o.localDate} ${o.localTime}`,
      });
    }
  }
  emptySlots.sort((a, b) => a.plannedAt.getTime() - b.plannedAt.getTime());

  const cadence = await cadenceWarnings(db, workspaceId, items);
  return {
    timeZone,
    today,
    days,
    waitingForReview,
    emptySlots,
    cadence: cadence.warnings,
    cadenceSummaries: cadence.profiles,
    lastWeek: await lastWeek(db, workspaceId, profiles, today),
  };
}

/** Posts published in the seven local days before today, each scored against the profile's earlier posts. */
async function lastWeek(
  db: Database,
  workspaceId: string,
  profiles: { id: string; handle: string; timeZone: string }[],
  today: string,
) {
  const from = addDaysToLocalDate(today, -7);
  // A day's margin each side in UTC, then each post is kept by its own profile's local date.
  const loaded = await loadPosts(db, workspaceId, {
    from: addDaysToLocalDate(from, -1),
    to: today,
    withCaptions: true,
  });
  const zoneOf = new Map(profiles.map((p) => [p.id, p]));
  const week = loaded.filter((p) => {
    const zone = zoneOf.get(p.profileId)?.timeZone ?? "UTC";
    const local = p.publishedAt ? toLocalTime(Date.parse(p.publishedAt), zone)?.date : null;
    return local !== null && local !== undefined && local >= from && local < today;
  });
  const earlier = await earlierPosts(db, workspaceId, week, PERFORMANCE_WINDOW);
  const rows = week.map((p) => {
    const quality = interactionQuality(p);
    const pi = performanceIndex(p, earlier.get(p.id) ?? []);
    const zone = zoneOf.get(p.profileId)?.timeZone ?? "UTC";
    const local = localDateTimeOf(Date.parse(p.publishedAt as string), zone) ?? "";
    return {
      postId: p.id,
      profileId: p.profileId,
      profileHandle: zoneOf.get(p.profileId)?.handle ?? "",
      publishedAt: new Date(p.publishedAt as string),
      localDate: local.slice(0, 10),
      localTime: local.slice(11),
      title: captionTitle(p.caption ?? ""),
      contentType: p.contentType ?? null,
      format: p.format ?? null,
      quality: quality
        ? {
            value: quality.value,
            denominator: quality.denominator,
            label: `weighted interactions ${denominatorLabel(quality.denominator)}`,
          }
        : null,
      performanceIndex: pi
        ? { value: pi.value, n: pi.n, denominator: pi.denominator, label: pi.label }
        : null,
    };
  });
  rows.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  return { from, to: addDaysToLocalDate(today, -1), n: rows.length, posts: rows };
}
