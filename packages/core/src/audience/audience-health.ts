/**
 * Audience health: signals about whether an audience is real and engaged, each shown with its
 * evidence and worded as evidence ("worth a look"), never as a verdict ("fake").
 */
import type { FollowerSnapshot, Post } from "../domain/post";
import { present } from "../domain/post";
import type { AccountKind, Platform } from "../domain/vocabulary";
import { engagementRate } from "../metrics/post-metrics";
import { mean, median, modifiedZScores } from "../stats/descriptive";
import type { Benchmark } from "../scoring/benchmarks";
import { benchmarkFor } from "../scoring/benchmarks";

export type SignalStatus = "typical" | "worth-a-look" | "not-enough-data";

export interface HealthSignal {
  key: "ratePerFollower" | "followerJumps" | "commentToLike" | "likeSpread";
  title: string;
  status: SignalStatus;
  /** The measured value, with what it is measured over. */
  value: number | null;
  denominator: string;
  n: number;
  /** Points taken off the trust score (0 when typical or without data). */
  deduction: number;
  evidence: string;
}

export interface FollowerJump {
  date: string;
  change: number;
  modifiedZ: number;
  direction: "spike" | "drop";
}

export interface AudienceHealth {
  /** 0-100; 100 means no signal is worth a look. */
  trustScore: number;
  signals: HealthSignal[];
  jumps: FollowerJump[];
  benchmark: Benchmark | null;
  summary: string;
}

export interface AudienceHealthOptions {
  platform: Platform;
  accountKind?: AccountKind;
  snapshots?: readonly FollowerSnapshot[];
  /** Smallest daily change worth flagging; default max(20, 0.5% of followers). */
  jumpFloor?: number;
}

const pctText = (v: number, digits = 2) => `${(v * 100).toFixed(digits)}%`;

/** Daily changes whose modified z-score exceeds 3.5 and whose size passes the floor. */
export function followerJumps(snapshots: readonly FollowerSnapshot[], floor?: number): { jumps: FollowerJump[]; n: number } {
  const sorted = [...snapshots].sort((a, b) => a.date.localeCompare(b.date));
  const changes: { date: string; change: number }[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as FollowerSnapshot;
    const cur = sorted[i] as FollowerSnapshot;
    changes.push({ date: cur.date, change: cur.followers - prev.followers });
  }
  if (changes.length < 7) return { jumps: [], n: changes.length };
  const z = modifiedZScores(changes.map((c) => c.change));
  const followers = median(sorted.map((s) => s.followers)) ?? 0;
  const minSize = floor ?? Math.max(20, 0.005 * followers);
  const jumps: FollowerJump[] = [];
  changes.forEach((c, i) => {
    const zi = z[i] ?? 0;
    if (Math.abs(zi) > 3.5 && Math.abs(c.change) >= minSize) {
      jumps.push({ date: c.date, change: c.change, modifiedZ: zi, direction: c.change > 0 ? "spike" : "drop" });
    }
  });
  return { jumps, n: changes.length };
}

