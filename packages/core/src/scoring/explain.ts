/**
 * The score's reasons in words. What the account's own posts show ("on your account (23 posts)") is
 * kept apart from what the priors assume ("usually, across accounts"): a prior is never worded as
 * the account's own history.
 */
import { CONTENT_TYPE_LABELS, FORMAT_LABELS, WEEKDAY_NAMES } from "../domain/vocabulary";
import type { CaptionSignals } from "./caption";
import type { FeatureGroup, FeatureInput } from "./features";
import { COLUMNS, FEATURE_INDEX, P } from "./features";
import type { ScorerModel } from "./schemas";
import { CONTENT_TYPES } from "../domain/vocabulary";
import { PER_DENOMINATOR, outcomeWord, pctMore, posts } from "./words";

/** Own posts needed on each side (with and without a feature) before the account's own effect is quoted. */
export const MIN_OWN_EVIDENCE = 3;

export interface Explanation {
  factor: FeatureGroup;
  /** "account": measured on the account's own posts; "prior": what usually happens across accounts. */
  source: "account" | "prior";
  /** Multiplier against the account's usual post (account source only). */
  effect: number | null;
  /** The account's posts behind the claim. */
  n: number;
  direction: "up" | "down" | "even";
  text: string;
}

export interface DraftView {
  input: FeatureInput;
  caption: CaptionSignals;
  weekday: number | null;
  hour: number | null;
}

function describe(group: FeatureGroup, v: DraftView): string | null {
  const { input, caption } = v;
  switch (group) {
    case "contentType":
      return input.contentType
        ? `A ${CONTENT_TYPE_LABELS[input.contentType].toLowerCase()} post`
        : null;
    case "format":
      return input.format ? `The ${FORMAT_LABELS[input.format].toLowerCase()} format` : null;
    case "slot":
      return v.weekday !== null && v.hour !== null
        ? `Posting on ${WEEKDAY_NAMES[v.weekday]} around ${String(v.hour).padStart(2, "0")}:00`
        : null;
    case "captionLength":
      return caption.length === 0 ? "No caption" : `A caption of ${caption.length} characters`;
    case "question":
      return caption.hasQuestion ? "Asking a question" : "No question in the caption";
    case "callToAction":
      return caption.hasCallToAction ? "A call to action" : "No call to action";
    case "firstPerson":
      return caption.firstPerson ? "Writing in your own voice (I / we)" : "No first-person voice";
    case "emoji":
      return caption.emojiCount === 1 ? "One emoji" : `${caption.emojiCount} emoji`;
    case "hashtags":
      return caption.hashtagCount === 1 ? "One hashtag" : `${caption.hashtagCount} hashtags`;
    case "mentions":
      return caption.mentionCount === 1 ? "One mention" : `${caption.mentionCount} mentions`;
    case "link":
      return (input.hasLink ?? caption.hasLink) ? "A link in the post" : "No link in the post";
    case "media":
      return input.mediaCount ? `${input.mediaCount} photos or clips` : null;
    case "authenticity":
      if (caption.authenticWords.length > caption.stagedWords.length)
        return `Everyday wording ("${caption.authenticWords[0]}")`;
      if (caption.stagedWords.length > caption.authenticWords.length)
        return `Staged, campaign-style wording ("${caption.stagedWords[0]}")`;
      return null;
    case "paid":
      return input.paid ? "A paid boost" : "No paid boost";
    default:
      return null;
  }
}

/** The account's posts behind a group's effect for this draft: the draft's own one-hot cell, or the smaller side of a feature. */
function evidence(group: FeatureGroup, model: ScorerModel, x: Float64Array): number {
  if (group === "slot") {
    const t = model.context.timing;
    const lift = x[FEATURE_INDEX.slot] as number;
    if (!t || lift === 0) return 0;
    return Math.min(
      ...t.cells.filter((c) => Math.abs(Math.log(c.lift) - lift) < 1e-12).map((c) => c.n),
      model.n,
    );
  }
  let own = Infinity;
  let any = false;
  for (let j = 1; j < P; j++) {
    if ((COLUMNS[j] as (typeof COLUMNS)[number]).group !== group) continue;
    const c = model.columnCounts[j] as number;
    if (group === "contentType" || group === "format") {
      if (x[j] !== 0) return c;
      continue;
    }
    any = true;
    own = Math.min(own, c, model.n - c);
  }
  return any ? own : 0;
}

export function explain(
  model: ScorerModel,
  x: Float64Array,
  view: DraftView,
  max: number,
): Explanation[] {
  const beta = model.rate.beta;
  const prior = model.rate.prior;
  const contrib = new Map<FeatureGroup, number>();
  const priorContrib = new Map<FeatureGroup, number>();
  for (let j = 1; j < P; j++) {
    const g = (COLUMNS[j] as (typeof COLUMNS)[number]).group;
    const dx = (x[j] as number) - (model.columnMeans[j] as number);
    contrib.set(g, (contrib.get(g) ?? 0) + (beta[j] as number) * dx);
    priorContrib.set(g, (priorContrib.get(g) ?? 0) + (prior[j] as number) * (x[j] as number));
  }
  const per = PER_DENOMINATOR[model.denominator];
  const what = outcomeWord(model);
  const out: Explanation[] = [];
  // A content type the account has (almost) never used is scored from the prior: say so first.
  if (view.input.contentType) {
    const k = model.columnCounts[
      FEATURE_INDEX.typeBase + CONTENT_TYPES.indexOf(view.input.contentType)
    ] as number;
    if (model.directionOnly || k < MIN_OWN_EVIDENCE) {
      const label = CONTENT_TYPE_LABELS[view.input.contentType].toLowerCase();
      out.push({
        factor: "contentType",
        source: "prior",
        effect: null,
        n: k,
        direction: "even",
        text: `A ${label} post: ${k === 0 ? "never posted" : `only ${posts(k)}`} on your account, so this is what usually happens across accounts: no clear lift either way, scored like your usual post.`,
      });
    }
  }
  const groups = [...contrib.keys()].filter((g) => !(g === "contentType" && out.length > 0));
  const rows = groups
    .map((g) => {
      const own = !model.directionOnly && evidence(g, model, x) >= MIN_OWN_EVIDENCE;
      return { g, own, v: own ? (contrib.get(g) as number) : (priorContrib.get(g) as number) };
    })
    .filter((r) => Math.abs(r.v) >= Math.log(1.03))
    .sort(
      (a, b) =>
        Number(b.own) - Number(a.own) || Math.abs(b.v) - Math.abs(a.v) || a.g.localeCompare(b.g),
    );
  for (const { g, own, v } of rows) {
    if (out.length >= max) break;
    const label = describe(g, view);
    if (!label) continue;
    const direction = v >= 0 ? "up" : "down";
    const n = evidence(g, model, x);
    const shown = g === "slot" || g === "contentType" || g === "format" ? n : model.n;
    out.push(
      own
        ? {
            factor: g,
            source: "account",
            effect: Math.exp(v),
            n,
            direction,
            text: `${label}: ${pctMore(Math.exp(v))} ${what} ${per} than your usual post, on your account (${posts(shown)}).`,
          }
        : {
            factor: g,
            source: "prior",
            effect: null,
            n,
            direction,
            text: `${label} ${direction === "up" ? "usually helps" : "usually holds a post back"}, across accounts${model.directionOnly ? "" : " (not yet seen enough on your account)"}.`,
          },
    );
  }
  return out;
}
