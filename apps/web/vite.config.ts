import { vitePlugin as remix } from "@remix-run/dev";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  server: { port: 3000 },
  ssr: {
    // The database drivers stay external: bundling PGlite loses its data files.
    external: ["@electric-sql/pglite", "pg", "drizzle-orm", "@node-rs/argon2", "sharp", "file-type", "@aws-sdk/client-s3", "busboy", "csv-parse"],
  },
});
