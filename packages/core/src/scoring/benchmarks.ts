/**
 * Cold-start priors: typical engagement per follower by platform, follower tier and account kind,
 * and weak format effects. Rough figures from public industry benchmark reports (2023-2025); an
 * account's own posts outweigh them within about ten posts (see docs/decisions/103).
 */
import type { AccountKind, Format, Platform } from "../domain/vocabulary";

export const FOLLOWER_TIERS = ["nano", "micro", "mid", "macro", "mega"] as const;
export type FollowerTier = (typeof FOLLOWER_TIERS)[number];

/** nano < 10k <= micro < 100k <= mid < 500k <= macro < 1M <= mega. */
export function followerTier(followers: number): FollowerTier {
  if (followers < 10_000) return "nano";
  if (followers < 100_000) return "micro";
  if (followers < 500_000) return "mid";
  if (followers < 1_000_000) return "macro";
  return "mega";
}

/** Median interactions per follower per post, creators; brands run at about 0.6x (see decision 104). */
const CREATOR_RATE: Record<Platform, Record<FollowerTier, number>> = {
  instagram: { nano: 0.04, micro: 0.022, mid: 0.015, macro: 0.012, mega: 0.01 },
  facebook: { nano: 0.012, micro: 0.006, mid: 0.004, macro: 0.003, mega: 0.002 },
  tiktok: { nano: 0.08, micro: 0.06, mid: 0.05, macro: 0.045, mega: 0.04 },
  x: { nano: 0.008, micro: 0.005, mid: 0.004, macro: 0.003, mega: 0.002 },
  linkedin: { nano: 0.03, micro: 0.02, mid: 0.015, macro: 0.012, mega: 0.01 },
};
const BRAND_FACTOR = 0.6;

/** Typical reach as a share of followers, per platform. */
export const REACH_SHARE: Record<Platform, number> = { instagram: 0.3, facebook: 0.1, tiktok: 1, x: 0.1, linkedin: 0.15 };

export interface Benchmark {
  platform: Platform;
  tier: FollowerTier;
  accountKind: AccountKind;
  /** Interactions per follower per post. */
  ratePerFollower: number;
  /** Interactions per person reached. */
  ratePerReach: number;
  source: string;
}

export function benchmarkFor(platform: Platform, followers: number, accountKind: AccountKind = "brand"): Benchmark {
  const tier = followerTier(followers);
  const perFollower = CREATOR_RATE[platform][tier] * (accountKind === "brand" ? BRAND_FACTOR : 1);
  return {
    platform,
    tier,
    accountKind,
    ratePerFollower: perFollower,
    ratePerReach: Math.min(1, perFollower / REACH_SHARE[platform]),
    source: "rough medians from public industry benchmark reports (2023-2025)",
  };
}

/** Weak prior effects of formats on the log scale, relative to a single image. */
export const FORMAT_PRIOR: Record<Format, number> = {
  "single-image": 0,
  carousel: 0.15,
  video: 0.1,
  story: -0.3,
  text: -0.2,
};
