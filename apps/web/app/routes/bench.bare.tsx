/**
 * The load benchmark's second baseline: the cheapest page a signed-in user can get (the root's session
 * lookup, this loader's, one Remix render). Every page's ratio in docs/performance.md is against it.
 * Not found unless the server was started by `pnpm bench:load` (RAPPORT_BENCH_ROUTES=1).
 */
import { useLoaderData } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAuth } from "~/utils/auth.server";
import { env } from "~/utils/env.server";

export async function loader({ request }: LoaderFunctionArgs) {
  if (!env.RAPPORT_BENCH_ROUTES) throw new Response("Not found", { status: 404 });
  const auth = await requireAuth(request);
  return { name: auth.user.name };
}

export default function BenchBare() {
  const { name } = useLoaderData<typeof loader>();
  return <main>Signed in as {name}.</main>;
}
