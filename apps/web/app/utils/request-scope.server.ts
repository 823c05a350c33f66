/**
 * Per-request memo (see server/request-scope.mjs): `once(key, fn)` runs `fn` the first time a request
 * asks for `key` and hands every later caller in the same request the same promise. Outside a request
 * (scripts, tests) it simply runs `fn`.
 */
import type { AsyncLocalStorage } from "node:async_hooks";

function scope(): Map<string, unknown> | undefined {
  const storage = (
    globalThis as Record<symbol, AsyncLocalStorage<Map<string, unknown>> | undefined>
  )[Symbol.for("rapport.requestScope")];
  return storage?.getStore();
}

export function once<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const store = scope();
  if (!store) return fn();
  const hit = store.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const value = fn();
  store.set(key, value);
  // A failure is not remembered: the next caller tries again.
  value.catch(() => store.delete(key));
  return value;
}

/** Forgets `key` for the rest of the request (after a sign-out, say). */
export function forget(key: string): void {
  scope()?.delete(key);
}
