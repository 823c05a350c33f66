/**
 * Media upload for one draft (multipart, one file per request): streamed to a temporary folder with
 * a size cap, then checked by content, re-encoded and stored by @rapport/api's ingest, and attached.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { MAX_VIDEO_BYTES } from "@rapport/api/draft-schemas";
import { ingestMedia, MediaRejectedError } from "@rapport/api/media";
import {
  MaxPartSizeExceededError,
  NodeOnDiskFile,
  unstable_createFileUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
} from "@remix-run/node";
import { asFormResult, serverApi } from "~/trpc/server";
import { getAuth } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { draftIdParam, workspaceIdParam } from "~/utils/params";
import { mediaStorage } from "~/utils/storage.server";

export async function loader() {
  return new Response("Upload media with POST.", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { auth } = await getAuth(request);
  if (!auth) return Response.json({ error: "Your session ended. Sign in again to upload." }, { status: 401 });
  const workspaceId = workspaceIdParam(params);
  const draftId = draftIdParam(params);
  const api = await serverApi(request);
  const target = await asFormResult(api.media.uploadTarget({ workspaceId, draftId }));
  if (!target.ok) return Response.json({ error: target.error }, { status: target.status });

  const dir = await mkdtemp(path.join(os.tmpdir(), "rapport-upload-"));
  try {
    let originalName: string | null = null;
    const handler = unstable_createFileUploadHandler({
      directory: dir,
      maxPartSize: MAX_VIDEO_BYTES,
      avoidFileConflicts: false,
      file: ({ filename }) => {
        originalName = filename;
        return randomUUID();
      },
    });
    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(request, handler);
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) {
        return Response.json({ error: "That file is larger than 200 MB. Images can be at most 20 MB and videos 200 MB." }, { status: 413 });
      }
      return Response.json({ error: "The upload did not arrive complete. Try again." }, { status: 400 });
    }
    const file = form.get("file");
    if (!(file instanceof NodeOnDiskFile)) return Response.json({ error: "Choose a file to upload." }, { status: 400 });
    const row = await ingestMedia(await db(), mediaStorage(), {
      workspaceId,
      userId: auth.user.id,
      filePath: file.getFilePath(),
      originalName,
    });
    const attached = await asFormResult(api.media.attach({ workspaceId, draftId, mediaId: row.id, originalName }));
    if (!attached.ok) return Response.json({ error: attached.error }, { status: attached.status });
    return Response.json({ media: attached.data });
  } catch (error) {
    if (error instanceof MediaRejectedError) return Response.json({ error: error.message }, { status: 422 });
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
