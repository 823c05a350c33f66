/**
 * The job worker (publishing, emails) and its configuration. It starts with the server, in this
 * process, once the database is open, and never holds up a request; on PostgreSQL it can instead run
 * in `pnpm worker` processes (RUN_JOBS=false here). The server entry stops it on SIGTERM so running
 * jobs finish or are given back (globalThis.__rapportStopJobs).
 */
import { configurePublishing, startJobWorker, type JobRunner } from "@rapport/api/publishing";
import { getDatabase } from "./db.server";
import { env } from "./env.server";

/** The public origin for links in emails and feeds. */
export function appOrigin(): string {
  return (env.APP_ORIGIN ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}

configurePublishing({
  appOrigin: appOrigin(),
  smtpUrl: env.SMTP_URL ?? null,
  mailFrom: env.MAIL_FROM,
  allowPrivateWebhooks: env.WEBHOOK_ALLOW_PRIVATE,
});

declare global {
  // One worker per process, even when the dev server reloads this module.
  // eslint-disable-next-line no-var -- a global declaration needs var
  var __rapportJobs: Promise<JobRunner | null> | undefined;
  // eslint-disable-next-line no-var -- read by server/index.mjs on SIGTERM
  var __rapportStopJobs: (() => Promise<void>) | undefined;
}

function start(): Promise<JobRunner | null> {
  const embedded = !env.DATABASE_URL;
  if (!env.RUN_JOBS && !embedded) return Promise.resolve(null);
  if (!env.RUN_JOBS && embedded)
    console.warn(
      "RUN_JOBS=false is ignored on the embedded database: only this process can run its jobs.",
    );
  return getDatabase().then((h) =>
    startJobWorker(h.db, {
      concurrency: embedded ? Math.min(env.JOB_CONCURRENCY, 4) : env.JOB_CONCURRENCY,
      leaseMs: env.JOB_LEASE_SECONDS * 1000,
    }),
  );
}

globalThis.__rapportJobs ??= start().catch((e: unknown) => {
  console.error("The job worker could not start:", e);
  return null;
});
globalThis.__rapportStopJobs = async () => {
  const runner = await globalThis.__rapportJobs;
  if (!runner) return;
  const r = await runner.stop({ graceMs: 8000 });
  if (r.released)
    console.log(`Jobs: ${r.finished} finished, ${r.released} given back for the next start.`);
};

/** Whether this process runs jobs (for /healthz). */
export async function jobsRunning(): Promise<boolean> {
  return (await globalThis.__rapportJobs) !== null;
}
