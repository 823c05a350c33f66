import { socialProfileRouter } from "./routers/social-profile";
import { workspaceRouter } from "./routers/workspace";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  workspace: workspaceRouter,
  socialProfile: socialProfileRouter,
});

export type AppRouter = typeof appRouter;
