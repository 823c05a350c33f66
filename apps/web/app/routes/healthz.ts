/** Liveness and readiness: 200 once the database answers. Says whether this process runs the job worker. */
import { pingDatabase } from "~/utils/db.server";
import { jobsRunning } from "~/utils/jobs.server";

export async function loader() {
  await pingDatabase();
  return new Response((await jobsRunning()) ? "ok (jobs running here)" : "ok", { headers: { "Cache-Control": "no-store" } });
}
