/** Audience health signals and the trust score. */
export * from "./audience-health";
