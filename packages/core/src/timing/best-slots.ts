/**
 * The account's best posting slots, the one estimate of time that the insights heatmap, the
 * editor's slot advice and the scorer's slot effect share: cells of the weekday x hour heatmap
 * whose 95% interval lies above 1x, best first.
 */
import { z } from "zod";
import type { Post } from "../domain/post";
import type { HeatmapCell, TimingOptions } from "./heatmap";
import { slotLabel, timingHeatmap } from "./heatmap";

/** Best slots among heatmap cells: enough posts, an interval wholly above 1x, highest shrunk lift first. */
export function bestSlots<C extends Pick<HeatmapCell, "state" | "interval" | "lift">>(
  cells: readonly C[],
  limit = 3,
): C[] {
  return cells
    .filter((c) => c.state !== "not-enough-posts" && c.interval !== null && c.interval.low > 1)
    .sort((a, b) => b.lift - a.lift)
    .slice(0, limit);
}

const SlotCellSchema = z.object({
  weekday: z.number().int().min(0).max(6),
  block: z.number().int().min(0),
  /** Shrunk lift against the account's typical post (1 = typical). */
  lift: z.number().positive(),
  n: z.number().int().nonnegative(),
});

/** The heatmap in the compact form the scorer carries (serializable, sent to the browser with the history). */
export const SlotTimingSchema = z.object({
  timeZone: z.string(),
  blockHours: z.number().int().positive(),
  /** Posts behind the heatmap. */
  n: z.number().int().nonnegative(),
  denominator: z.string(),
  /** Cells with at least 3 posts (the others count as typical). */
  cells: z.array(SlotCellSchema),
  /** `bestSlots` of the heatmap, best first, with their labels and intervals. */
  best: z.array(
    SlotCellSchema.extend({
      label: z.string(),
      startHour: z.number().int(),
      endHour: z.number().int(),
      low: z.number(),
      high: z.number(),
    }),
  ),
});
export type SlotTiming = z.infer<typeof SlotTimingSchema>;

/** The account's heatmap and best slots, from the same `timingHeatmap` the insights page draws. */
export function slotTiming(posts: readonly Post[], options: TimingOptions): SlotTiming {
  const map = timingHeatmap(posts, options);
  return {
    timeZone: map.timeZone,
    blockHours: map.blockHours,
    n: map.n,
    denominator: map.denominator,
    cells: map.cells
      .filter((c) => c.state !== "not-enough-posts")
      .map((c) => ({ weekday: c.weekday, block: c.block, lift: c.lift, n: c.n })),
    best: map.bestSlots.map((c) => ({
      weekday: c.weekday,
      block: c.block,
      lift: c.lift,
      n: c.n,
      label: slotLabel(c.weekday, c.startHour, c.endHour),
      startHour: c.startHour,
      endHour: c.endHour,
      low: c.interval?.low ?? 1,
      high: c.interval?.high ?? 1,
    })),
  };
}

/** ln(lift) of the cell holding a local weekday and hour; 0 (typical) when the cell has too few posts. */
export function slotLogLift(
  timing: SlotTiming | null | undefined,
  weekday: number | null,
  hour: number | null,
): number {
  if (!timing || weekday === null || hour === null) return 0;
  const block = Math.floor(hour / timing.blockHours);
  const cell = timing.cells.find((c) => c.weekday === weekday && c.block === block);
  return cell ? Math.log(cell.lift) : 0;
}
