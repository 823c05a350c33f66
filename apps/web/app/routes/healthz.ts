/** Liveness and readiness: 200 once the database answers. */
import { pingDatabase } from "~/utils/db.server";

export async function loader() {
  await pingDatabase();
  return new Response("ok", { headers: { "Cache-Control": "no-store" } });
}
