/**
 * Weekday x hour-block heatmap in the profile's time zone, with the same shrinkage and intervals
 * as content-type lift, and the best slots with their evidence.
 */
import type { Post } from "../domain/post";
import { WEEKDAY_NAMES } from "../domain/vocabulary";
import { liftTable } from "../metrics/content-type-lift";
import type { LiftOptions, LiftRow } from "../metrics/content-type-lift";
import { logOutcomes } from "../metrics/outcome";
import type { Denominator } from "../metrics/post-metrics";
import { bestSlots } from "./best-slots";
import { toLocalTime } from "./time-zone";

export interface TimingOptions extends LiftOptions {
  /** IANA zone of the profile, e.g. "Europe/Lisbon". Posts with only a reported slot are already local. */
  timeZone: string;
  /** Hours per block (divides 24; default 3). */
  blockHours?: number;
}

export type SlotKey = `${number}-${number}`;

export interface HeatmapCell extends LiftRow<SlotKey> {
  weekday: number;
  block: number;
  startHour: number;
  endHour: number;
}

export interface TimingHeatmap {
  timeZone: string;
  blockHours: number;
  denominator: Denominator;
  /** Posts with a time and the denominator. */
  n: number;
  excluded: number;
  cells: HeatmapCell[];
  /** Up to three slots whose interval excludes 1x, best first; empty when none does. */
  bestSlots: HeatmapCell[];
}

/** Local weekday (0 = Monday) and hour of a post, from its instant or its reported slot. */
export function postLocalSlot(post: Post, timeZone: string): { weekday: number; hour: number } | null {
  if (post.publishedAt) {
    const local = toLocalTime(Date.parse(post.publishedAt), timeZone);
    if (local) return { weekday: local.weekday, hour: local.hour };
  }
  if (post.slot) return { weekday: post.slot.weekday, hour: post.slot.hour };
  return null;
}

export function slotLabel(weekday: number, startHour: number, endHour: number): string {
  const pad = (h: number) => `${String(h).padStart(2, "0")}:00`;
  return `${WEEKDAY_NAMES[weekday] ?? "?"} ${pad(startHour)}-${pad(endHour % 24 === 0 ? 24 : endHour)}`;
}

export function timingHeatmap(posts: readonly Post[], options: TimingOptions): TimingHeatmap {
  const blockHours = options.blockHours && 24 % options.blockHours === 0 ? options.blockHours : 3;
  const blocks = 24 / blockHours;
  const out = logOutcomes(posts, options);
  const logs: number[] = [];
  const keys: SlotKey[] = [];
  out.posts.forEach((p, i) => {
    const slot = postLocalSlot(p, options.timeZone);
    if (!slot) return;
    logs.push(out.logs[i] as number);
    keys.push(`${slot.weekday}-${Math.floor(slot.hour / blockHours)}`);
  });
  const allKeys: SlotKey[] = [];
  for (let d = 0; d < 7; d++) for (let b = 0; b < blocks; b++) allKeys.push(`${d}-${b}`);
  const parse = (k: SlotKey) => k.split("-").map(Number) as [number, number];
  const table = liftTable(logs, keys, allKeys, (k) => {
    const [d, b] = parse(k);
    return slotLabel(d, b * blockHours, (b + 1) * blockHours);
  }, options);
  const cells: HeatmapCell[] = table.rows.map((r) => {
    const [weekday, block] = parse(r.key);
    return { ...r, weekday, block, startHour: block * blockHours, endHour: (block + 1) * blockHours };
  });
  return {
    timeZone: options.timeZone,
    blockHours,
    denominator: out.denominator,
    n: logs.length,
    excluded: posts.length - logs.length,
    cells,
    bestSlots: bestSlots(cells),
  };
}
