/** The draft scorer and the caption reading it relies on. */
export * from "./benchmarks";
export * from "./caption";
export * from "./scorer";
export * from "./suggest-content-type";
