/** Statistics shared by every analysis: robust summaries, seeded resampling, shrinkage. */
export * from "./descriptive";
export * from "./random";
export * from "./shrinkage";
