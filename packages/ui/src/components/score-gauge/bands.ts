// Score bands are decided by @rapport/core; the kit only names and colours them.
export type ScoreBand = "low" | "typical" | "strong" | "standout";

export const bandLabels: Record<ScoreBand, string> = {
  low: "Low",
  typical: "Typical",
  strong: "Strong",
  standout: "Standout",
};
