/**
 * `pnpm worker`: a job worker process (publishing, emails) for PostgreSQL deployments that scale out;
 * run as many as needed beside web processes started with RUN_JOBS=false. SIGTERM lets running jobs
 * finish (or gives them back) before it exits. The embedded database belongs to the one web process,
 * so on PGlite this refuses to start.
 */
import { env } from "../app/utils/env.server";

if (!env.DATABASE_URL) {
  console.error(
    "pnpm worker needs PostgreSQL: set DATABASE_URL. On the embedded database (PGlite) the web process runs the jobs itself; a second process on the same data folder would corrupt it. Start the app with `pnpm start` instead.",
  );
  process.exit(1);
}

const { getDatabase } = await import("../app/utils/db.server");
const { configurePublishing, startJobWorker, closeEmailTransports } =
  await import("@rapport/api/publishing");

configurePublishing({
  appOrigin: (env.APP_ORIGIN ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
  smtpUrl: env.SMTP_URL ?? null,
  mailFrom: env.MAIL_FROM,
  allowPrivateWebhooks: env.WEBHOOK_ALLOW_PRIVATE,
});
const handle = await getDatabase();
const runner = startJobWorker(handle.db, {
  concurrency: env.JOB_CONCURRENCY,
  leaseMs: env.JOB_LEASE_SECONDS * 1000,
});
console.log(`Worker ${runner.workerId} is running jobs (concurrency ${env.JOB_CONCURRENCY}).`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void runner
      .stop({ graceMs: 8000 })
      .then((r) =>
        console.log(`Worker stopped: ${r.finished} jobs finished, ${r.released} given back.`),
      )
      .finally(async () => {
        closeEmailTransports();
        await handle.close();
        process.exit(0);
      });
  });
}
