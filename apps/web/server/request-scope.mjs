// One scope per HTTP request, shared by every loader and action of that request: Remix hands each
// loader its own copy of the Request, so anything worth doing once per request (the session lookup)
// is remembered here instead. The app reads it through app/utils/request-scope.server.ts; the key is
// global because the app is a separate bundle (and, in development, a Vite module graph).
import { AsyncLocalStorage } from "node:async_hooks";

const storage = new AsyncLocalStorage();
globalThis[Symbol.for("rapport.requestScope")] = storage;

/** Express middleware: everything the request does from here on sees one fresh Map. */
export function requestScope(_req, _res, next) {
  storage.run(new Map(), next);
}
