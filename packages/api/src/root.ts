import { contentTypeRouter } from "./routers/content-type";
import { draftRouter } from "./routers/draft";
import { mediaRouter } from "./routers/media";
import { socialProfileRouter } from "./routers/social-profile";
import { workspaceRouter } from "./routers/workspace";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  workspace: workspaceRouter,
  socialProfile: socialProfileRouter,
  draft: draftRouter,
  media: mediaRouter,
  contentType: contentTypeRouter,
});

export type AppRouter = typeof appRouter;
