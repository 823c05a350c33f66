import { describe, expect, it, vi } from "vitest";
import { requestScope } from "../../server/request-scope.mjs";
import { forget, once } from "./request-scope.server";

/** Runs `fn` the way the Express entry runs a request: inside the request-scope middleware. */
function inRequest<T>(fn: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    requestScope({}, {}, () => {
      fn().then(resolve, reject);
    });
  });
}

describe("once per request", () => {
  it("runs the lookup once however many loaders of one request ask", async () => {
    const lookup = vi.fn(async () => ({ user: "ana" }));
    const results = await inRequest(() =>
      Promise.all([
        once("session:t", lookup),
        once("session:t", lookup),
        once("session:t", lookup),
      ]),
    );
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(results[0]).toBe(results[2]);
  });

  it("never shares a lookup between two requests", async () => {
    const lookup = vi.fn(async () => ({ user: "ana" }));
    await inRequest(() => once("session:t", lookup));
    await inRequest(() => once("session:t", lookup));
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it("looks up again after forget (a sign-out) and after a failure", async () => {
    const lookup = vi.fn(async () => ({ user: "ana" }));
    const failing = vi.fn(async () => {
      throw new Error("database restarting");
    });
    await inRequest(async () => {
      await once("session:t", lookup);
      forget("session:t");
      await once("session:t", lookup);
      await expect(once("session:f", failing)).rejects.toThrow("database restarting");
      await Promise.resolve();
      await expect(once("session:f", failing)).rejects.toThrow("database restarting");
    });
    expect(lookup).toHaveBeenCalledTimes(2);
    expect(failing).toHaveBeenCalledTimes(2);
  });

  it("outside a request (scripts, tests) simply runs the lookup", async () => {
    const lookup = vi.fn(async () => 1);
    await once("k", lookup);
    await once("k", lookup);
    expect(lookup).toHaveBeenCalledTimes(2);
  });
});
