/**
 * Webhook delivery per Standard Webhooks: `webhook-id` (the same on every retry of one publish, so
 * receivers dedupe), `webhook-timestamp`, `webhook-signature` (one `v1,` signature per valid secret:
 * during a rotation both the new and the old secret sign). Addresses are checked when the connection
 * is made (not only when the URL is saved), so a name that later resolves to a private address is
 * still refused; redirects are not followed.
 */
import { randomBytes } from "node:crypto";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { Webhook } from "standardwebhooks";

export const WEBHOOK_TIMEOUT_MS = 10_000;
const EXCERPT_CHARS = 500;
const MAX_READ_BYTES = 64 * 1024;

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/** The `webhook-signature` header value: every secret signs, space-separated. */
export function signWebhook(
  secrets: string[],
  msgId: string,
  timestamp: Date,
  body: string,
): string {
  return secrets.map((s) => new Webhook(s).sign(msgId, timestamp, body)).join(" ");
}

const blocked = new net.BlockList();
for (const [net4, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const) {
  blocked.addSubnet(net4, prefix, "ipv4");
}
for (const [net6, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(net6, prefix, "ipv6");
}

/** Loopback, private, link-local, carrier-grade NAT, multicast and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, "ipv4");
    return blocked.check(address, "ipv6");
  }
  return true;
}

export class WebhookUrlError extends Error {}

/** Checks a URL before it is saved: http(s), and not a private address unless allowed. */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlError("Enter the webhook's full URL, starting with https://.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new WebhookUrlError("The webhook URL must start with https:// (or http://).");
  if (url.username || url.password)
    throw new WebhookUrlError(
      "Put no user name or password in the webhook URL: the signature proves the sender.",
    );
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = net.isIP(host)
    ? [host]
    : await dns.promises.lookup(host, { all: true }).then(
        (a) => a.map((x) => x.address),
        () => {
          throw new WebhookUrlError(`${host} could not be found (DNS). Check the webhook URL.`);
        },
      );
  if (addresses.some(isPrivateAddress)) throw new WebhookUrlError(privateMessage(host));
  return url;
}

function privateMessage(host: string) {
  return `${host} is a loopback or private network address: Rapport does not send webhooks there (a self-hosted server can allow it with WEBHOOK_ALLOW_PRIVATE=true).`;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback) {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "");
    const list = addresses as dns.LookupAddress[];
    if (list.some((a) => isPrivateAddress(a.address)))
      return callback(
        Object.assign(new WebhookUrlError(privateMessage(hostname)), { code: "EPRIVATE" }),
        "",
      );
    if (options.all) return callback(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
}

export interface DeliveryRequest {
  url: string;
  secrets: string[];
  msgId: string;
  body: string;
  timestamp: Date;
  allowPrivate: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface DeliveryResult {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  /** What went wrong, in words a user can act on; null when delivered. */
  error: string | null;
  /** Retrying cannot help (the URL is refused). */
  permanent: boolean;
}

/** POSTs one signed message; never throws. */
export function deliverWebhook(req: DeliveryRequest): Promise<DeliveryResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeoutMs = req.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    const clock: { timer?: NodeJS.Timeout } = {};
    const finish = (r: Omit<DeliveryResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(clock.timer);
      req.signal?.removeEventListener("abort", onAbort);
      resolve({ ...r, durationMs: elapsed() });
    };
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return finish({
        ok: false,
        statusCode: null,
        responseExcerpt: null,
        error: "The webhook URL is not valid: fix it in the profile's publishing settings.",
        permanent: true,
      });
    }
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (!req.allowPrivate && net.isIP(host) && isPrivateAddress(host)) {
      return finish({
        ok: false,
        statusCode: null,
        responseExcerpt: null,
        error: privateMessage(host),
        permanent: true,
      });
    }
    const transport = url.protocol === "https:" ? https : http;
    const request = transport.request(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Rapport-Webhooks/1",
        "webhook-id": req.msgId,
        "webhook-timestamp": String(Math.floor(req.timestamp.getTime() / 1000)),
        "webhook-signature": signWebhook(req.secrets, req.msgId, req.timestamp, req.body),
        "content-length": Buffer.byteLength(req.body),
      },
      lookup: req.allowPrivate ? undefined : (guardedLookup as unknown as net.LookupFunction),
      agent: false,
    });
    clock.timer = setTimeout(() => {
      request.destroy();
      finish({
        ok: false,
        statusCode: null,
        responseExcerpt: null,
        error: `No complete answer within ${timeoutMs / 1000} s: the receiver is down or too slow. It will be retried.`,
        permanent: false,
      });
    }, timeoutMs);
    const onAbort = () => {
      request.destroy();
      finish({
        ok: false,
        statusCode: null,
        responseExcerpt: null,
        error: "Stopped because the worker shut down; it will be retried.",
        permanent: false,
      });
    };
    req.signal?.addEventListener("abort", onAbort);
    request.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPRIVATE")
        return finish({
          ok: false,
          statusCode: null,
          responseExcerpt: null,
          error: e.message,
          permanent: true,
        });
      finish({
        ok: false,
        statusCode: null,
        responseExcerpt: null,
        error: `Could not reach the webhook (${e.code ?? e.message}). It will be retried.`,
        permanent: false,
      });
    });
    request.on("response", (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on("data", (c: Buffer) => {
        if (bytes < MAX_READ_BYTES) chunks.push(c);
        bytes += c.length;
      });
      res.on("error", () => undefined);
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        const excerpt = Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT_CHARS) || null;
        if (status >= 200 && status < 300)
          return finish({
            ok: true,
            statusCode: status,
            responseExcerpt: excerpt,
            error: null,
            permanent: false,
          });
        if (status >= 300 && status < 400) {
          return finish({
            ok: false,
            statusCode: status,
            responseExcerpt: excerpt,
            error: `The webhook answered with a redirect (${status}${res.headers.location ? ` to ${res.headers.location}` : ""}). Redirects are not followed: put the final URL in the profile's publishing settings.`,
            permanent: false,
          });
        }
        finish({
          ok: false,
          statusCode: status,
          responseExcerpt: excerpt,
          error: `The webhook answered ${status}. It will be retried.`,
          permanent: false,
        });
      });
    });
    request.end(req.body);
  });
}
