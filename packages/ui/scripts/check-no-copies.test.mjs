import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { declaredComponentNames, findCopies, kitExportNames } from "./check-no-copies.mjs";

describe("check-no-copies", () => {
  it("reads the kit's exported component names through re-exports", () => {
    const names = kitExportNames(path.resolve(import.meta.dirname, "../src/index.ts"));
    for (const name of ["Button", "TextField", "AppShell", "MetricTile"]) expect(names.has(name)).toBe(true);
  });

  it("finds function, arrow and forwardRef components", () => {
    const src = `export function Button() {}\nconst Card = () => null;\nexport const Badge = forwardRef(() => null);\nfunction helper() {}\nconst Theme = "x";`;
    expect([...declaredComponentNames(src)].sort()).toEqual(["Badge", "Button", "Card"]);
  });

  it("lists app files that redefine kit components and ignores others", () => {
    const root = mkdtempSync(path.join(tmpdir(), "copies-"));
    const app = path.join(root, "app", "components");
    mkdirSync(app, { recursive: true });
    writeFileSync(path.join(root, "kit.ts"), "export function Button() {}\nexport const Card = () => null;\n");
    writeFileSync(path.join(app, "button.tsx"), "export function Button() { return null; }\n");
    writeFileSync(path.join(app, "hero.tsx"), "export function Hero() { return null; }\n");
    const copies = findCopies({ appDir: path.join(root, "app"), kitEntry: path.join(root, "kit.ts") });
    expect(copies.map((c) => c.name)).toEqual(["Button"]);
  });
});
