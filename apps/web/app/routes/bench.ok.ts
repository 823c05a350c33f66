/**
 * The load benchmark's first baseline: a resource route that answers "ok" and touches nothing. Not found
 * unless the server was started by `pnpm bench:load` (RAPPORT_BENCH_ROUTES=1).
 */
import { env } from "~/utils/env.server";

export function loader() {
  if (!env.RAPPORT_BENCH_ROUTES) throw new Response("Not found", { status: 404 });
  return new Response("ok", { headers: { "Cache-Control": "no-store" } });
}
