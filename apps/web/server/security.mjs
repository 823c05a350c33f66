// Response headers and request limits for every response of the Node server: helmet with a
// nonce-based Content-Security-Policy (production; Vite's dev client needs inline scripts), no
// framing, a strict referrer policy, nosniff; and a body-size limit on the tRPC endpoint.
import { randomBytes } from "node:crypto";
import helmet from "helmet";

/** The largest tRPC request body: a draft with its longest caption and notes is ~0.3 MB. */
export const TRPC_BODY_LIMIT = 1024 * 1024;

/**
 * @param {{ production: boolean; extraOrigins?: string[] }} options
 *   extraOrigins: where media may also be loaded from and uploaded to (an S3 endpoint).
 */
export function securityHeaders({ production, extraOrigins = [] }) {
  const nonce = (_req, res) => `'nonce-${res.locals.cspNonce}'`;
  return [
    (_req, res, next) => {
      res.locals.cspNonce = randomBytes(16).toString("base64");
      next();
    },
    helmet({
      contentSecurityPolicy: production
        ? {
            useDefaults: false,
            directives: {
              "default-src": ["'self'"],
              // Only scripts from this origin, and inline ones carrying this response's nonce.
              "script-src": ["'self'", nonce],
              "script-src-attr": ["'none'"],
              // React and the charts set style attributes; styles cannot run code.
              "style-src": ["'self'", "'unsafe-inline'"],
              "img-src": ["'self'", "data:", "blob:", ...extraOrigins],
              "media-src": ["'self'", "blob:", ...extraOrigins],
              "connect-src": ["'self'", ...extraOrigins],
              "font-src": ["'self'", "data:"],
              "object-src": ["'none'"],
              "base-uri": ["'self'"],
              "form-action": ["'self'"],
              "frame-ancestors": ["'none'"],
            },
          }
        : false,
      frameguard: { action: "deny" },
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      // HTTPS deployments set it at their proxy; on plain http it would only confuse a local install.
      strictTransportSecurity: false,
    }),
  ];
}

/**
 * Refuses a request body larger than `limit` bytes before anything reads it. A body of unknown length
 * (chunked) is refused too: browsers and tRPC's client always send Content-Length.
 * @param {number} limit
 */
export function bodyLimit(limit) {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const length = req.headers["content-length"];
    if (length === undefined) {
      if (!req.headers["transfer-encoding"]) return next();
      res.status(411).type("text/plain").send("Send this request with a Content-Length header.");
      return;
    }
    if (!/^\d+$/.test(length) || Number(length) > limit) {
      res.status(413).type("text/plain").send(tooLarge(limit));
      return;
    }
    next();
  };
}

function tooLarge(limit) {
  return `This request is larger than ${Math.round(limit / 1024)} KB, so it was refused.`;
}
