export * from "./users";
export * from "./workspaces";
export * from "./social-profiles";
export * from "./imports";
export * from "./posts";
export * from "./drafts";
export * from "./insights";
export * from "./post-columns";
