/**
 * The scorer's inputs and its trained model, as zod schemas and types shared by the browser editor,
 * the server and the evaluation.
 */
import { z } from "zod";
import { PostSlotSchema } from "../domain/post";
import {
  AccountKindSchema,
  ContentTypeSchema,
  FormatSchema,
  PlatformSchema,
} from "../domain/vocabulary";
import { InteractionWeightsSchema } from "../metrics/weights";
import { SlotTimingSchema } from "../timing/best-slots";

/** Below this many posts the scorer gives direction only, no numbers. */
export const MIN_POSTS_FOR_NUMBERS = 10;
/** A 0-100 score and band against the account's own posts need this many of them. */
export const MIN_POSTS_FOR_BANDS = 20;

export const OUTCOMES = ["quality", "interactions", "clicks"] as const;
/** Denominators in the order they are preferred: reach, else impressions or views, else followers. */
export const SCORER_DENOMINATORS = ["reach", "impressions", "views", "followers"] as const;
export type ScorerDenominator = (typeof SCORER_DENOMINATORS)[number];

export const ScorerContextSchema = z.object({
  platform: PlatformSchema,
  /** IANA zone of the profile; planned slots and history are read in it. */
  timeZone: z.string().default("UTC"),
  accountKind: AccountKindSchema.default("brand"),
  /** Current followers; defaults to the latest in the history. */
  followers: z.number().finite().nonnegative().nullish(),
  weights: InteractionWeightsSchema.nullish(),
  /** What to predict: interaction quality (default), plain interactions, or clicks. */
  outcome: z.enum(OUTCOMES).default("quality"),
  /** Force a denominator (when the posts carry it); by default reach, else impressions or views, else followers. */
  denominator: z.enum(SCORER_DENOMINATORS).nullish(),
  /** The account's timing heatmap (`slotTiming`): the scorer's slot effect and slot advice. */
  timing: SlotTimingSchema.nullish(),
});
export type ScorerContext = z.input<typeof ScorerContextSchema>;

export const DraftSchema = z.object({
  platform: PlatformSchema.nullish(),
  contentType: ContentTypeSchema.nullish(),
  format: FormatSchema.nullish(),
  /** Planned publish instant (ISO 8601); read in the profile's time zone. */
  plannedAt: z.string().nullish(),
  /** Or a local slot directly. */
  slot: PostSlotSchema.nullish(),
  /** null or missing: unknown (the evaluation); a string, even empty, is the draft's caption. */
  caption: z.string().nullish(),
  /** null or missing: unknown; 0 means the draft has no media yet. */
  mediaCount: z.number().int().nonnegative().nullish(),
  hasLink: z.boolean().nullish(),
  paid: z.boolean().nullish(),
  /** Followers when it goes out; defaults to the model's current followers. */
  followers: z.number().finite().nonnegative().nullish(),
});
export type Draft = z.infer<typeof DraftSchema>;

/** One level-plus-effects model of a log series (the rate, or the denominator). */
export interface SeriesModel {
  /** Effects on the log scale, one per feature column (column 0: mean correction). */
  beta: number[];
  prior: number[];
  lambda: number;
  /** Trailing window (posts) of the level, chosen by validation inside the training data. */
  window: number;
  /** Current level: trailing median of the de-effected values of the last `window` posts. */
  level: number;
  /** Posts behind the current level. */
  levelN: number;
  /**
   * Long-run level: median of the de-effected values of the last `longRunN` posts (the whole history on
   * most accounts). A draft h posts ahead gets longRun + (level - longRun) * phi^h.
   */
  longRun: number;
  longRunN: number;
  /** Persistence per post of the current level's gap to the long run, chosen by validation (1: no reversion). */
  phi: number;
  /** 10th and 90th percentiles of time-ordered out-of-sample residuals one post ahead (split conformal). */
  residualLow: number;
  residualHigh: number;
  /** The same percentiles for drafts h posts ahead of the last known post (against a level h - 1 posts older). */
  horizons: { h: number; low: number; high: number; n: number }[];
  /** Residuals behind those percentiles, and how they were obtained. */
  calibrationN: number;
  calibration: "out-of-sample" | "fallback";
  /** Mean absolute one-step-ahead error of each window tried (validation inside the training data). */
  windowErrors: { window: number; mae: number }[];
}

export interface ScorerModel {
  version: string;
  context: z.output<typeof ScorerContextSchema>;
  /** Posts that carried the outcome and the denominator (what the model learned from). */
  n: number;
  directionOnly: boolean;
  denominator: ScorerDenominator;
  /** Whether the timing heatmap's slot lift is part of the rate (same outcome and denominator). */
  slotEffect: boolean;
  /** Posts carrying each denominator (the choice is explained with them). */
  denominatorCounts: Record<ScorerDenominator, number>;
  currentFollowers: number | null;
  /** log((outcome + 1) / denominator). */
  rate: SeriesModel;
  /** log(outcome + 1): the count's own level plus effects (the rate's and the denominator's together); null with followers. */
  count: SeriesModel | null;
  /** Publish instant of the newest post and posts per day lately, to tell how far ahead a draft is; null without dates. */
  lastPostAt: string | null;
  postsPerDay: number | null;
  /** Sorted effects (x . beta) of the account's own posts: what the 0-100 score ranks against. */
  effectsSorted: number[];
  columnMeans: number[];
  /** Training posts with a non-zero value in each column (evidence counts). */
  columnCounts: number[];
}
