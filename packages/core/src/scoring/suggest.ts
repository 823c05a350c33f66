/**
 * What to change: caption rules (a question, a call to action, first-person voice, the link, fewer
 * hashtags), the best slot from the account's timing heatmap, and the best alternative format or
 * content type, each with the posts behind it, and worded as the account's own or as a prior.
 */
import type { ContentType, Format } from "../domain/vocabulary";
import {
  CONTENT_TYPES,
  CONTENT_TYPE_LABELS,
  FORMATS,
  FORMAT_LABELS,
  WEEKDAY_NAMES,
} from "../domain/vocabulary";
import type { DraftView } from "./explain";
import { MIN_OWN_EVIDENCE } from "./explain";
import { FEATURE_INDEX as I } from "./features";
import type { ScorerModel } from "./schemas";
import { times } from "./words";

export interface Suggestion {
  kind:
    | "question"
    | "callToAction"
    | "firstPerson"
    | "link"
    | "hashtags"
    | "slot"
    | "format"
    | "contentType";
  /** Expected multiplier if followed, on the account's own posts; null when the prior speaks. */
  gain: number | null;
  /** The account's posts behind the claim. */
  n: number;
  text: string;
}

export interface SlotAdvice {
  weekday: number;
  startHour: number;
  endHour: number;
  label: string;
  /** The best slot's lift against the account's typical post, and its 95% range. */
  lift: number;
  low: number;
  high: number;
  n: number;
  /** The draft's planned slot's lift (1 when unplanned or too few posts there). */
  currentLift: number;
  text: string;
}

/** Among the options of a one-hot group, the best one with enough own posts that beats the current one. */
function bestAlternative<T extends string>(
  options: readonly T[],
  base: number,
  current: T,
  model: ScorerModel,
  skip: (t: T) => boolean = () => false,
) {
  const b = model.rate.beta;
  const c = model.columnCounts;
  let best: { option: T; gain: number; n: number } | null = null;
  const cur = b[base + options.indexOf(current)] as number;
  options.forEach((o, i) => {
    if (o === current || skip(o) || (c[base + i] as number) < MIN_OWN_EVIDENCE) return;
    const gain = (b[base + i] as number) - cur;
    if (gain > (best?.gain ?? 0)) best = { option: o, gain, n: c[base + i] as number };
  });
  return best as { option: T; gain: number; n: number } | null;
}

/** The editor's slot advice: the insights page's best slot (`bestSlots` of the same heatmap), when the draft is not in it. */
export function slotAdvice(model: ScorerModel, view: DraftView): SlotAdvice | null {
  const t = model.context.timing;
  const best = t?.best[0];
  // With too few posts the scorer gives direction only, and a slot's lift is a number.
  if (!t || !best || model.directionOnly) return null;
  const block = view.hour !== null ? Math.floor(view.hour / t.blockHours) : null;
  if (view.weekday === best.weekday && block === best.block) return null;
  const cell = t.cells.find((c) => c.weekday === view.weekday && c.block === block);
  const currentLift = cell?.lift ?? 1;
  if (best.lift <= currentLift) return null;
  const range = `95% range ${times(best.low)}-${times(best.high)}`;
  const text =
    view.weekday === null
      ? `${best.label} has been your best slot: ${times(best.lift)} your typical post, from ${best.n} posts (${range}).`
      : `${best.label} has been your best slot: ${times(best.lift)} your typical post, from ${best.n} posts (${range}); ${WEEKDAY_NAMES[view.weekday]}'s slot here: ${cell ? `${times(currentLift)}` : "typical"}.`;
  return {
    weekday: best.weekday,
    startHour: best.startHour,
    endHour: best.endHour,
    label: best.label,
    lift: best.lift,
    low: best.low,
    high: best.high,
    n: best.n,
    currentLift,
    text,
  };
}

