/** Serves a media file (or its thumbnail with ?size=thumb) to members of its workspace only. */
import { Readable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { uuidParam, workspaceIdParam } from "~/utils/params";
import { mediaStorage } from "~/utils/storage.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const mediaId = uuidParam(params, "mediaId", "Media not found.");
  const api = await serverApi(request);
  const item = await orResponse(api.media.get({ workspaceId, mediaId }));
  const thumb = new URL(request.url).searchParams.get("size") === "thumb";
  const key = thumb && item.thumbnailKey ? item.thumbnailKey : item.storageKey;
  const etag = `"${item.sha256}${key === item.thumbnailKey ? "-t" : ""}"`;
  const headers = {
    ETag: etag,
    // Content-addressed: the bytes behind a media id never change. Private: members only.
    "Cache-Control": "private, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
  };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  const stored = await mediaStorage().get(key);
  if (!stored) throw new Response("Media file missing from storage.", { status: 404 });
  return new Response(Readable.toWeb(stored.body) as ReadableStream, {
    headers: { ...headers, "Content-Type": stored.contentType, "Content-Length": String(stored.size) },
  });
}
