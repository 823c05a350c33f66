#!/usr/bin/env node
// Fails when apps/web defines its own component with the same name as a @rapport/ui export, so the
// app keeps building every screen from the kit. Passes when apps/web (or its app/ folder) is absent.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Names exported by the kit's entry (follows `export * from` re-exports). */
export function kitExportNames(entryFile) {
  const names = new Set();
  const seen = new Set();
  const visit = (file) => {
    const resolved = [file, `${file}.ts`, `${file}.tsx`, path.join(file, "index.ts")].find(
      (f) => existsSync(f) && statSync(f).isFile(),
    );
    if (!resolved || seen.has(resolved)) return;
    seen.add(resolved);
    const source = readFileSync(resolved, "utf8");
    for (const m of source.matchAll(/export\s+\*\s+from\s+["'](.+?)["']/g)) visit(path.resolve(path.dirname(resolved), m[1]));
    for (const m of source.matchAll(/export\s+(?:const|function|class)\s+([A-Z][A-Za-z0-9]*)/g)) names.add(m[1]);
    for (const m of source.matchAll(/export\s*\{([^}]+)\}(?!\s*from)/g)) {
      for (const part of m[1].split(",")) {
        const name = part.trim().split(/\s+as\s+/).pop()?.trim();
        if (name && /^[A-Z]/.test(name)) names.add(name);
      }
    }
  };
  visit(entryFile);
  return names;
}

/** Component names a source file declares (function/const/class, exported or not). */
export function declaredComponentNames(source) {
  const names = new Set();
  const patterns = [
    /(?:^|[\s;])function\s+([A-Z][A-Za-z0-9]*)\s*[(<]/g,
    /(?:^|[\s;])(?:const|let|var)\s+([A-Z][A-Za-z0-9]*)\s*(?::[^=]+)?=\s*(?:\(|function|React\.forwardRef|forwardRef|React\.memo|memo|styled)/g,
    /(?:^|[\s;])class\s+([A-Z][A-Za-z0-9]*)\s+extends\s+(?:React\.)?(?:Pure)?Component/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) names.add(m[1]);
  return names;
}

function tsxFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsxFiles(full));
    else if (entry.name.endsWith(".tsx")) out.push(full);
  }
  return out;
}

/** Returns [{ file, name }] for every app component that copies a kit export. */
export function findCopies({ appDir, kitEntry }) {
  const kit = kitExportNames(kitEntry);
  const copies = [];
  for (const file of tsxFiles(appDir)) {
    for (const name of declaredComponentNames(readFileSync(file, "utf8"))) {
      if (kit.has(name)) copies.push({ file, name });
    }
  }
  return copies;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repoRoot = path.resolve(here, "../../..");
  const appDir = path.join(repoRoot, "apps/web/app");
  const kitEntry = path.resolve(here, "../src/index.ts");
  if (!existsSync(appDir)) {
    console.log("check:copies: apps/web/app not found; nothing to check.");
    process.exit(0);
  }
  const copies = findCopies({ appDir, kitEntry });
  if (copies.length > 0) {
    console.error("check:copies: apps/web defines its own copies of @rapport/ui components. Import them from @rapport/ui instead:");
    for (const { file, name } of copies) console.error(`  ${path.relative(repoRoot, file)}: ${name}`);
    process.exit(1);
  }
  console.log(`check:copies: ok (${kitExportNames(kitEntry).size} kit components, no copies in apps/web).`);
}
