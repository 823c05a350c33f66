/**
 * Calendar feeds: every planned post of a workspace (or of one profile) as an iCalendar event at a
 * secret URL (the token is stored hashed and can be revoked), on the profile's own clock, with a
 * "Reply to comments" block after each post. A post's UID never changes and its SEQUENCE is its
 * version, so calendar apps update the event in place; cancelled posts stay a while as CANCELLED.
 */
import { TRPCError } from "@trpc/server";
import ical, { ICalEventStatus } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import {
  and,
  calendarFeeds,
  desc,
  drafts,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  or,
  socialProfiles,
  type Database,
} from "@rapport/db";
import { generateRandomToken, hashToken } from "../../auth/session";
import type { Executor } from "./queue";
import { requireProfile } from "./settings";

/** How long a cancelled post stays in the feed, so calendars remove their copy. */
export const CANCELLED_VISIBLE_DAYS = 14;
/** The length of a post's own event. */
const POST_EVENT_MINUTES = 15;
const FEED_STATUSES = [
  "scheduled",
  "publishing",
  "published",
  "needs_action",
  "failed",
  "cancelled",
] as const;

export interface FeedOptions {
  profileId: string | null;
  replyBlocks: boolean;
  replyBlockMinutes: number;
}

export async function createFeed(
  db: Executor,
  workspaceId: string,
  userId: string,
  o: FeedOptions,
) {
  if (o.profileId) await requireProfile(db, workspaceId, o.profileId);
  const token = generateRandomToken();
  const [row] = await db
    .insert(calendarFeeds)
    .values({
      workspaceId,
      profileId: o.profileId,
      tokenHash: hashToken(token),
      replyBlocks: o.replyBlocks,
      replyBlockMinutes: o.replyBlockMinutes,
      createdBy: userId,
    })
    .returning({ id: calendarFeeds.id });
  // The token is returned once, inside the URL the person copies; only its hash is kept.
  return { id: row!.id, token };
}

export async function listFeeds(db: Executor, workspaceId: string) {
  return db
    .select({
      id: calendarFeeds.id,
      profileId: calendarFeeds.profileId,
      handle: socialProfiles.handle,
      replyBlocks: calendarFeeds.replyBlocks,
      replyBlockMinutes: calendarFeeds.replyBlockMinutes,
      createdAt: calendarFeeds.createdAt,
    })
    .from(calendarFeeds)
    .leftJoin(socialProfiles, eq(socialProfiles.id, calendarFeeds.profileId))
    .where(and(eq(calendarFeeds.workspaceId, workspaceId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt));
}

export async function revokeFeed(db: Executor, workspaceId: string, feedId: string, now: Date) {
  const rows = await db
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(
      and(
        eq(calendarFeeds.id, feedId),
        eq(calendarFeeds.workspaceId, workspaceId),
        isNull(calendarFeeds.revokedAt),
      ),
    )
    .returning({ id: calendarFeeds.id });
  if (rows.length === 0)
    throw new TRPCError({ code: "NOT_FOUND", message: "Calendar feed not found." });
  return { revoked: true };
}

interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallTime(at: Date, timeZone: string): Wall {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return { y: p.year!, mo: p.month!, d: p.day!, h: p.hour!, mi: p.minute!, s: p.second! };
}

/**
 * An instant that ical-generator writes as the profile's wall-clock time (with TZID): the library
 * asks such a date for `withTimeZone(tz)` and reads local fields from what it returns.
 */
class ZonedInstant extends Date {
  // The shape ical-generator recognises (its TZDate stub): `internal`, `withTimeZone`, `tzComponents`.
  get internal(): Date {
    return new Date(this.getTime());
  }
  // The library passes null for a UTC event: its wall time is UTC.
  tzComponents(timeZone: string | null) {
    return wallTime(this, timeZone || "UTC");
  }
  withTimeZone(timeZone: string | null) {
    const w = wallTime(this, timeZone || "UTC");
    return {
      getFullYear: () => w.y,
      getMonth: () => w.mo - 1,
      getDate: () => w.d,
      getHours: () => w.h,
      getMinutes: () => w.mi,
      getSeconds: () => w.s,
      getUTCFullYear: () => this.getUTCFullYear(),
      getUTCMonth: () => this.getUTCMonth(),
      getUTCDate: () => this.getUTCDate(),
      getUTCHours: () => this.getUTCHours(),
      getUTCMinutes: () => this.getUTCMinutes(),
      getUTCSeconds: () => this.getUTCSeconds(),
    };
  }
}

function excerpt(caption: string, max = 60): string {
  const line = caption.split("\n")[0]?.trim() ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line || "(no caption)";
}

/** The feed's text, or null when the token is unknown or revoked (the route answers 404). */
export async function renderFeed(
  db: Database,
  token: string,
  opts: { appOrigin: string; now: Date },
): Promise<string | null> {
  const [feed] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)));
  if (!feed) return null;
  const cancelledSince = new Date(opts.now.getTime() - CANCELLED_VISIBLE_DAYS * 86_400_000);
  const rows = await db
    .select({
      d: drafts,
      handle: socialProfiles.handle,
      platform: socialProfiles.platform,
      timeZone: socialProfiles.timeZone,
    })
    .from(drafts)
    .innerJoin(socialProfiles, eq(socialProfiles.id, drafts.profileId))
    .where(
      and(
        eq(drafts.workspaceId, feed.workspaceId),
        feed.profileId ? eq(drafts.profileId, feed.profileId) : undefined,
        isNotNull(drafts.plannedAt),
        inArray(drafts.status, [...FEED_STATUSES]),
        or(
          inArray(drafts.status, [
            "scheduled",
            "publishing",
            "published",
            "needs_action",
            "failed",
          ]),
          gte(drafts.updatedAt, cancelledSince),
        ),
      ),
    );
  const cal = ical({
    name: feed.profileId && rows[0] ? `Rapport: @${rows[0].handle}` : "Rapport: planned posts",
    prodId: { company: "Rapport", product: "planner", language: "EN" },
  });
  cal.timezone({ name: null, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null });
  for (const { d, handle, platform, timeZone } of rows) {
    const start = d.plannedAt!;
    const end = new Date(start.getTime() + POST_EVENT_MINUTES * 60_000);
    const cancelled = d.status === "cancelled";
    const link = `${opts.appOrigin}/w/${d.workspaceId}/publish/${d.id}`;
    cal.createEvent({
      id: `${d.id}@rapport`,
      sequence: d.version,
      stamp: d.updatedAt,
      start: new ZonedInstant(start.getTime()),
      end: new ZonedInstant(end.getTime()),
      timezone: timeZone,
      summary: `${cancelled ? "Cancelled: " : ""}Post on ${platform} @${handle}: ${excerpt(d.caption)}`,
      description: `${d.caption}\n\n${link}`,
      url: link,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    if (feed.replyBlocks) {
      const replyEnd = new Date(end.getTime() + feed.replyBlockMinutes * 60_000);
      cal.createEvent({
        id: `${d.id}-reply@rapport`,
        sequence: d.version,
        stamp: d.updatedAt,
        start: new ZonedInstant(end.getTime()),
        end: new ZonedInstant(replyEnd.getTime()),
        timezone: timeZone,
        summary: `Reply to comments on @${handle}`,
        description: `Answer the comments on your post while it is fresh: replies early on keep the conversation going.\n\n${link}`,
        status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
  }
  return cal.toString();
}
