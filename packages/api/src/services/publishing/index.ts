/** @rapport/api/publishing: what the app and `pnpm worker` need to run the job worker. */
import type { Database } from "@rapport/db";
import { EMAIL_QUEUE, emailHandler } from "../email/outbox";
import { configurePublishing, publishingConfig, type PublishingConfig } from "./config";
import { PUBLISH_QUEUE } from "./hooks";
import { publishHandler } from "./publish";
import { createJobRunner, type JobHandler, type JobRunner, type RunnerOptions } from "./runner";

export { configurePublishing, publishingConfig, type PublishingConfig };
export { createJobRunner, type JobRunner, type Clock } from "./runner";
export { closeEmailTransports } from "../email/outbox";
export { renderFeed } from "./ics";

/** Every queue's handler. */
export function jobHandlers(): Record<string, JobHandler> {
  return { [PUBLISH_QUEUE]: publishHandler(), [EMAIL_QUEUE]: emailHandler() };
}

/** Starts a worker on every queue; stop it with `runner.stop()` (SIGTERM). */
export function startJobWorker(
  db: Database,
  options: Omit<RunnerOptions, "db" | "handlers"> = {},
): JobRunner {
  const runner = createJobRunner({
    db,
    handlers: jobHandlers(),
    log: publishingConfig().log,
    ...options,
  });
  runner.start();
  return runner;
}
