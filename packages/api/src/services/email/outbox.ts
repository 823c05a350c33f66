/**
 * Emails: every message is written to `email_outbox` and sent by an `email` job in the same
 * transaction as the change that causes it (an invitation, a reminder, a failure), so a message is
 * neither lost when SMTP is down (the job retries) nor sent for a change that rolled back.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { emailOutbox, eq, type Database } from "@rapport/db";
import { publishingConfig, type PublishingConfig } from "../publishing/config";
import { enqueue, type Executor } from "../publishing/queue";
import type { JobHandler } from "../publishing/runner";

export const EMAIL_QUEUE = "email";

export interface EmailInput {
  workspaceId: string | null;
  kind: "invitation" | "reminder" | "publish-failed" | (string & {});
  to: string;
  subject: string;
  text: string;
}

export async function queueEmail(
  tx: Executor,
  input: EmailInput,
  now: Date = new Date(),
): Promise<string> {
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      workspaceId: input.workspaceId,
      kind: input.kind,
      toAddress: input.to,
      subject: input.subject,
      textBody: input.text,
      createdAt: now,
    })
    .returning({ id: emailOutbox.id });
  const id = row!.id;
  await enqueue(
    tx,
    {
      queue: EMAIL_QUEUE,
      key: `email:${id}`,
      runAt: now,
      workspaceId: input.workspaceId,
      payload: { outboxId: id },
      maxAttempts: 6,
    },
    now,
  );
  return id;
}

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let t = transports.get(smtpUrl);
  if (!t) {
    t = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, t);
  }
  return t;
}

/** Sends one outbox message over SMTP, or writes it to the log when no SMTP server is configured. */
export function emailHandler(config: () => PublishingConfig = publishingConfig): JobHandler {
  return {
    async run(job, ctx) {
      const outboxId = (job.payload as { outboxId?: string }).outboxId;
      if (!outboxId) return;
      const [msg] = await ctx.db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
      if (!msg || msg.status === "sent" || msg.status === "logged") return;
      const c = config();
      if (c.smtpUrl) {
        await transportFor(c.smtpUrl).sendMail({
          from: c.mailFrom,
          to: msg.toAddress,
          subject: msg.subject,
          text: msg.textBody,
        });
        await markOutbox(ctx.db, outboxId, {
          status: "sent",
          sentAt: ctx.clock.now(),
          error: null,
        });
      } else {
        // The issue asks for the message in the log when there is no SMTP (a local install's only way to read it).
        c.log.info(
          `Email (no SMTP_URL set; also in the outbox page) to ${msg.toAddress}: ${msg.subject}\n${msg.textBody}`,
        );
        await markOutbox(ctx.db, outboxId, {
          status: "logged",
          sentAt: ctx.clock.now(),
          error: null,
        });
      }
    },
    async onDead(tx, job, reason) {
      const outboxId = (job.payload as { outboxId?: string }).outboxId;
      if (outboxId)
        await tx
          .update(emailOutbox)
          .set({ status: "failed", error: `Could not be sent: ${reason}` })
          .where(eq(emailOutbox.id, outboxId));
    },
  };
}

async function markOutbox(db: Database, id: string, set: Partial<typeof emailOutbox.$inferInsert>) {
  await db.update(emailOutbox).set(set).where(eq(emailOutbox.id, id));
}

/** Closes pooled SMTP connections (shutdown, tests). */
export function closeEmailTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}
