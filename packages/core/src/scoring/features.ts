/**
 * The scorer's feature layout: one fixed vector per post or draft, so training and scoring share
 * exactly one encoding, and explanations group columns into things a shop owner recognises.
 */
import type { ContentType, Format } from "../domain/vocabulary";
import { CONTENT_TYPES, FORMATS } from "../domain/vocabulary";
import type { CaptionSignals } from "./caption";

export type FeatureGroup =
  | "baseline"
  | "contentType"
  | "format"
  | "slot"
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
  | "paid";

export interface Column {
  name: string;
  group: FeatureGroup;
}

function buildColumns(): Column[] {
  const cols: Column[] = [{ name: "intercept", group: "baseline" }];
  for (const t of CONTENT_TYPES) cols.push({ name: `type:${t}`, group: "contentType" });
  for (const f of FORMATS) cols.push({ name: `format:${f}`, group: "format" });
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
    // The timing heatmap's shrunk log lift of the post's weekday x hour cell: one estimate of time.
    ["slot", "slot"],
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
  caption: CaptionSignals | null;
  hasLink: boolean | null;
  mediaCount: number | null;
  paid: boolean | null;
  /** ln(lift) of the post's slot on the account's timing heatmap; 0 when unknown. */
  slotLift: number;
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
  slot: col("slot"),
};
const TYPE_BASE = col(`type:${CONTENT_TYPES[0]}`);
const FORMAT_BASE = col(`format:${FORMATS[0]}`);

/** Counts are log-scaled and divided so a typical range sits near 0-1, which keeps one ridge penalty fair to all. */
export function encode(f: FeatureInput, out: Float64Array = new Float64Array(P)): Float64Array {
  out.fill(0);
  out[0] = 1;
  if (f.contentType) out[TYPE_BASE + CONTENT_TYPES.indexOf(f.contentType)] = 1;
  if (f.format) out[FORMAT_BASE + FORMATS.indexOf(f.format)] = 1;
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
  out[IDX.media] =
    f.mediaCount !== null && f.mediaCount > 0
      ? Math.log1p(Math.min(f.mediaCount, 20)) / Math.log(11)
      : 0;
  out[IDX.paid] = f.paid ? 1 : 0;
  out[IDX.slot] = Number.isFinite(f.slotLift) ? f.slotLift : 0;
  return out;
}

export const FEATURE_INDEX = { ...IDX, typeBase: TYPE_BASE, formatBase: FORMAT_BASE };
