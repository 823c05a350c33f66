/** Posting cadence: weekly totals against per-post quality, and the guardrail for planned posts. */
export * from "./cadence";
export * from "./guardrail";
