/**
 * Where a draft stands against the account's own posts (a 0-100 score and a band, only with enough
 * posts to rank against), and what an incomplete draft still needs before it can be scored.
 */
import type { Draft, ScorerModel } from "./schemas";
import { MIN_POSTS_FOR_BANDS } from "./schemas";
import { percentileRank } from "../stats/descriptive";

export type Band =
  | "among-your-best"
  | "above-usual"
  | "typical"
  | "below-usual"
  | "range-only"
  | "direction-only"
  | "incomplete";

export const BAND_LABELS: Record<Band, string> = {
  "among-your-best": "Among your best",
  "above-usual": "Above your usual",
  typical: "About your usual",
  "below-usual": "Below your usual",
  "range-only": `Range only: fewer than ${MIN_POSTS_FOR_BANDS} posts to compare with`,
  "direction-only": "Early days: direction only",
  incomplete: "Incomplete",
};

export function bandOf(score: number): Band {
  if (score >= 80) return "among-your-best";
  if (score >= 60) return "above-usual";
  if (score >= 40) return "typical";
  return "below-usual";
}

/** 0-100: the draft's effects ranked among the effects of the account's own posts (the level is common to all). */
export function scoreAgainstOwnPosts(
  model: ScorerModel,
  effect: number,
): { value: number; n: number; basis: string } | null {
  const n = model.effectsSorted.length;
  if (model.directionOnly || n < MIN_POSTS_FOR_BANDS) return null;
  return {
    value: Math.round(100 * percentileRank(model.effectsSorted, effect)),
    n,
    basis: `ranked against your last ${n} posts, at your current level`,
  };
}

export interface Incomplete {
  /** What to add, e.g. ["a caption", "a photo"]. */
  missing: string[];
  text: string;
}

const IMAGE_FORMATS = new Set(["single-image", "carousel"]);

/** A draft the scorer would misjudge: an empty caption, or a photo or video format without media. Unknown fields (null) never count. */
export function incompleteDraft(draft: Draft): Incomplete | null {
  const missing: string[] = [];
  if (typeof draft.caption === "string" && draft.caption.trim() === "") missing.push("a caption");
  if (draft.mediaCount === 0 && draft.format) {
    if (IMAGE_FORMATS.has(draft.format))
      missing.push(draft.format === "carousel" ? "photos" : "a photo");
    else if (draft.format === "video") missing.push("a video");
  }
  if (missing.length === 0) return null;
  return { missing, text: `Incomplete: add ${missing.join(" and ")} to get a score.` };
}
