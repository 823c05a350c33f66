/** Posting cadence: weekly totals against per-post quality. */
export * from "./cadence";
