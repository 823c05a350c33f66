/**
 * What a parsed row must satisfy before it is stored, whichever importer read it: counts that fit the
 * database's integers, text without NUL bytes or other control characters, and a publication date in
 * the years social posts can have. One bad cell rejects its row with a reason; the rest import.
 */
import type { FollowerSnapshot, Post } from "../domain/post";
import type { RowParser } from "./types";

/** PostgreSQL `integer`, the type of every count column. */
export const MAX_COUNT = 2_147_483_647;
/** Earliest year a post can have (Facebook opened in 2004). */
export const MIN_POST_YEAR = 2004;

const COUNT_KEYS = [
  "followers",
  "reach",
  "impressions",
  "views",
  "likes",
  "comments",
  "shares",
  "saves",
  "clicks",
  "mediaCount",
] as const;
const LABELS: Record<(typeof COUNT_KEYS)[number], string> = {
  followers: "Followers",
  reach: "Reach",
  impressions: "Impressions",
  views: "Views",
  likes: "Likes",
  comments: "Comments",
  shares: "Shares",
  saves: "Saves",
  clicks: "Clicks",
  mediaCount: "Media count",
};
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The latest acceptable date: a year after `now` (scheduled posts exported ahead of time). */
function latest(now: Date): Date {
  return new Date(
    Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate(), 23, 59, 59),
  );
}

/** A sentence on why a date is out of range, or null when it is fine. */
export function dateRangeProblem(label: string, iso: string, now: Date): string | null {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return `${label} "${iso}" is not a date`;
  const year = new Date(ms).getUTCFullYear();
  if (year < MIN_POST_YEAR) {
    const hint =
      year >= 1900 && year < 2000 ? " (a two-digit or 00xx year is not read as 19xx)" : "";
    return `${label} ${iso.slice(0, 10)} is before ${MIN_POST_YEAR}: check the year${hint}`;
  }
  const last = latest(now);
  if (ms > last.getTime())
    return `${label} ${iso.slice(0, 10)} is after ${last.toISOString().slice(0, 10)}: check the year`;
  return null;
}

function countProblem(label: string, value: number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < 0) return `${label} ${value} is not a count`;
  if (value > MAX_COUNT)
    return `${label} ${value.toLocaleString("en")} is too large: counts above ${MAX_COUNT.toLocaleString("en")} can't be stored`;
  return null;
}

/** Why a parsed post cannot be stored, in a sentence; null when it can. */
export function postProblem(post: Post, now: Date): string | null {
  for (const key of COUNT_KEYS) {
    const problem = countProblem(LABELS[key], post[key]);
    if (problem) return problem;
  }
  if (CONTROL.test(post.id)) return "The post id contains a NUL byte or another control character";
  if (post.caption && CONTROL.test(post.caption)) {
    return "The caption contains a NUL byte or another invisible control character: remove it and import again";
  }
  for (const [key, value] of Object.entries(post.extra ?? {})) {
    if (CONTROL.test(value) || CONTROL.test(key))
      return `The column "${key.replace(CONTROL, "?")}" contains a NUL byte or another control character`;
  }
  if (post.publishedAt) return dateRangeProblem("Published", post.publishedAt, now);
  return null;
}

/** Why a follower snapshot cannot be stored; null when it can. */
export function followerSnapshotProblem(snapshot: FollowerSnapshot, now: Date): string | null {
  return (
    countProblem("Followers", snapshot.followers) ??
    dateRangeProblem("Date", `${snapshot.date}T00:00:00Z`, now)
  );
}

/** Wraps a row parser so every post it accepts is checked against the limits above. */
export function withRowLimits(parser: RowParser, now: Date): RowParser {
  return {
    parseRow(cells, rowNumber) {
      const result = parser.parseRow(cells, rowNumber);
      if (result.ok !== true) return result;
      const problem = postProblem(result.post, now);
      return problem ? { ok: false, reason: problem } : result;
    },
  };
}
