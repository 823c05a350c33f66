/** Liveness and readiness: 200 once the database answers. */
import { sql } from "@rapport/db";
import { db } from "~/utils/db.server";

export async function loader() {
  await (await db()).execute(sql`select 1`);
  return new Response("ok", { headers: { "Cache-Control": "no-store" } });
}
