/**
 * Publishing and email configuration. Packages read no environment: the app (and `pnpm worker`) pass
 * what they read in `env.server.ts` here once at start; tests pass their own.
 */
export interface PublishingConfig {
  /** Public origin for links in emails and webhooks, e.g. https://rapport.example. */
  appOrigin: string;
  /** smtp(s)://user:pass@host:port; when null, emails go to the log and the outbox page only. */
  smtpUrl: string | null;
  /** The From address of every email. */
  mailFrom: string;
  /** Self-hosting: allow webhooks to loopback and private network addresses. */
  allowPrivateWebhooks: boolean;
  /** Per-try timeout of a webhook POST. */
  webhookTimeoutMs: number;
  log: { info(message: string): void; error(message: string, error?: unknown): void };
}

const defaults: PublishingConfig = {
  appOrigin: "http://localhost:3000",
  smtpUrl: null,
  mailFrom: "Rapport <no-reply@rapport.invalid>",
  allowPrivateWebhooks: false,
  webhookTimeoutMs: 10_000,
  log: { info: (m) => console.log(m), error: (m, e) => console.error(m, e ?? "") },
};

let current: PublishingConfig = defaults;

export function configurePublishing(config: Partial<PublishingConfig>): PublishingConfig {
  current = { ...defaults, ...config };
  return current;
}

export function publishingConfig(): PublishingConfig {
  return current;
}
