/**
 * One process per embedded database folder. PGlite is a single-process database: a second process
 * opening the same folder works on its own copy in memory and both overwrite each other's files (a
 * rename on one invisible to the other, drafts lost, once a folder that would not open again). The
 * first process writes `<dataDir>.lock` holding its pid; a second one is refused with a sentence. A
 * lock whose pid no longer runs (the holder was killed) is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `Another Rapport process (pid ${holderPid}) is using the embedded database in ${dataDir}. ` +
        "Only one process can open it: stop that one first, or set DATABASE_URL so several processes share a PostgreSQL server.",
    );
    this.name = "DataDirLockedError";
  }
}

interface LockContent {
  pid: number;
  host: string;
  since: string;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockContent | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<LockContent>;
    return typeof parsed.pid === "number"
      ? { pid: parsed.pid, host: String(parsed.host ?? ""), since: String(parsed.since ?? "") }
      : null;
  } catch {
    return null;
  }
}

export interface DataDirLock {
  file: string;
  release(): void;
}

/** Takes the folder's lock or throws DataDirLockedError naming the holder. */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = `${dataDir.replace(/[\\/]+$/, "")}.lock`;
  const content: LockContent = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify(content));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        // Only our own lock: never remove one another process took over.
        if (readLock(file)?.pid === process.pid) unlinkSync(file);
      };
      process.on("exit", release);
      return { file, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(file);
      const stale =
        holder === null ||
        (holder.host === content.host && holder.pid !== process.pid && !isRunning(holder.pid));
      if (!stale) throw new DataDirLockedError(dataDir, holder.pid);
      // The holder died without releasing (killed, power cut): its lock no longer protects anything.
      try {
        unlinkSync(file);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== "ENOENT") throw unlinkError;
      }
    }
  }
  throw new Error(`Could not take the lock ${file}; another process keeps taking it.`);
}
