import { calendarRouter } from "./routers/calendar";
import { contentTypeRouter } from "./routers/content-type";
import { draftRouter } from "./routers/draft";
import { homeRouter } from "./routers/home";
import { importRouter } from "./routers/import";
import { insightsRouter } from "./routers/insights";
import { mediaRouter } from "./routers/media";
import { postRouter } from "./routers/post";
import { notificationRouter, publishingRouter } from "./routers/publishing";
import { slotsRouter } from "./routers/slots";
import { socialProfileRouter } from "./routers/social-profile";
import { workspaceRouter } from "./routers/workspace";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  workspace: workspaceRouter,
  socialProfile: socialProfileRouter,
  draft: draftRouter,
  media: mediaRouter,
  contentType: contentTypeRouter,
  import: importRouter,
  post: postRouter,
  insights: insightsRouter,
  calendar: calendarRouter,
  slots: slotsRouter,
  home: homeRouter,
  publishing: publishingRouter,
  notification: notificationRouter,
});

export type AppRouter = typeof appRouter;