export function suggest(
  model: ScorerModel,
  x: Float64Array,
  view: DraftView,
  slot: SlotAdvice | null,
): Suggestion[] {
  const b = model.rate.beta;
  const prior = model.rate.prior;
  const c = model.columnCounts;
  const { caption, input } = view;
  const list: Suggestion[] = [];
  // The account's own effect needs MIN_OWN_EVIDENCE posts on each side; otherwise the prior speaks, without a number.
  const add = (
    kind: Suggestion["kind"],
    column: number,
    delta: number,
    plain: string,
    withNumbers: string,
  ) => {
    const k = Math.min(c[column] as number, model.n - (c[column] as number));
    const own = !model.directionOnly && k >= MIN_OWN_EVIDENCE;
    const logGain = (own ? (b[column] as number) : (prior[column] as number)) * delta;
    if (!(logGain > Math.log(1.05))) return;
    list.push({
      kind,
      gain: own ? Math.exp(logGain) : null,
      n: own ? k : 0,
      text: own ? withNumbers.replace("{x}", times(Math.exp(logGain))) : plain,
    });
  };
  if (!caption.hasQuestion)
    add(
      "question",
      I.question,
      1,
      "Ask a question to invite comments: it usually helps, across accounts.",
      "Ask a question to invite comments: posts with one do about {x} as well on your account.",
    );
  if (!caption.hasCallToAction)
    add(
      "callToAction",
      I.callToAction,
      1,
      'Add a call to action, such as "tell us in the comments": it usually helps, across accounts.',
      'Add a call to action, such as "tell us in the comments": about {x} as well on your account.',
    );
  if (!caption.firstPerson && caption.length > 0)
    add(
      "firstPerson",
      I.firstPerson,
      1,
      "Write in your own voice (I / we): people answer people, across accounts.",
      "Write in your own voice (I / we): about {x} as well on your account.",
    );
  if ((x[I.link] as number) > 0)
    add(
      "link",
      I.link,
      -1,
      "Move the link to your bio or the first comment: links usually hold a post back, across accounts.",
      "Move the link to your bio or the first comment: posts without one do {x} as well on your account.",
    );
  if (caption.hashtagCount > 5)
    add(
      "hashtags",
      I.hashtags,
      Math.log1p(3) / Math.log(31) - (x[I.hashtags] as number),
      "Use three to five focused hashtags instead of many.",
      "Use three focused hashtags instead of many: about {x} as well on your account.",
    );
  if (slot) {
    const own = !model.directionOnly;
    list.push({
      kind: "slot",
      gain: own ? slot.lift / slot.currentLift : null,
      n: slot.n,
      text: slot.text,
    });
  }
  if (!model.directionOnly && input.format) {
    const alt = bestAlternative<Format>(
      FORMATS,
      I.formatBase,
      input.format,
      model,
      (f) => f === "story",
    );
    if (alt && alt.gain > Math.log(1.05))
      list.push({
        kind: "format",
        gain: Math.exp(alt.gain),
        n: alt.n,
        text: `Consider a ${FORMAT_LABELS[alt.option].toLowerCase()}: it does ${times(Math.exp(alt.gain))} as well as a ${FORMAT_LABELS[input.format].toLowerCase()} on your account (${alt.n} posts).`,
      });
  }
  if (!model.directionOnly && input.contentType) {
    const alt = bestAlternative<ContentType>(CONTENT_TYPES, I.typeBase, input.contentType, model);
    if (alt && alt.gain > Math.log(1.05))
      list.push({
        kind: "contentType",
        gain: Math.exp(alt.gain),
        n: alt.n,
        text: `${CONTENT_TYPE_LABELS[alt.option]} posts do ${times(Math.exp(alt.gain))} as well as ${CONTENT_TYPE_LABELS[input.contentType].toLowerCase()} posts on your account (${alt.n} posts).`,
      });
  }
  return list
    .sort((a, b2) => (b2.gain ?? 0) - (a.gain ?? 0) || a.kind.localeCompare(b2.kind))
    .slice(0, 3);
}
