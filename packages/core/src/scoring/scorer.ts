/**
 * The draft scorer, one import away: schemas (`schemas.ts`), training (`train.ts`), scoring
 * (`score.ts`), explanation text (`explain.ts`), suggestion rules (`suggest.ts`), bands and the
 * incomplete check (`bands.ts`), and the one draft-to-input mapping (`draft-input.ts`).
 */
export * from "./bands";
export * from "./draft-input";
export type { DraftView, Explanation } from "./explain";
export { MIN_OWN_EVIDENCE } from "./explain";
export { COLUMNS as SCORER_COLUMNS } from "./features";
export * from "./schemas";
export * from "./score";
export type { SlotAdvice, Suggestion } from "./suggest";
export { chooseDenominator, outcomeOf, trainScorer } from "./train";
