/**
 * Insights pieces the page needs beyond lift, timing, health and cadence: lift by the source's own
 * post type (the UCI "Type": Photo / Status / Link / Video), the interaction mix, and the top and
 * bottom posts with a one-line explanation. Each number carries its denominator and n.
 */
import type { Post } from "../domain/post";
import { present } from "../domain/post";
import type { LiftOptions, LiftTable } from "../metrics/content-type-lift";
import { liftTable } from "../metrics/content-type-lift";
import { logOutcomes } from "../metrics/outcome";
import type { Denominator } from "../metrics/post-metrics";
import { interactionQuality } from "../metrics/post-metrics";
import { formatMultiple } from "../metrics/performance-index";
import { median } from "../stats/descriptive";

/** "per reach", "per follower": the denominator named beside every rate. */
export const PER_DENOMINATOR: Record<Denominator, string> = { reach: "per reach", followers: "per follower", impressions: "per impression", views: "per view" };

/**
 * Lift of each value of the source's own post type (`extra.type`), on the same scale and with the
 * same shrinkage and intervals as content-type lift. Posts without a source type are left out.
 */
export function sourceTypeLift(posts: readonly Post[], options: LiftOptions = {}): LiftTable<string> & { denominator: Denominator; n: number } {
  const out = logOutcomes(posts, options);
  const logs: number[] = [];
  const keys: string[] = [];
  out.posts.forEach((p, i) => {
    const t = p.extra?.type?.trim();
    if (t) {
      logs.push(out.logs[i] as number);
      keys.push(t);
    }
  });
  const all = [...new Set(keys)].sort();
  const { tau2: _tau2, ...table } = liftTable(logs, keys, all, (k) => k, options);
  return { ...table, denominator: out.denominator, n: logs.length };
}

export const MIX_KEYS = ["conversation", "amplification", "keeping", "applause", "clicks"] as const;

export interface MixPart {
  key: (typeof MIX_KEYS)[number];
  label: string;
  /** Median per-post rate (this kind's count per denominator); null when no post has the count. */
  medianRate: number | null;
  /** Share of all counted interactions (every kind present) over the posts; null when none. */
  share: number | null;
  denominator: Denominator;
  /** Posts behind the median: those whose source gave this count (0 = missing from the data, not zero). */
  n: number;
}

export interface InteractionMix {
  parts: MixPart[];
  /** Share of interactions that were saves (saves are deep too but not in the three groups). */
  saveShare: number | null;
  totalInteractions: number;
  denominator: Denominator;
  n: number;
  summary: string;
}

type MixField = "comments" | "shares" | "saves" | "likes" | "clicks";
const MIX: { key: MixPart["key"]; label: string; field: MixField }[] = [
  { key: "conversation", label: "Conversation (comments)", field: "comments" },
  { key: "amplification", label: "Amplification (shares)", field: "shares" },
  { key: "keeping", label: "Keeping (saves)", field: "saves" },
  { key: "applause", label: "Applause (likes)", field: "likes" },
  { key: "clicks", label: "Clicks", field: "clicks" },
];
const FIELDS = MIX.map((m) => m.field);

/**
 * Every interaction kind a source gives (comments, shares, saves, likes, and clicks where a source
 * has them): median rate per post and share of all interactions. A kind no post has stays in the
 * list with n = 0 (missing, not zero), except clicks, which only some sources count at all.
 */
