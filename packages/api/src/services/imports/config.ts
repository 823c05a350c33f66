/** Where uploaded import files are kept: the app sets it once at start (DATA_DIR/imports). */
import { mkdirSync } from "node:fs";

let dir: string | null = null;

export function configureImports(options: { dir: string }): void {
  mkdirSync(options.dir, { recursive: true });
  dir = options.dir;
}

export function importsDir(): string {
  if (!dir) throw new Error("Imports are not configured: call configureImports({ dir }) at start.");
  return dir;
}
