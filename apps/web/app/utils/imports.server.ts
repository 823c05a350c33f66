/**
 * Import uploads: the request body is streamed to DATA_DIR/imports/<uuid> (never held in memory),
 * the 200 MB cap is enforced while streaming (nothing is kept past it), then the job is recorded
 * and its dry run starts in the background. Jobs cut short by a restart are resumed at start.
 */
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { z } from "zod";
import { MAX_IMPORT_BYTES, configureImports, createImportJob, queueStaleDraftRescores, recoverImports } from "@rapport/api/imports";
import { db, getDatabase } from "./db.server";
import { env } from "./env.server";

export const importsDir = path.join(env.DATA_DIR, "imports");
configureImports({ dir: importsDir });

declare global {
  // One recovery per process, even when the dev server reloads this module.
  // eslint-disable-next-line no-var -- a global declaration needs var
  var __rapportImportsRecovered: boolean | undefined;
}
if (!globalThis.__rapportImportsRecovered) {
  globalThis.__rapportImportsRecovered = true;
  getDatabase()
    .then(async (h) => {
      const r = await recoverImports(h.db, importsDir);
      if (r.resumed || r.reverted) console.log(`Imports after restart: ${r.resumed} dry runs resumed, ${r.reverted} commits reverted to their preview.`);
      // Drafts scored by an older model are re-scored once, in the background.
      const stale = await queueStaleDraftRescores(h.db);
      if (stale) console.log(`Re-scoring the open drafts of ${stale} profiles with the current model.`);
    })
    .catch((e: unknown) => console.error("Could not recover import jobs:", e));
}

export const ImportKindSchema = z.enum(["meta-csv", "uci-csv", "instagram-json", "mapped-csv", "followers-csv"], {
  error: "Choose what kind of file this is.",
});

const UploadFieldsSchema = z.object({
  profileId: z.uuid({ error: "Choose a profile." }),
  kind: ImportKindSchema,
  mapping: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return null;
      try {
        return JSON.parse(s) as Record<string, unknown>;
      } catch {
        ctx.addIssue({ code: "custom", message: "The column mapping is not valid." });
        return z.NEVER;
      }
    }),
});

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

interface Received {
  fields: Record<string, string>;
  file: { name: string; bytes: number; storageKey: string } | null;
}

/** Streams one multipart upload to disk; throws UploadError (and keeps nothing) when it is refused. */
export async function receiveUpload(request: Request): Promise<Received> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data") || !request.body) throw new UploadError("Send the file as a form upload.", 400);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_IMPORT_BYTES + 1024 * 1024) throw new UploadError("This file is larger than 200 MB. Export a shorter date range and import it in parts.", 413);
  const fields: Record<string, string> = {};
  let file: Received["file"] = null;
  let tooLarge = false;
  const writes: Promise<void>[] = [];
  const bb = busboy({ headers: { "content-type": type }, limits: { files: 1, fileSize: MAX_IMPORT_BYTES, fields: 10, fieldSize: 64 * 1024 } });
  bb.on("field", (name, value) => {
    fields[name] = value;
  });
  bb.on("file", (_name, stream, info) => {
    const storageKey = crypto.randomUUID();
    const target = path.join(importsDir, storageKey);
    const current = { name: info.filename || "upload", bytes: 0, storageKey };
    file = current;
    stream.on("data", (chunk: Buffer) => {
      current.bytes += chunk.length;
    });
    stream.on("limit", () => {
      tooLarge = true;
    });
    writes.push(pipeline(stream, createWriteStream(target)));
  });
  try {
    await pipeline(Readable.fromWeb(request.body as unknown as NodeWebStream<Uint8Array>), bb);
    await Promise.all(writes);
  } catch (e) {
    if (file) await rm(path.join(importsDir, (file as { storageKey: string }).storageKey), { force: true });
    if (e instanceof UploadError) throw e;
    throw new UploadError("The upload was interrupted. Try again.", 400);
  }
  const got = file as Received["file"];
  if (tooLarge) {
    if (got) await rm(path.join(importsDir, got.storageKey), { force: true });
    throw new UploadError("This file is larger than 200 MB. Export a shorter date range and import it in parts.", 413);
  }
  return { fields, file: got };
}

/** Checks the fields sent with the file and records the job; the file is removed when refused. */
export async function startImportFromUpload(received: Received, scope: { workspaceId: string; userId: string; profileOk: (id: string) => Promise<boolean> }) {
  const file = received.file;
  const discard = () => (file ? rm(path.join(importsDir, file.storageKey), { force: true }) : Promise.resolve());
  if (!file || file.bytes === 0) {
    await discard();
    throw new UploadError("Choose a file to import (it was empty or missing).", 400);
  }
  const parsed = UploadFieldsSchema.safeParse(received.fields);
  if (!parsed.success) {
    await discard();
    throw new UploadError(parsed.error.issues[0]?.message ?? "Check the form.", 400);
  }
  if (!(await scope.profileOk(parsed.data.profileId))) {
    await discard();
    throw new UploadError("Profile not found.", 404);
  }
  const job = await createImportJob(await db(), importsDir, {
    workspaceId: scope.workspaceId,
    profileId: parsed.data.profileId,
    kind: parsed.data.kind,
    fileName: file.name.slice(0, 200),
    fileBytes: file.bytes,
    storageKey: file.storageKey,
    mapping: parsed.data.mapping,
    createdBy: scope.userId,
  });
  return { importId: job.id };
}
