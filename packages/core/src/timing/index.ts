/** When to post: time-zone helpers and the weekday x hour-block heatmap. */
export * from "./best-slots";
export * from "./heatmap";
export * from "./time-zone";
