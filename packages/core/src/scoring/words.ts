/** How the scorer words its numbers: outcome and denominator names, multipliers, hours. */
import type { ScorerModel } from "./schemas";
import type { ScorerDenominator } from "./schemas";

export const PER_DENOMINATOR: Record<ScorerDenominator, string> = {
  reach: "per person reached",
  impressions: "per impression",
  views: "per view",
  followers: "per follower",
};

export function outcomeWord(model: Pick<ScorerModel, "context">): string {
  const o = model.context.outcome;
  return o === "interactions"
    ? "interactions"
    : o === "clicks"
      ? "clicks"
      : "weighted interactions";
}

export const pctMore = (m: number) => {
  const p = Math.round((m - 1) * 100);
  return p >= 0 ? `about ${p}% more` : `about ${-p}% less`;
};
export const times = (m: number) => `${m >= 10 ? Math.round(m) : m.toFixed(1)}x`;
export const posts = (n: number) => `${n} ${n === 1 ? "post" : "posts"}`;
