import { describe, expect, it } from "vitest";
import { isAllowedOrigin } from "./origin-check.mjs";

describe("origin check on state-changing requests", () => {
  it.each([
    [
      "GET without origin",
      { method: "GET", origin: undefined, host: "localhost:3000", appOrigin: null },
      true,
    ],
    [
      "POST from the same origin",
      { method: "POST", origin: "http://localhost:3000", host: "localhost:3000", appOrigin: null },
      true,
    ],
    [
      "POST without an Origin header",
      { method: "POST", origin: undefined, host: "localhost:3000", appOrigin: null },
      false,
    ],
    [
      "POST from another site",
      { method: "POST", origin: "https://evil.example", host: "localhost:3000", appOrigin: null },
      false,
    ],
    [
      "POST from another port",
      { method: "POST", origin: "http://localhost:4000", host: "localhost:3000", appOrigin: null },
      false,
    ],
    [
      "DELETE with a garbage Origin",
      { method: "DELETE", origin: "not a url", host: "localhost:3000", appOrigin: null },
      false,
    ],
    [
      "POST matching APP_ORIGIN behind a proxy",
      {
        method: "POST",
        origin: "https://rapport.example",
        host: "10.0.0.5:3000",
        appOrigin: "https://rapport.example",
      },
      true,
    ],
    [
      "POST from https:// to a page served over http://",
      {
        method: "POST",
        origin: "https://localhost:3000",
        host: "localhost:3000",
        protocol: "http",
        appOrigin: null,
      },
      false,
    ],
    [
      "POST from http:// to a page served over https://",
      {
        method: "POST",
        origin: "http://rapport.example",
        host: "rapport.example",
        protocol: "https",
        appOrigin: null,
      },
      false,
    ],
    [
      "POST over https from the same origin",
      {
        method: "POST",
        origin: "https://rapport.example",
        host: "rapport.example",
        protocol: "https",
        appOrigin: null,
      },
      true,
    ],
    [
      "POST not matching APP_ORIGIN",
      {
        method: "POST",
        origin: "http://10.0.0.5:3000",
        host: "10.0.0.5:3000",
        appOrigin: "https://rapport.example",
      },
      false,
    ],
  ])("%s", (_name, req, allowed) => {
    expect(isAllowedOrigin(req)).toBe(allowed);
  });
});
