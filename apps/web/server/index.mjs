// The Node server: Express in front of Remix. It serves built assets, stamps the client address for
// rate limits, refuses cross-origin writes, then hands the request to Remix (Vite in development).
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import { serverEnv } from "./env.mjs";
import { stampClientAddress } from "./client-address.mjs";
import { originCheck } from "./origin-check.mjs";
import { TRPC_BODY_LIMIT, bodyLimit, securityHeaders } from "./security.mjs";
import { requestScope } from "./request-scope.mjs";

const viteDevServer = serverEnv.production
  ? undefined
  : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

const app = express();
app.disable("x-powered-by");

stampClientAddress(app, serverEnv.trustedProxy);
app.use(
  securityHeaders({ production: serverEnv.production, extraOrigins: serverEnv.mediaOrigins }),
);

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
}
app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));

app.use(originCheck(serverEnv.appOrigin));
app.use("/api/trpc", bodyLimit(TRPC_BODY_LIMIT));

app.use(requestScope);

app.all(
  "*",
  createRequestHandler({
    // The CSP nonce reaches app/entry.server.tsx through the load context.
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }),
    build: viteDevServer
      ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build")
      : await import("../build/server/index.js"),
  }),
);

const server = app.listen(serverEnv.port, serverEnv.host, () => {
  console.log(`Rapport is listening on http://localhost:${serverEnv.port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    // The job worker (app/utils/jobs.server.ts) finishes or gives back its running jobs first.
    const jobs = globalThis.__rapportStopJobs?.().catch(() => undefined) ?? Promise.resolve();
    const closed = new Promise((resolve) => server.close(resolve));
    const closedOrLate = Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 3000))]);
    void Promise.all([jobs, closedOrLate]).then(() => process.exit(0));
    setTimeout(() => process.exit(0), 12_000).unref();
  });
}
