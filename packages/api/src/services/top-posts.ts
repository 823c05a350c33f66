/**
 * "Run it again" on the drafts list: each profile's top past posts by interaction quality. Core's
 * `topPosts` (rank on one denominator per profile: reach when at least as many posts have it as have
 * followers, else followers; each post against the median of the posts compared) restated in SQL, so
 * that showing three posts does not load a 10,000-post history into memory. A test checks the ids,
 * order, rates and medians against core's on the same posts.
 */
import { sql, type Database } from "@rapport/db";
import { DEFAULT_INTERACTION_WEIGHTS, type Denominator } from "@rapport/core";
import { interactionsSql } from "./posts";

export interface TopPost {
  profileId: string;
  postId: string;
  caption: string;
  publishedAt: Date | null;
  rate: number;
  denominator: Extract<Denominator, "reach" | "followers">;
  /** The post's rate over the median rate of the profile's posts compared. */
  vsMedian: number | null;
  /** Posts compared. */
  n: number;
}

interface TopPostRow {
  profile_id: string;
  id: string;
  caption: string | null;
  published_at: string | Date | null;
  rate: number;
  by_reach: boolean;
  typical: number | null;
  n: number;
}

export async function topPostsPerProfile(
  db: Database,
  workspaceId: string,
  options: { perProfile: number; maxProfiles: number },
): Promise<TopPost[]> {
  // Profiles in the order the app lists them (platform, then handle).
  const result = await db.execute(sql`
    with profiles as (
      select s.id, row_number() over (order by s.platform, s.handle) as ord
      from social_profiles s where s.workspace_id = ${workspaceId}
      order by s.platform, s.handle limit ${options.maxProfiles}
    ), base as (
      select p.id, p.profile_id, p.caption, p.published_at,
        ${interactionsSql(DEFAULT_INTERACTION_WEIGHTS)} as w,
        nullif(greatest(p.reach, 0), 0)::float8 as reach,
        nullif(greatest(p.followers, 0), 0)::float8 as followers
      from posts p
      where p.workspace_id = ${workspaceId} and p.profile_id in (select id from profiles)
    ), choice as (
      select profile_id,
        count(*) filter (where w is not null and reach is not null) >= count(*) filter (where w is not null and followers is not null) as by_reach
      from base group by profile_id
    ), rated as (
      select b.id, b.profile_id, b.caption, b.published_at, c.by_reach,
        b.w / (case when c.by_reach then b.reach else b.followers end) as rate
      from base b join choice c using (profile_id)
      where b.w is not null and (case when c.by_reach then b.reach else b.followers end) is not null
    ), stats as (
      select profile_id, percentile_cont(0.5) within group (order by rate) as typical, count(*)::int as n
      from rated group by profile_id
    ), ranked as (
      select r.*, row_number() over (partition by r.profile_id order by r.rate desc, r.id) as rn from rated r
    )
    select k.profile_id, k.id, k.caption, k.published_at, k.rate, k.by_reach, s.typical, s.n
    from ranked k join stats s using (profile_id) join profiles o on o.id = k.profile_id
    where k.rn <= ${options.perProfile}
    order by o.ord, k.rn
  `);
  return (result as { rows: TopPostRow[] }).rows.map((r) => ({
    profileId: r.profile_id,
    postId: r.id,
    caption: r.caption ?? "",
    publishedAt: r.published_at === null ? null : new Date(r.published_at),
    rate: Number(r.rate),
    denominator: r.by_reach ? ("reach" as const) : ("followers" as const),
    vsMedian:
      r.typical !== null && Number(r.typical) > 0 ? Number(r.rate) / Number(r.typical) : null,
    n: Number(r.n),
  }));
}
