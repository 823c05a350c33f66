/** vitest globalSetup: one migrated PGlite snapshot per run, shared by every test file. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { testDatabaseUrl } from "./env";
import { makePgliteSnapshot } from "./index";

export default async function setup(project: TestProject) {
  if (testDatabaseUrl) {
    console.log(`[db] running against PostgreSQL at ${new URL(testDatabaseUrl).host}`);
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), "rapport-pglite-"));
  const file = path.join(dir, "migrated.tar");
  await makePgliteSnapshot(file);
  project.provide("pgliteSnapshot", file);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
