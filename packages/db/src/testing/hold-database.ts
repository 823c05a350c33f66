/**
 * A separate process for the data-dir lock test: `hold <dir> <name>` opens the embedded database,
 * creates a workspace called <name>, says "ready" and keeps the database open until killed;
 * `read <dir>` opens it, prints the workspace names as JSON and closes. A refused open exits with 3.
 */
import { DataDirLockedError, openDatabase, workspaces } from "../index";

const [mode, dataDir, name] = process.argv.slice(2);
try {
  const handle = await openDatabase({ dataDir });
  if (mode === "hold") {
    await handle.db.insert(workspaces).values({ name: name ?? "held" });
    process.stdout.write("ready\n");
    setInterval(() => undefined, 60_000);
  } else {
    const rows = await handle.db.select({ name: workspaces.name }).from(workspaces);
    process.stdout.write(`${JSON.stringify(rows.map((r) => r.name))}\n`);
    await handle.close();
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof DataDirLockedError ? 3 : 1);
}
