/** @rapport/core: Rapport's pure domain logic (metrics, scoring, statistics, import parsing). */
export * from "./metrics/index";
