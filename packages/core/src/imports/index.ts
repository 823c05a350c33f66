/** Import parsers into the one normalized post shape; each returns { posts, rejected } and never throws. */
export * from "./cells";
export * from "./field-parser";
export * from "./instagram-json";
export * from "./mapped-csv";
export * from "./meta-business-suite";
export * from "./types";
export * from "./uci-facebook";
export * from "./row-limits";
