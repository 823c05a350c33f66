/** @rapport/core: Rapport's pure domain logic (metrics, lift, timing, scoring, audience health, cadence, imports). */
export * from "./domain/vocabulary";
export * from "./domain/post";
export * from "./metrics/index";
export * from "./stats/index";
export * from "./timing/index";
export * from "./scoring/index";
export * from "./audience/index";
export * from "./cadence/index";
export * from "./imports/index";
export * from "./testing/synthetic-history";
export * from "./testing/drifting-history";
export * from "./platforms/caption-limits";
export * from "./drafts/best-past-post";
export * from "./insights/insights-extras";
export * from "./drafts/lifecycle";
export * from "./timing/slot-suggestions";
