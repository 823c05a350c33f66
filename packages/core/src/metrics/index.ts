/** Per-post metrics, interaction weights and the performance index. */
export * from "./performance-index";
export * from "./post-metrics";
export * from "./weights";
export * from "./content-type-lift";
