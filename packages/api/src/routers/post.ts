/** Past posts with their metrics: list with filters and sorting, content type confirmed by a person, one post typed in. */
import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { and, eq, posts, socialProfiles } from "@rapport/db";
import {
  ContentTypeSchema,
  FormatSchema,
  engagementRate,
  interactionQuality,
  performanceIndex,
  suggestContentType,
  type Post,
} from "@rapport/core";
import { z } from "zod";
import { upsertPosts, toPostRow } from "../services/imports";
import { captionsFor, loadPosts, PostFiltersSchema, type LoadedPost } from "../services/insights";
import { workspaceProcedure } from "../trpc";

const SORTS = ["publishedAt", "reach", "ratePerReach", "ratePerFollower", "quality", "comments", "shares", "likes"] as const;

export const PostListInputSchema = PostFiltersSchema.extend({
  contentType: ContentTypeSchema.or(z.literal("none")).optional(),
  sort: z.enum(SORTS).default("publishedAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});

const count = z.number().int().nonnegative().nullable();

/** One post typed in by hand (metrics from the app's insights screen). */
export const ManualPostInputSchema = z.object({
  profileId: z.uuid({ error: "Choose a profile." }),
  publishedAt: z.iso.datetime({ offset: true, error: "Use a date and time like 2026-03-31T18:00." }),
  caption: z.string().max(5000).nullable().default(null),
  contentType: ContentTypeSchema.nullable().default(null),
  format: FormatSchema.nullable().default(null),
  reach: count.default(null),
  impressions: count.default(null),
  followers: count.default(null),
  likes: count.default(null),
  comments: count.default(null),
  shares: count.default(null),
  saves: count.default(null),
});

function rowMetrics(p: Post) {
  return {
    perReach: engagementRate(p, { denominator: "reach" }),
    perFollower: engagementRate(p, { denominator: "followers" }),
    quality: interactionQuality(p),
  };
}

/**
 * What `performanceIndex` needs of a post's history, without handing it every post: for a dated
 * post, the last 30 posts of its profile published strictly before it (loadPosts returns posts in
 * time order, so that is a binary search and a slice); for an undated one, the whole profile.
 */
function earlierPostsIndex(all: readonly LoadedPost[]): (post: LoadedPost) => LoadedPost[] {
  const byProfile = new Map<string, { all: LoadedPost[]; dated: LoadedPost[]; times: number[] }>();
  for (const p of all) {
    let entry = byProfile.get(p.profileId);
    if (!entry) {
      entry = { all: [], dated: [], times: [] };
      byProfile.set(p.profileId, entry);
    }
    entry.all.push(p);
    if (p.publishedAt) {
      entry.dated.push(p);
      entry.times.push(Date.parse(p.publishedAt));
    }
  }
  return (post) => {
    const entry = byProfile.get(post.profileId);
    if (!entry) return [];
    if (!post.publishedAt) return entry.all;
    const t = Date.parse(post.publishedAt);
    let lo = 0;
    let hi = entry.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((entry.times[mid] as number) < t) lo = mid + 1;
      else hi = mid;
    }
    return entry.dated.slice(Math.max(0, lo - PERFORMANCE_WINDOW), lo);
  };
}

/** performanceIndex's default window: the typical post is the median of the last 30. */
const PERFORMANCE_WINDOW = 30;

export const postRouter = {
  list: workspaceProcedure("viewer")
    .input(PostListInputSchema)
    .query(async ({ ctx, input }) => {
      const all = await loadPosts(ctx.db, ctx.workspace.id, input);
      const filtered = input.contentType
        ? all.filter((p) => (input.contentType === "none" ? !p.contentType : p.contentType === input.contentType))
        : all;
      const rows = filtered.map((p) => {
        const m = rowMetrics(p);
        return { post: p, perReach: m.perReach, perFollower: m.perFollower, quality: m.quality };
      });
      const key = (r: (typeof rows)[number]): number | null => {
        switch (input.sort) {
          case "publishedAt":
            return r.post.publishedAt ? Date.parse(r.post.publishedAt) : null;
          case "ratePerReach":
            return r.perReach?.value ?? null;
          case "ratePerFollower":
            return r.perFollower?.value ?? null;
          case "quality":
            return r.quality?.value ?? null;
          default:
            return r.post[input.sort] ?? null;
        }
      };
      const sign = input.dir === "asc" ? 1 : -1;
      // Missing values sort last either way: unknown is not small.
      rows.sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        if (ka === null && kb === null) return 0;
        if (ka === null) return 1;
        if (kb === null) return -1;
        return (ka - kb) * sign;
      });
      const start = (input.page - 1) * input.pageSize;
      const page = rows.slice(start, start + input.pageSize);
      const captions = await captionsFor(ctx.db, ctx.workspace.id, page.map((r) => r.post.id));
      for (const r of page) r.post.caption = captions.get(r.post.id) ?? null;
      const earlierOf = earlierPostsIndex(all);
      return {
        total: rows.length,
        page: input.page,
        pageSize: input.pageSize,
        rows: page.map((r) => {
          const pi = performanceIndex(r.post, earlierOf(r.post));
          const suggestion = r.post.contentTypeSource === "confirmed" || !r.post.caption ? null : (suggestContentType(r.post.caption)[0] ?? null);
          return {
            id: r.post.id,
            profileId: r.post.profileId,
            externalId: r.post.externalId,
            publishedAt: r.post.publishedAt ?? null,
            slot: r.post.slot ?? null,
            caption: r.post.caption ?? null,
            contentType: r.post.contentType ?? null,
            contentTypeSource: r.post.contentTypeSource,
            suggestedContentType: suggestion?.contentType ?? null,
            format: r.post.format ?? null,
            sourceType: r.post.extra?.type ?? null,
            followers: r.post.followers ?? null,
            reach: r.post.reach ?? null,
            likes: r.post.likes ?? null,
            comments: r.post.comments ?? null,
            shares: r.post.shares ?? null,
            saves: r.post.saves ?? null,
            perReach: r.perReach?.value ?? null,
            perFollower: r.perFollower?.value ?? null,
            quality: r.quality ? { value: r.quality.value, denominator: r.quality.denominator } : null,
            performanceIndex: pi ? { value: pi.value, n: pi.n, label: pi.label } : null,
          };
        }),
      };
    }),

  setContentType: workspaceProcedure("editor")
    .input(z.object({ postId: z.uuid({ error: "Unknown post." }), contentType: ContentTypeSchema.nullable() }))
    .mutation(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .update(posts)
        .set({ contentType: input.contentType, contentTypeSource: input.contentType ? "confirmed" : null, updatedAt: new Date() })
        .where(and(eq(posts.id, input.postId), eq(posts.workspaceId, ctx.workspace.id)))
        .returning({ id: posts.id, contentType: posts.contentType });
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Post not found." });
      return row;
    }),

  addManual: workspaceProcedure("editor")
    .input(ManualPostInputSchema)
    .mutation(async ({ ctx, input }) => {
      const [profile] = await ctx.db
        .select({ id: socialProfiles.id, platform: socialProfiles.platform })
        .from(socialProfiles)
        .where(and(eq(socialProfiles.id, input.profileId), eq(socialProfiles.workspaceId, ctx.workspace.id)));
      if (!profile) throw new TRPCError({ code: "NOT_FOUND", message: "Profile not found." });
      const publishedAt = new Date(input.publishedAt).toISOString();
      if (![input.likes, input.comments, input.shares, input.saves].some((v) => v !== null))
        throw new TRPCError({ code: "BAD_REQUEST", message: "Enter at least one of likes, comments, shares or saves." });
      const post: Post = {
        id: `manual-${publishedAt}`,
        platform: profile.platform,
        publishedAt,
        caption: input.caption,
        contentType: input.contentType,
        format: input.format,
        reach: input.reach,
        impressions: input.impressions,
        followers: input.followers,
        likes: input.likes,
        comments: input.comments,
        shares: input.shares,
        saves: input.saves,
      };
      const row = toPostRow(post);
      if (input.contentType) row.contentTypeSource = "confirmed";
      const r = await upsertPosts(ctx.db, { workspaceId: ctx.workspace.id, profileId: profile.id, importId: null }, [row]);
      return { created: r.inserted === 1, updated: r.updated === 1 };
    }),
} satisfies TRPCRouterRecord;
