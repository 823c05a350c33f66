import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import {
  checkWebhookUrl,
  deliverWebhook,
  generateWebhookSecret,
  isPrivateAddress,
  signWebhook,
} from "./webhook";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let base: string;
const received: Received[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      if (req.url === "/500") return void res.writeHead(500).end("database is down");
      if (req.url === "/redirect")
        return void res.writeHead(301, { location: "https://elsewhere.example/hook" }).end();
      if (req.url === "/slow") return void setTimeout(() => res.writeHead(200).end("late"), 2000);
      res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function headersOf(r: Received): Record<string, string> {
  return {
    "webhook-id": String(r.headers["webhook-id"]),
    "webhook-timestamp": String(r.headers["webhook-timestamp"]),
    "webhook-signature": String(r.headers["webhook-signature"]),
  };
}

describe("webhook signatures (checked with the standardwebhooks package)", () => {
  const secret = generateWebhookSecret();
  const body = JSON.stringify({
    type: "post.publish",
    data: { draftId: "d1", caption: "Sardines tonight" },
  });

  it("delivers a message whose signature verifies", async () => {
    const r = await deliverWebhook({
      url: `${base}/ok`,
      secrets: [secret],
      msgId: "publish_d1",
      body,
      timestamp: new Date(),
      allowPrivate: true,
    });
    expect(r).toMatchObject({
      ok: true,
      statusCode: 200,
      responseExcerpt: '{"received":true}',
      error: null,
    });
    const got = received.at(-1)!;
    expect(got.headers["webhook-id"]).toBe("publish_d1");
    expect(new Webhook(secret).verify(got.body, headersOf(got))).toEqual(JSON.parse(body));
  });

  it("is refused when the body was tampered with", async () => {
    await deliverWebhook({
      url: `${base}/ok`,
      secrets: [secret],
      msgId: "publish_d2",
      body,
      timestamp: new Date(),
      allowPrivate: true,
    });
    const got = received.at(-1)!;
    expect(() =>
      new Webhook(secret).verify(got.body.replace("Sardines", "Anchovies"), headersOf(got)),
    ).toThrow("No matching signature found");
  });

  it("is refused when the timestamp is stale (a replay)", () => {
    const stale = new Date(Date.now() - 10 * 60_000);
    const headers = {
      "webhook-id": "publish_d3",
      "webhook-timestamp": String(Math.floor(stale.getTime() / 1000)),
      "webhook-signature": signWebhook([secret], "publish_d3", stale, body),
    };
    expect(() => new Webhook(secret).verify(body, headers)).toThrow("Message timestamp too old");
  });

  it("verifies with the old and the new secret during a rotation, and not with another", async () => {
    const next = generateWebhookSecret();
    await deliverWebhook({
      url: `${base}/ok`,
      secrets: [next, secret],
      msgId: "publish_d4",
      body,
      timestamp: new Date(),
      allowPrivate: true,
    });
    const got = received.at(-1)!;
    expect(String(got.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(new Webhook(next).verify(got.body, headersOf(got))).toBeTruthy();
    expect(new Webhook(secret).verify(got.body, headersOf(got))).toBeTruthy();
    expect(() => new Webhook(generateWebhookSecret()).verify(got.body, headersOf(got))).toThrow(
      "No matching signature found",
    );
  });
});

describe("webhook delivery faults", () => {
  const secret = generateWebhookSecret();
  const send = (path: string, extra: { timeoutMs?: number; allowPrivate?: boolean } = {}) =>
    deliverWebhook({
      url: `${base}${path}`,
      secrets: [secret],
      msgId: "m",
      body: "{}",
      timestamp: new Date(),
      allowPrivate: extra.allowPrivate ?? true,
      timeoutMs: extra.timeoutMs,
    });

  it("records a 500 with the response excerpt, to be retried", async () => {
    const r = await send("/500");
    expect(r).toMatchObject({
      ok: false,
      statusCode: 500,
      responseExcerpt: "database is down",
      permanent: false,
    });
    expect(r.error).toBe("The webhook answered 500. It will be retried.");
  });

  it("does not follow redirects, and says where it was sent", async () => {
    const r = await send("/redirect");
    expect(r.ok).toBe(false);
    expect(r.error).toContain("redirect (301 to https://elsewhere.example/hook)");
  });

  it("gives up on a slow receiver at the timeout", async () => {
    const r = await send("/slow", { timeoutMs: 300 });
    expect(r.ok).toBe(false);
    // The receiver answers 200 after 2 s: an "ok" here would mean the timeout did not hold.
    expect(r.error).toContain("No complete answer within 0.3 s");
  });

  it("refuses loopback and private addresses unless allowed, by address and by name", async () => {
    const r = await send("/ok", { allowPrivate: false });
    expect(r).toMatchObject({ ok: false, permanent: true });
    expect(r.error).toContain("127.0.0.1 is a loopback or private network address");
    const port = new URL(base).port;
    const byName = await deliverWebhook({
      url: `http://localhost:${port}/ok`,
      secrets: [secret],
      msgId: "m",
      body: "{}",
      timestamp: new Date(),
      allowPrivate: false,
    });
    expect(byName).toMatchObject({ ok: false, permanent: true });
    expect(byName.error).toContain("localhost is a loopback or private network address");
    await expect(checkWebhookUrl("http://10.1.2.3/hook", false)).rejects.toThrow(
      "10.1.2.3 is a loopback or private network address",
    );
    await expect(checkWebhookUrl("ftp://example.com/hook", false)).rejects.toThrow(
      "must start with https://",
    );
    await expect(checkWebhookUrl("http://10.1.2.3/hook", true)).resolves.toBeInstanceOf(URL);
  });

  it("classifies addresses", () => {
    for (const a of [
      "127.0.0.1",
      "10.0.0.1",
      "172.20.1.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"])
      expect(isPrivateAddress(a), a).toBe(false);
  });
});
