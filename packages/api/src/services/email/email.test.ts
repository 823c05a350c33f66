import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { openTestDatabase } from "@rapport/db/testing/open";
import { emailOutbox, jobs, type DatabaseHandle } from "@rapport/db";
import { createUser, type TestUser } from "../../testing/factories";
import { configurePublishing } from "../publishing/config";
import { createJobRunner } from "../publishing/runner";
import { closeEmailTransports, EMAIL_QUEUE, emailHandler } from "./outbox";
import { startSmtpSink, type SmtpSink } from "./smtp-sink.testing";

let h: DatabaseHandle;
let owner: TestUser;
let ws: { id: string };
let smtp: SmtpSink;
const logged: string[] = [];
const log = { info: (m: string) => void logged.push(m), error: () => {} };

beforeAll(async () => {
  h = await openTestDatabase();
  smtp = await startSmtpSink();
  owner = await createUser(h.db, { name: "Ana Owner" });
  ws = await owner.caller.workspace.create({ name: "Bistro Ana" });
});
afterAll(async () => {
  closeEmailTransports();
  await smtp.close();
  await h.close();
});
beforeEach(async () => {
  await h.db.delete(jobs);
  await h.db.delete(emailOutbox);
});

const runner = () =>
  createJobRunner({ db: h.db, log, handlers: { [EMAIL_QUEUE]: emailHandler() } });

describe("email", () => {
  it("sends the invitation over SMTP with its link", async () => {
    configurePublishing({
      smtpUrl: smtp.url,
      appOrigin: "https://rapport.test",
      mailFrom: "Rapport <hello@rapport.test>",
      log,
    });
    const invite = await owner.caller.workspace.invite({
      workspaceId: ws.id,
      email: "chef@bistro.example",
      role: "editor",
    });
    expect(await runner().tick()).toBe(1);
    const mail = smtp.received.find((m) => m.to.includes("chef@bistro.example"));
    expect(mail).toBeDefined();
    expect(mail!.from).toBe("hello@rapport.test");
    expect(mail!.raw).toContain("Subject: Ana Owner invited you to Bistro Ana on Rapport");
    expect(mail!.raw).toContain(`https://rapport.test/invite/${invite.token}`);
    const [row] = await h.db.select().from(emailOutbox);
    expect(row).toMatchObject({
      status: "sent",
      toAddress: "chef@bistro.example",
      kind: "invitation",
    });
  });

  it("without SMTP, writes the message to the log and keeps it in the outbox", async () => {
    configurePublishing({ smtpUrl: null, appOrigin: "https://rapport.test", log });
    const invite = await owner.caller.workspace.invite({
      workspaceId: ws.id,
      email: "waiter@bistro.example",
      role: "viewer",
    });
    await runner().tick();
    const [row] = await h.db.select().from(emailOutbox);
    expect(row!.status).toBe("logged");
    expect(row!.textBody).toContain(`https://rapport.test/invite/${invite.token}`);
    expect(logged.at(-1)).toContain("to waiter@bistro.example");
  });

  it("retries when the SMTP server is down and marks the message failed after the last try", async () => {
    const down = new SMTPServer({ authOptional: true, disabledCommands: ["STARTTLS"] });
    await new Promise<void>((r) => down.listen(0, "127.0.0.1", r));
    const port = (down.server.address() as AddressInfo).port;
    await new Promise<void>((r) => down.close(() => r()));
    configurePublishing({ smtpUrl: `smtp://127.0.0.1:${port}`, log });
    await owner.caller.workspace.invite({
      workspaceId: ws.id,
      email: "late@bistro.example",
      role: "viewer",
    });
    let clock = Date.now();
    const r = createJobRunner({
      db: h.db,
      log,
      clock: { now: () => new Date(clock) },
      handlers: { [EMAIL_QUEUE]: emailHandler() },
    });
    for (let i = 0; i < 6; i++) {
      await r.tick();
      clock += 3 * 3600_000;
    }
    const [row] = await h.db.select().from(emailOutbox);
    expect(row!.status).toBe("failed");
    expect(row!.error).toMatch(/^Could not be sent: .*ECONNREFUSED/);
  });
});