export function interactionMix(posts: readonly Post[], options: { denominator?: Denominator } = {}): InteractionMix {
  const denominator = options.denominator ?? logOutcomes(posts).denominator;
  const totals: Record<MixField, number> = { comments: 0, shares: 0, saves: 0, likes: 0, clicks: 0 };
  const rates: Record<MixField, number[]> = { comments: [], shares: [], saves: [], likes: [], clicks: [] };
  let n = 0;
  for (const p of posts) {
    const d = p[denominator];
    if (!present(d) || d <= 0) continue;
    let counted = false;
    for (const f of FIELDS) {
      const v = p[f];
      if (present(v)) {
        rates[f].push(v / d);
        totals[f] += v;
        counted = true;
      }
    }
    if (counted) n++;
  }
  const total = FIELDS.reduce((sum, f) => sum + totals[f], 0);
  const parts = MIX.filter(({ field }) => field !== "clicks" || rates.clicks.length > 0).map(({ key, label, field }): MixPart => ({
    key,
    label,
    medianRate: median(rates[field]),
    share: total > 0 && rates[field].length > 0 ? totals[field] / total : null,
    denominator,
    n: rates[field].length,
  }));
  const deep = total > 0 ? (totals.comments + totals.shares + totals.saves) / total : null;
  const summary =
    n === 0
      ? `Not enough posts yet: no post has both interactions and a ${denominator} count.`
      : `${deep === null ? "No interactions yet" : `${Math.round(deep * 100)}% of interactions were comments, shares or saves`} over ${n} posts.${rates.saves.length === 0 ? " Saves are not in your data (the files imported so far do not count them)." : ""}`;
  return { parts, saveShare: total > 0 ? totals.saves / total : null, totalInteractions: total, denominator, n, summary };
}

export interface RankedWithReason {
  post: Post;
  rate: number;
  denominator: Denominator;
  /** The post's rate over the median post's rate. */
  vsMedian: number | null;
  explanation: string[];
}

export interface TopBottom {
  top: RankedWithReason[];
  bottom: RankedWithReason[];
  denominator: Denominator;
  medianRate: number | null;
  n: number;
}

function explain(p: Post, rate: number, typical: number | null, denominator: Denominator, n: number, med: Record<"comments" | "shares" | "likes", number | null>): string[] {
  const lines: string[] = [];
  const per = PER_DENOMINATOR[denominator];
  if (typical !== null && typical > 0) lines.push(`${formatMultiple(rate / typical)} the median post's interaction quality ${per} (median of ${n} posts).`);
  const d = p[denominator];
  if (present(d) && d > 0) {
    for (const [f, word] of [["comments", "comments"], ["shares", "shares"], ["likes", "likes"]] as const) {
      const v = p[f];
      const m = med[f];
      if (present(v) && m !== null && m > 0) {
        const ratio = v / d / m;
        if (ratio >= 2 || ratio <= 0.5) lines.push(`${word[0]!.toUpperCase()}${word.slice(1)}  ${per}: ${formatMultiple(ratio)} the median.`);
      }
    }
  }
  return lines;
}

/** The best and worst posts by interaction quality on one denominator, each with why it stands out. */
export function topAndBottomPosts(posts: readonly Post[], options: { limit?: number; denominator?: Denominator } = {}): TopBottom {
  const limit = options.limit ?? 5;
  const denominator = options.denominator ?? logOutcomes(posts).denominator;
  const ranked: { post: Post; rate: number }[] = [];
  for (const p of posts) {
    const r = interactionQuality(p, { denominator });
    if (r && r.denominator === denominator) ranked.push({ post: p, rate: r.value });
  }
  ranked.sort((a, b) => b.rate - a.rate);
  const typical = median(ranked.map((r) => r.rate));
  const med = { comments: [] as number[], shares: [] as number[], likes: [] as number[] };
  for (const { post } of ranked) {
    const d = post[denominator] as number;
    for (const f of ["comments", "shares", "likes"] as const) {
      const v = post[f];
      if (present(v)) med[f].push(v / d);
    }
  }
  const medians = { comments: median(med.comments), shares: median(med.shares), likes: median(med.likes) };
  const wrap = (r: { post: Post; rate: number }): RankedWithReason => ({
    post: r.post,
    rate: r.rate,
    denominator,
    vsMedian: typical !== null && typical > 0 ? r.rate / typical : null,
    explanation: explain(r.post, r.rate, typical, denominator, ranked.length, medians),
  });
  // Fewer than twice the limit: top and bottom would overlap, so only the top is shown.
  const top = ranked.slice(0, limit).map(wrap);
  const bottom = ranked.length >= limit * 2 ? ranked.slice(-limit).reverse().map(wrap) : [];
  return { top, bottom, denominator, medianRate: typical, n: ranked.length };
}
