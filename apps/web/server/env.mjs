// The server entry's configuration (the Remix app validates its own in app/utils/env.server.ts).
import { parseTrustedProxy } from "./client-address.mjs";

export const serverEnv = {
  port: Number(process.env.PORT ?? 3000),
  host: process.env.HOST ?? "0.0.0.0",
  production: process.env.NODE_ENV === "production",
  appOrigin: process.env.APP_ORIGIN ?? null,
  trustedProxy: parseTrustedProxy(process.env.TRUSTED_PROXY),
  /** Media may be served from and uploaded to an S3 endpoint: the CSP must allow its origin. */
  mediaOrigins: process.env.S3_ENDPOINT ? [new URL(process.env.S3_ENDPOINT).origin] : [],
};