export function audienceHealth(posts: readonly Post[], options: AudienceHealthOptions): AudienceHealth {
  const signals: HealthSignal[] = [];
  const followers = median(posts.map((p) => p.followers).filter((f): f is number => present(f) && f > 0));
  const benchmark = followers !== null ? benchmarkFor(options.platform, followers, options.accountKind ?? "brand") : null;

  // 1. Interactions per follower against the tier benchmark.
  const rates = posts.map((p) => engagementRate(p, { denominator: "followers" })).filter((r) => r !== null).map((r) => r.value);
  const typicalRate = median(rates);
  if (typicalRate === null || rates.length < 5 || !benchmark) {
    signals.push({ key: "ratePerFollower", title: "Interactions per follower", status: "not-enough-data", value: typicalRate, denominator: "followers", n: rates.length, deduction: 0, evidence: `Needs 5 posts with interactions and a follower count (found ${rates.length}).` });
  } else {
    const ratio = typicalRate / benchmark.ratePerFollower;
    const low = ratio < 0.25;
    signals.push({
      key: "ratePerFollower",
      title: "Interactions per follower",
      status: low ? "worth-a-look" : "typical",
      value: typicalRate,
      denominator: "followers",
      n: rates.length,
      deduction: low ? 30 : ratio < 0.5 ? 10 : 0,
      evidence: `Your median post gets ${pctText(typicalRate)} of your followers interacting (${rates.length} posts); similar ${benchmark.accountKind} accounts on ${options.platform} with ${benchmark.tier}-tier followings get about ${pctText(benchmark.ratePerFollower)}.${low ? " Far below that can mean many followers no longer see or care about the posts." : ""}`,
    });
  }

  // 2. Follower spikes and drops.
  let jumps: FollowerJump[] = [];
  if (!options.snapshots || options.snapshots.length < 8) {
    signals.push({ key: "followerJumps", title: "Sudden follower changes", status: "not-enough-data", value: null, denominator: "days", n: options.snapshots?.length ?? 0, deduction: 0, evidence: "Needs at least 8 daily follower counts." });
  } else {
    const found = followerJumps(options.snapshots, options.jumpFloor);
    jumps = found.jumps;
    const spikes = jumps.filter((j) => j.direction === "spike");
    signals.push({
      key: "followerJumps",
      title: "Sudden follower changes",
      status: jumps.length ? "worth-a-look" : "typical",
      value: jumps.length,
      denominator: "days",
      n: found.n,
      deduction: Math.min(30, spikes.length * 15 + (jumps.length - spikes.length) * 5),
      evidence: jumps.length
        ? `${jumps.length} of ${found.n} days changed far more than usual (${jumps.map((j) => `${j.date}: ${j.change > 0 ? "+" : ""}${j.change}`).join(", ")}). A sudden jump without a post or event behind it is worth checking.`
        : `No unusual day among ${found.n} daily changes.`,
    });
  }

  // 3. Comments per like.
  const withBoth = posts.filter((p) => present(p.likes) && present(p.comments));
  const likes = withBoth.reduce((a, p) => a + (p.likes as number), 0);
  const comments = withBoth.reduce((a, p) => a + (p.comments as number), 0);
  if (withBoth.length < 5 || likes < 50) {
    signals.push({ key: "commentToLike", title: "Comments per like", status: "not-enough-data", value: likes > 0 ? comments / likes : null, denominator: "likes", n: withBoth.length, deduction: 0, evidence: `Needs 5 posts and 50 likes with comment counts (found ${withBoth.length} posts, ${likes} likes).` });
  } else {
    const ratio = comments / likes;
    const low = ratio < 0.005;
    signals.push({
      key: "commentToLike",
      title: "Comments per like",
      status: low ? "worth-a-look" : "typical",
      value: ratio,
      denominator: "likes",
      n: withBoth.length,
      deduction: low ? 20 : 0,
      evidence: `${comments} comments for ${likes} likes over ${withBoth.length} posts (${pctText(ratio, 1)}).${low ? " Most accounts see at least 1 comment per 100 likes; far fewer can mean likes from people who never talk back." : ""}`,
    });
  }

  // 4. Spread of likes across posts: real audiences are uneven; near-identical counts are unusual.
  const likeCounts = posts.map((p) => p.likes).filter((l): l is number => present(l) && l > 0);
  if (likeCounts.length < 8) {
    signals.push({ key: "likeSpread", title: "How likes vary between posts", status: "not-enough-data", value: null, denominator: "posts", n: likeCounts.length, deduction: 0, evidence: `Needs 8 posts with likes (found ${likeCounts.length}).` });
  } else {
    const m = mean(likeCounts) as number;
    const sd = Math.sqrt(likeCounts.reduce((a, v) => a + (v - m) ** 2, 0) / (likeCounts.length - 1));
    const cv = sd / m;
    const flat = cv < 0.1;
    signals.push({
      key: "likeSpread",
      title: "How likes vary between posts",
      status: flat ? "worth-a-look" : "typical",
      value: cv,
      denominator: "posts",
      n: likeCounts.length,
      deduction: flat ? 20 : 0,
      evidence: `Likes vary by ${pctText(cv, 0)} around the average of ${Math.round(m)} over ${likeCounts.length} posts.${flat ? " Real audiences usually vary much more from post to post; near-identical counts are unusual." : ""}`,
    });
  }

  const trustScore = Math.max(0, 100 - signals.reduce((a, s) => a + s.deduction, 0));
  const look = signals.filter((s) => s.status === "worth-a-look");
  return {
    trustScore,
    signals,
    jumps,
    benchmark,
    summary: look.length ? `${look.length} signal${look.length > 1 ? "s are" : " is"} worth a look: ${look.map((s) => s.title.toLowerCase()).join(", ")}.` : "Nothing unusual in the signals we could check.",
  };
}
