/** Resource route: the filtered posts with their metrics as CSV, every post in time order. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { CONTENT_TYPES, type ContentType } from "@rapport/core";
import { orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { workspaceIdParam } from "~/utils/params";
import { filtersFrom } from "~/utils/post-filters";

const cell = (v: string | number | null) => {
  if (v === null) return "";
  const s = String(v);
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const f = filtersFrom(new URL(request.url));
  const api = await serverApi(request);
  const contentType = f.contentType === "none" || (CONTENT_TYPES as readonly string[]).includes(f.contentType ?? "") ? (f.contentType as ContentType | "none") : undefined;
  const [rows, profiles] = await Promise.all([
    orResponse(api.post.export({ workspaceId, profileId: f.profileId, from: f.from, to: f.to, contentType })),
    orResponse(api.socialProfile.list({ workspaceId })),
  ]);
  const handle = new Map(profiles.map((p) => [p.id, `${p.platform}:@${p.handle}`]));
  const lines = ["profile,external_id,published_at,weekday,hour,source_type,format,content_type,content_type_source,caption,followers,reach,likes,comments,shares,saves,interactions_per_reach,interactions_per_follower,interaction_quality,quality_denominator,performance_index,performance_n"];
  for (const r of rows) {
    lines.push(
      [
        handle.get(r.profileId) ?? null, r.externalId, r.publishedAt, r.slot?.weekday ?? null, r.slot?.hour ?? null, r.sourceType, r.format, r.contentType,
        r.contentTypeSource, r.caption, r.followers, r.reach, r.likes, r.comments, r.shares, r.saves, r.perReach, r.perFollower, r.quality?.value ?? null,
        r.quality?.denominator ?? null, r.performanceIndex?.value ?? null, r.performanceIndex?.n ?? null,
      ].map(cell).join(","),
    );
  }
  return new Response(lines.join("\r\n") + "\r\n", {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="posts.csv"' },
  });
}
