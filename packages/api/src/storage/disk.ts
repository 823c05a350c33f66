/** Media on the local disk under `DATA_DIR/media`: the default, written atomically (temp file + rename). */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { randomUUID } from "node:crypto";
import { assertKey, type MediaStorage, type StoredObject } from "./types";

export class DiskStorage implements MediaStorage {
  readonly kind = "disk" as const;
  constructor(private readonly root: string) {}

  private file(key: string): string {
    assertKey(key);
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, body: Buffer | Readable, contentType: string): Promise<void> {
    const target = this.file(key);
    if (await this.exists(key)) return;
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomUUID()}.tmp`;
    try {
      if (Buffer.isBuffer(body)) await writeFile(tmp, body);
      else await pipeline(body, createWriteStream(tmp));
      await writeFile(`${tmp}.type`, contentType);
      await rename(`${tmp}.type`, `${target}.type`);
      await rename(tmp, target);
    } catch (error) {
      await rm(tmp, { force: true });
      await rm(`${tmp}.type`, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const target = this.file(key);
    try {
      const info = await stat(target);
      const contentType = await readFile(`${target}.type`, "utf8").catch(() => "application/octet-stream");
      return { body: createReadStream(target), contentType, size: info.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const target = this.file(key);
    await rm(target, { force: true });
    await rm(`${target}.type`, { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      await stat(this.file(key));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw error;
    }
  }
}
