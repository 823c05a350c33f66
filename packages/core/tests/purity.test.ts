/** Guards the purity rule: core's lint must reject Node built-ins, the database, React and tRPC. */
import { ESLint } from "eslint";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const cwd = join(dirname(fileURLToPath(import.meta.url)), "..");
const eslint = new ESLint({ cwd });
const filePath = join(cwd, "src/metrics/purity-probe.ts");

async function messages(code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-globals");
}

describe("core purity lint", () => {
  it.each([
    ['import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n', "node:fs"],
    ['import { readFileSync } from "fs";\nexport const x = readFileSync;\n', "fs"],
    ['import React from "react";\nexport const x = React;\n', "react"],
    ['import { initTRPC } from "@trpc/server";\nexport const x = initTRPC;\n', "@trpc/server"],
    ['import { sql } from "drizzle-orm";\nexport const x = sql;\n', "drizzle-orm"],
    ['import { Pool } from "pg";\nexport const x = Pool;\n', "pg"],
    ['export const x = process.env.HOME;\n', "process"],
  ])("reports %#: %s", async (code, what) => {
    const found = await messages(code);
    expect(found.length, `expected a purity error for ${what}`).toBeGreaterThan(0);
  });

  it("accepts a clean module", async () => {
    const found = await messages('import { z } from "zod";\nexport const S = z.string();\n');
    expect(found).toEqual([]);
  });
});
