// Issue 14, finding 11: security headers on every response, a CSP nonce per response, and a size
// limit on tRPC bodies.
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { bodyLimit, securityHeaders } from "./security.mjs";

/** @type {import("node:http").Server[]} */
const servers = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** @param {boolean} production */
async function serve(production) {
  const app = express();
  app.use(securityHeaders({ production, extraOrigins: ["https://media.example"] }));
  app.use("/api/trpc", bodyLimit(1024));
  app.all("*", (_req, res) => res.send(`nonce=${res.locals.cspNonce}`));
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  return `http://127.0.0.1:${port}`;
}

describe("security headers", () => {
  it("sends a nonce-based CSP that forbids framing, with a fresh nonce per response", async () => {
    const base = await serve(true);
    const [a, b] = await Promise.all([fetch(`${base}/`), fetch(`${base}/`)]);
    const csp = a.headers.get("content-security-policy") ?? "";
    const nonce = (await a.text()).replace("nonce=", "");
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("img-src 'self' data: blob: https://media.example");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(await b.text()).not.toBe(`nonce=${nonce}`);
    expect(a.headers.get("x-frame-options")).toBe("DENY");
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("keeps the other headers in development, where Vite needs inline scripts", async () => {
    const res = await fetch(`${await serve(false)}/`);
    expect(res.headers.get("content-security-policy")).toBeNull();
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });
});

describe("tRPC body limit", () => {
  it("refuses a body over the limit with 413 and a sentence, and one of unknown length with 411", async () => {
    const base = await serve(true);
    const big = await fetch(`${base}/api/trpc/draft.update`, {
      method: "POST",
      body: "x".repeat(2048),
    });
    expect(big.status).toBe(413);
    expect(await big.text()).toMatch(/larger than 1 KB, so it was refused\./);
    const small = await fetch(`${base}/api/trpc/draft.update`, { method: "POST", body: "{}" });
    expect(small.status).toBe(200);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode("{}"));
        c.close();
      },
    });
    const chunked = await fetch(`${base}/api/trpc/x`, {
      method: "POST",
      body: stream,
      duplex: "half",
    });
    expect(chunked.status).toBe(411);
  });
});
