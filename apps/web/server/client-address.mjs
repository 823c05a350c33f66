// Who is asking, for rate limits. Without TRUSTED_PROXY it is the socket address, so a client cannot
// choose its own bucket with X-Forwarded-For; behind a reverse proxy, TRUSTED_PROXY names the proxies
// whose X-Forwarded-For (and X-Forwarded-Proto) Express may believe.
import express from "express";

/**
 * Parses TRUSTED_PROXY: unset or empty (trust nobody), a hop count ("1"), or a comma-separated list of
 * addresses, subnets and the names loopback / linklocal / uniquelocal.
 * @param {string | undefined} raw
 * @returns {false | number | string[]}
 */
export function parseTrustedProxy(raw) {
  const value = raw?.trim();
  if (!value || value === "false") return false;
  if (/^\d+$/.test(value)) return Number(value);
  const list = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  try {
    // Express compiles the list here and throws on an address it cannot read.
    express().set("trust proxy", list);
  } catch (error) {
    throw new Error(
      `TRUSTED_PROXY must be a hop count or a list of addresses, subnets, loopback, linklocal or uniquelocal (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  return list;
}

/**
 * Sets Express's proxy trust and stamps the client address on every request.
 * @param {import("express").Express} app
 * @param {false | number | string[]} trustedProxy
 */
export function stampClientAddress(app, trustedProxy) {
  app.set("trust proxy", trustedProxy);
  app.use((req, _res, next) => {
    // Overwrites whatever the client sent under this name.
    req.headers["x-rapport-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "unknown";
    next();
  });
}
