/**
 * Recurring weekly posting slots suggested from the account's own heatmap, each with the evidence
 * a person can check ("Tuesday 18:00: 1.3x your typical post, from 26 posts").
 */
import { WEEKDAY_NAMES } from "../domain/vocabulary";
import { denominatorLabel } from "../metrics/post-metrics";
import { formatMultiple } from "../metrics/performance-index";
import type { HeatmapCell, TimingHeatmap } from "./heatmap";

export interface SlotSuggestion {
  /** 0 = Monday. */
  weekday: number;
  /** "HH:mm" on the profile's clock: the start of the heatmap block. */
  localTime: string;
  lift: number;
  n: number;
  interval: { low: number; high: number } | null;
  /** True when the interval excludes 1x (one of the heatmap's best slots); false for a promising but unproven slot. */
  confident: boolean;
  evidence: string;
}

const hh = (h: number) => `${String(h).padStart(2, "0")}:00`;

export function slotEvidence(
  cell: HeatmapCell,
  heatmap: Pick<TimingHeatmap, "denominator">,
  confident: boolean,
): string {
  const where = `${WEEKDAY_NAMES[cell.weekday]} ${hh(cell.startHour)}`;
  const what = `${formatMultiple(cell.lift)} your typical post (weighted interactions ${denominatorLabel(heatmap.denominator)}), from ${cell.n} post${cell.n === 1 ? "" : "s"}`;
  const interval = cell.interval
    ? `; 95% interval ${formatMultiple(cell.interval.low)}-${formatMultiple(cell.interval.high)}`
    : "";
  return `${where}: ${what}${interval}${confident ? "" : " (not yet certain: the interval includes 1x)"}.`;
}

/**
 * Up to `count` slots: the heatmap's best slots first (interval above 1x), then cells that did
 * better than typical on at least 3 posts, flagged as not yet certain. One slot per weekday, so a
 * queue spreads over the week. Empty when the account has no slot above 1x.
 */
export function suggestPostingSlots(heatmap: TimingHeatmap, count = 3): SlotSuggestion[] {
  const confidentKeys = new Set(heatmap.bestSlots.map((c) => c.key));
  const promising = heatmap.cells
    .filter((c) => !confidentKeys.has(c.key) && c.state !== "not-enough-posts" && c.lift > 1)
    .sort((a, b) => b.lift - a.lift || b.n - a.n);
  const out: SlotSuggestion[] = [];
  const days = new Set<number>();
  for (const cell of [...heatmap.bestSlots, ...promising]) {
    if (out.length >= count) break;
    if (days.has(cell.weekday)) continue;
    days.add(cell.weekday);
    const confident = confidentKeys.has(cell.key);
    out.push({
      weekday: cell.weekday,
      localTime: hh(cell.startHour),
      lift: cell.lift,
      n: cell.n,
      interval: cell.interval ? { low: cell.interval.low, high: cell.interval.high } : null,
      confident,
      evidence: slotEvidence(cell, heatmap, confident),
    });
  }
  return out;
}
