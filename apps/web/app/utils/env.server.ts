/** The app's configuration, read from the environment once and validated at boot. */
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection URL; when unset, the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z.url({ error: "DATABASE_URL must be a postgres:// URL." }).optional(),
  /** Folder of the embedded database (and later, uploaded media). */
  DATA_DIR: z.string().min(1).default("./.data"),
  /** The public origin (scheme://host[:port]) when the app runs behind a proxy that rewrites Host. */
  APP_ORIGIN: z.url().optional(),
  /** S3-compatible media storage; when S3_BUCKET is unset, media are stored under DATA_DIR/media. */
  S3_ENDPOINT: z.url({ error: "S3_ENDPOINT must be a URL such as http://127.0.0.1:9000." }).optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** New accounts one client address may create per hour (the end-to-end suite, one address, raises it). */
  SIGN_UP_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Set only by `pnpm bench:load`: serves its two baselines, /bench/ok and /bench/bare. */
  RAPPORT_BENCH_ROUTES: z
    .enum(["1", "0", ""])
    .default("")
    .transform((v) => v === "1"),
  /** The port the server listens on (links in emails default to http://localhost:PORT). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** SMTP server for emails, e.g. smtps://user:pass@smtp.example:465; unset: emails go to the log and the outbox page. */
  SMTP_URL: z.url({ error: "SMTP_URL must be a URL such as smtp://user:pass@smtp.example:587." }).optional(),
  MAIL_FROM: z.string().min(3).default("Rapport <no-reply@rapport.invalid>"),
  /** Self-hosting: let webhooks reach loopback and private network addresses. */
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  /** Whether this web process runs the job worker (publishing, emails). Only PostgreSQL deployments with `pnpm worker` turn it off. */
  RUN_JOBS: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  /** Jobs one worker runs at once. */
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** How long a claimed job stays with its worker without a heartbeat before another may take it (crash recovery). */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
});

const parsed = EnvSchema.safeParse(process.env);
if (!parsed.success) {
  console.error("Invalid environment:\n" + z.prettifyError(parsed.error));
  throw new Error("Invalid environment; see .env.example.");
}

export const env = {
  ...parsed.data,
  DATA_DIR: path.resolve(parsed.data.DATA_DIR),
  isProduction: parsed.data.NODE_ENV === "production",
};
