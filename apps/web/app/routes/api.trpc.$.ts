/** The tRPC HTTP endpoint for the browser (React Query), served by tRPC's fetch adapter. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { appRouter } from "@rapport/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContextFor } from "~/trpc/server";

function handle(request: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createContextFor(request),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed`, error);
    },
  });
}

export const loader = ({ request }: LoaderFunctionArgs) => handle(request);
export const action = ({ request }: ActionFunctionArgs) => handle(request);
