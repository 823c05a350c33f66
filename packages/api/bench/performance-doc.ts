/** Writes one "## <heading>" section of docs/performance.md, replacing the section when it is there. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export function writePerformanceSection(heading: string, section: string): void {
  const perf = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../docs/performance.md");
  let doc = existsSync(perf) ? readFileSync(perf, "utf8") : "# Performance\n\nBenchmarks, each against a baseline measured in the same run.\n";
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`## ${escaped}\\n[\\s\\S]*?(?=\\n## |$)`);
  doc = re.test(doc) ? doc.replace(re, section.trimEnd() + "\n") : doc.trimEnd() + "\n\n" + section;
  writeFileSync(perf, doc);
}
