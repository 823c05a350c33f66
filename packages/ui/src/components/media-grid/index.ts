export * from "./media-grid";
