/**
 * A SIMULATED account whose level drifts, for tests and the evaluation (not real data): its
 * impressions grow four-fold and its interactions per impression fall by 40% between the first
 * 40% and the last 30% of its posts, the pattern seen on a real creator account (issue 12). It
 * reports impressions only, never reach. Seeded, so every run draws the same posts.
 */
import type { Post } from "../domain/post";
import type { ContentType, Format } from "../domain/vocabulary";
import { createRandom } from "../stats/random";

export interface DriftingOptions {
  seed?: number;
  /** Impressions multiply by this over the drift (default 4). */
  impressionsGrowth?: number;
  /** Interactions per impression multiply by this over the drift (default 0.6). */
  rateChange?: number;
  /** Share of the posts before the drift starts and where it ends (default 0.4 and 0.7). */
  driftFrom?: number;
  driftTo?: number;
}

export interface DriftingHistory {
  posts: Post[];
  /** True median interactions per impression of a post with no effects, at post i (and at i = n, the next one). */
  trueRate: (i: number) => number;
  /** True median impressions of a post with no effects, at post i. */
  trueImpressions: (i: number) => number;
}

const TYPES: [ContentType, number][] = [
  ["behind-the-scenes", 0.3],
  ["product", 0],
  ["offer", -0.3],
  ["staff-spotlight", 0.2],
];
const FORMATS: [Format, number][] = [
  ["single-image", 0],
  ["carousel", 0.15],
  ["video", 0.1],
];

export function generateDriftingHistory(n: number, options: DriftingOptions = {}): DriftingHistory {
  const random = createRandom(options.seed ?? 12);
  const normal = () =>
    Math.sqrt(-2 * Math.log(Math.max(1e-12, random()))) * Math.cos(2 * Math.PI * random());
  const from = options.driftFrom ?? 0.4;
  const to = options.driftTo ?? 0.7;
  const share = (i: number) => Math.min(1, Math.max(0, (i / n - from) / (to - from)));
  const trueRate = (i: number) => 0.06 * Math.pow(options.rateChange ?? 0.6, share(i));
  const trueImpressions = (i: number) => 2000 * Math.pow(options.impressionsGrowth ?? 4, share(i));
  const posts: Post[] = [];
  let t = Date.UTC(2025, 0, 6, 9);
  for (let i = 0; i < n; i++) {
    t += Math.floor((0.6 + random() * 1.8) * 86_400_000);
    const [contentType, typeEffect] = TYPES[Math.floor(random() * TYPES.length)] as [
      ContentType,
      number,
    ];
    const [format, formatEffect] = FORMATS[Math.floor(random() * FORMATS.length)] as [
      Format,
      number,
    ];
    const impressions = Math.max(20, Math.round(trueImpressions(i) * Math.exp(0.35 * normal())));
    const interactions = Math.round(
      impressions * trueRate(i) * Math.exp(typeEffect + formatEffect + 0.45 * normal()),
    );
    posts.push({
      id: `drift-${i}`,
      platform: "instagram",
      publishedAt: new Date(t).toISOString(),
      contentType,
      format,
      impressions,
      likes: Math.round(interactions * 0.85),
      comments: Math.round(interactions * 0.1),
      shares: interactions - Math.round(interactions * 0.85) - Math.round(interactions * 0.1),
    });
  }
  return { posts, trueRate, trueImpressions };
}
