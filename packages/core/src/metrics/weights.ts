/**
 * Interaction weights for the quality score. Deep interactions (comments, shares, saves) count
 * above likes; the default ordering follows the published ranking weights of X and Facebook.
 */
import { z } from "zod";
import type { Post } from "../domain/post";
import { present } from "../domain/post";
import { median } from "../stats/descriptive";

export const InteractionWeightsSchema = z.object({
  like: z.number().finite().nonnegative(),
  save: z.number().finite().nonnegative(),
  share: z.number().finite().nonnegative(),
  comment: z.number().finite().nonnegative(),
});
export type InteractionWeights = z.infer<typeof InteractionWeightsSchema>;

export const DEFAULT_INTERACTION_WEIGHTS: Readonly<InteractionWeights> = Object.freeze({
  like: 1,
  save: 2,
  share: 3,
  comment: 10,
});

export interface CalibratedWeights {
  weights: InteractionWeights;
  /** Posts that had the counts needed. */
  n: number;
  calibrated: boolean;
  explanation: string;
}

const ORDER = ["like", "save", "share", "comment"] as const;

/**
 * Per-account calibration: an action that is rarer on this account than likes is worth more, but
 * only halfway (geometric mean with the default) and never out of the default order, so the score
 * keeps valuing conversation above applause. Needs 10 posts with likes and the action counted.
 */
export function calibrateWeights(history: readonly Post[], defaults: InteractionWeights = DEFAULT_INTERACTION_WEIGHTS): CalibratedWeights {
  const field = { like: "likes", save: "saves", share: "shares", comment: "comments" } as const;
  const usable = history.filter((p) => present(p.likes) && (p.likes as number) > 0);
  if (usable.length < 10) {
    return {
      weights: { ...defaults },
      n: usable.length,
      calibrated: false,
      explanation: `Using the default weights: calibration needs at least 10 posts with likes (found ${usable.length}).`,
    };
  }
  const weights: InteractionWeights = { ...defaults };
  for (const action of ORDER) {
    if (action === "like") continue;
    const ratios = usable
      .filter((p) => present(p[field[action]]))
      .map((p) => (p.likes as number) / Math.max(1, p[field[action]] as number));
    const typical = median(ratios);
    if (typical === null || ratios.length < 10) continue;
    const rarity = Math.min(50, Math.max(1, typical));
    weights[action] = Math.sqrt(defaults[action] * rarity * defaults.like);
  }
  // Keep the default order (like <= save <= share <= comment).
  let floor = 0;
  for (const action of ORDER) {
    weights[action] = Math.max(weights[action], floor);
    floor = weights[action];
  }
  return {
    weights,
    n: usable.length,
    calibrated: true,
    explanation: `Weights calibrated on ${usable.length} posts: actions that are rarer than likes on this account count more.`,
  };
}
