/** Authentication for the app's server: accounts, sessions, rate limits. */
export * from "./accounts";
export * from "./password";
export * from "./rate-limit";
export * from "./session";
export * from "./password-change";
