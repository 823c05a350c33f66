import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { parseTrustedProxy, stampClientAddress } from "./client-address.mjs";

/** @type {import("node:http").Server[]} */
const servers = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/**
 * @param {false | number | string[]} trustedProxy
 * @param {Record<string, string>} headers
 */
async function clientSeen(trustedProxy, headers) {
  const app = express();
  stampClientAddress(app, trustedProxy);
  app.get("/", (req, res) => res.send(req.headers["x-rapport-client-ip"]));
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  return (await fetch(`http://127.0.0.1:${port}/`, { headers })).text();
}

describe("client address for rate limits", () => {
  it("ignores X-Forwarded-For and a forged stamp unless a proxy is trusted", async () => {
    expect(
      await clientSeen(false, {
        "x-forwarded-for": "203.0.113.9",
        "x-rapport-client-ip": "1.2.3.4",
      }),
    ).toBe("127.0.0.1");
  });

  it("believes X-Forwarded-For from a trusted proxy", async () => {
    expect(
      await clientSeen(parseTrustedProxy("loopback"), { "x-forwarded-for": "203.0.113.9" }),
    ).toBe("203.0.113.9");
    expect(
      await clientSeen(parseTrustedProxy("1"), { "x-forwarded-for": "198.51.100.1, 203.0.113.9" }),
    ).toBe("203.0.113.9");
  });

  it("refuses a TRUSTED_PROXY it cannot read, with the reason", () => {
    expect(() => parseTrustedProxy("not-an-address")).toThrow(/TRUSTED_PROXY must be/);
    expect(parseTrustedProxy(undefined)).toBe(false);
    expect(parseTrustedProxy("10.0.0.0/8, loopback")).toEqual(["10.0.0.0/8", "loopback"]);
  });
});
