/**
 * The scorer's feature layout: one fixed vector per post or draft, so training and scoring share
 * exactly one encoding, and explanations group columns into things a shop owner recognises.
 */
import type { ContentType, Format } from "../domain/vocabulary";
import { CONTENT_TYPES, FORMATS } from "../domain/vocabulary";
import type { CaptionSignals } from "./caption";

export const HOUR_BLOCK = 3;
const BLOCKS = 24 / HOUR_BLOCK;

export type FeatureGroup =
  | "baseline"
  | "contentType"
  | "format"
  | "weekday"
  | "hour"
  | "captionLength"
  | "question"
  | "callToAction"
  | "firstPerson"
  | "emoji"
  | "hashtags"
  | "mentions"
  | "link"
  | "media"
  | "authenticity"
  | "paid"
  | "followers";

export interface Column {
  name: string;
  group: FeatureGroup;
}

function buildColumns(): Column[] {
  const cols: Column[] = [{ name: "intercept", group: "baseline" }];
  for (const t of CONTENT_TYPES) cols.push({ name: `type:${t}`, group: "contentType" });
  for (const f of FORMATS) cols.push({ name: `format:${f}`, group: "format" });
  for (let d = 0; d < 7; d++) cols.push({ name: `weekday:${d}`, group: "weekday" });
  for (let b = 0; b < BLOCKS; b++) cols.push({ name: `hour:${b}`, group: "hour" });
  const singles: [string, FeatureGroup][] = [
    ["captionLength", "captionLength"],
    ["question", "question"],
    ["callToAction", "callToAction"],
    ["firstPerson", "firstPerson"],
    ["emoji", "emoji"],
    ["hashtags", "hashtags"],
    ["mentions", "mentions"],
    ["link", "link"],
    ["media", "media"],
    ["authenticity", "authenticity"],
    ["paid", "paid"],
    ["followers", "followers"],
  ];
  for (const [name, group] of singles) cols.push({ name, group });
  return cols;
}

export const COLUMNS: readonly Column[] = buildColumns();
export const P = COLUMNS.length;
const INDEX = new Map(COLUMNS.map((c, i) => [c.name, i]));
export function col(name: string): number {
  const i = INDEX.get(name);
  if (i === undefined) throw new Error(`unknown column ${name}`);
  return i;
}

export interface FeatureInput {
  contentType: ContentType | null;
  format: Format | null;
  weekday: number | null;
  hour: number | null;
  caption: CaptionSignals | null;
  hasLink: boolean | null;
  mediaCount: number | null;
  paid: boolean | null;
  /** Standardised ln(followers) against the account's median; 0 when unknown. */
  followersLog: number;
}

const IDX = {
  captionLength: col("captionLength"),
  question: col("question"),
  callToAction: col("callToAction"),
  firstPerson: col("firstPerson"),
  emoji: col("emoji"),
  hashtags: col("hashtags"),
  mentions: col("mentions"),
  link: col("link"),
  media: col("media"),
  authenticity: col("authenticity"),
  paid: col("paid"),
  followers: col("followers"),
};
const TYPE_BASE = col(`type:${CONTENT_TYPES[0]}`);
const FORMAT_BASE = col(`format:${FORMATS[0]}`);
const WEEKDAY_BASE = col("weekday:0");
const HOUR_BASE = col("hour:0");

/** Counts are log-scaled and divided so a typical range sits near 0-1, which keeps one ridge penalty fair to all. */
export function encode(f: FeatureInput, out: Float64Array = new Float64Array(P)): Float64Array {
  out.fill(0);
  out[0] = 1;
  if (f.contentType) out[TYPE_BASE + CONTENT_TYPES.indexOf(f.contentType)] = 1;
  if (f.format) out[FORMAT_BASE + FORMATS.indexOf(f.format)] = 1;
  if (f.weekday !== null && f.weekday >= 0 && f.weekday < 7) out[WEEKDAY_BASE + f.weekday] = 1;
  if (f.hour !== null && f.hour >= 0 && f.hour < 24) out[HOUR_BASE + Math.floor(f.hour / HOUR_BLOCK)] = 1;
  const c = f.caption;
  if (c) {
    out[IDX.captionLength] = Math.log1p(c.length) / Math.log(1000);
    out[IDX.question] = c.hasQuestion ? 1 : 0;
    out[IDX.callToAction] = c.hasCallToAction ? 1 : 0;
    out[IDX.firstPerson] = c.firstPerson ? 1 : 0;
    out[IDX.emoji] = Math.log1p(Math.min(c.emojiCount, 30)) / Math.log(11);
    out[IDX.hashtags] = Math.log1p(Math.min(c.hashtagCount, 30)) / Math.log(31);
    out[IDX.mentions] = Math.log1p(Math.min(c.mentionCount, 20)) / Math.log(6);
    const a = c.authenticWords.length;
    const s = c.stagedWords.length;
    out[IDX.authenticity] = a + s === 0 ? 0 : (a - s) / (a + s);
  }
  out[IDX.link] = (f.hasLink ?? c?.hasLink ?? false) ? 1 : 0;
  out[IDX.media] = f.mediaCount !== null && f.mediaCount > 0 ? Math.log1p(Math.min(f.mediaCount, 20)) / Math.log(11) : 0;
  out[IDX.paid] = f.paid ? 1 : 0;
  out[IDX.followers] = Number.isFinite(f.followersLog) ? f.followersLog : 0;
  return out;
}

export const FEATURE_INDEX = { ...IDX, typeBase: TYPE_BASE, formatBase: FORMAT_BASE, weekdayBase: WEEKDAY_BASE, hourBase: HOUR_BASE };
