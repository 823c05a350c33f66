/** @rapport/api: the tRPC routers and the server-side caller. The app builds and injects the context. */
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { appRouter, type AppRouter } from "./root";
import { createCallerFactory } from "./trpc";

export const createCaller = createCallerFactory(appRouter);
export { appRouter, type AppRouter };
export { createTRPCContext, type Context, type CreateContextOptions } from "./context";
export * from "./schemas";
export { describeTRPCError } from "./trpc-errors";
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
