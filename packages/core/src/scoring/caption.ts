/**
 * What a caption says about a post, read with cheap regular expressions so it can run on every
 * keystroke: a question, a call to action, first-person voice, emoji, hashtags, mentions, a link,
 * and authentic versus staged vocabulary.
 */

export interface CaptionSignals {
  length: number;
  hasQuestion: boolean;
  hasCallToAction: boolean;
  firstPerson: boolean;
  emojiCount: number;
  hashtagCount: number;
  mentionCount: number;
  hasLink: boolean;
  authenticWords: string[];
  stagedWords: string[];
}

const QUESTION = /\?|^(who|what|which|when|where|why|how|would|do|does|did|is|are|can|should)\b/im;
const CALL_TO_ACTION =
  /\b(comment|tell us|tell me|let us know|let me know|tag (a|your)|share (this|with)|save (this|for later)|dm us|dm me|message us|link in bio|shop now|book now|order now|sign up|visit us|come (by|in|see)|stop by|swipe|vote|reply|drop an?)\b/i;
const FIRST_PERSON = /\b(i|i'm|i've|i'd|me|my|mine|we|we're|we've|our|ours|us)\b/i;
const EMOJI = /\p{Extended_Pictographic}/gu;
const HASHTAG = /(^|\s)#[\p{L}\p{N}_]+/gu;
const MENTION = /(^|\s)@[\p{L}\p{N}_.]+/gu;
const LINK = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.|\b[a-z0-9-]+\.(com|net|org|shop|store|co|io)\b/i;

/** Words that read as real life (why: authentic content earns deeper interactions than polished ads). */
export const AUTHENTIC_VOCABULARY = [
  "behind the scenes",
  "our team",
  "today",
  "this morning",
  "real",
  "honest",
  "messy",
  "first try",
  "oops",
  "work in progress",
  "we made",
  "i made",
  "our kitchen",
  "our shop",
  "family",
  "thank you",
  "regulars",
  "proud",
  "learned",
] as const;

/** Words that read as a staged campaign. */
export const STAGED_VOCABULARY = [
  "photoshoot",
  "photo shoot",
  "campaign",
  "exclusive",
  "luxury",
  "flawless",
  "perfect",
  "collection",
  "limited edition",
  "model",
  "styled",
  "editorial",
  "premium",
  "iconic",
] as const;

// Compiled once: captions are read on every keystroke and for every post in a history.
const compile = (words: readonly string[]) =>
  words.map((w) => [w, new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i")] as const);
const AUTHENTIC_RES = compile(AUTHENTIC_VOCABULARY);
const STAGED_RES = compile(STAGED_VOCABULARY);
// One alternation per list rules most captions out in a single pass (training reads every post's caption).
const any = (words: readonly string[]) => new RegExp(`\\b(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})\\b`, "i");
const AUTHENTIC_ANY = any(AUTHENTIC_VOCABULARY);
const STAGED_ANY = any(STAGED_VOCABULARY);

function matches(text: string, anyOf: RegExp, compiled: readonly (readonly [string, RegExp])[]): string[] {
  if (!anyOf.test(text)) return [];
  const found: string[] = [];
  for (const [w, re] of compiled) if (re.test(text)) found.push(w);
  return found;
}

/** Length in code points (what a person counts), without building an array. */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || text.charCodeAt(i - 1) < 0xd800 || text.charCodeAt(i - 1) > 0xdbff) n++;
  }
  return n;
}

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

export function analyzeCaption(caption: string | null | undefined): CaptionSignals {
  const text = caption ?? "";
  return {
    length: codePoints(text),
    hasQuestion: QUESTION.test(text),
    hasCallToAction: CALL_TO_ACTION.test(text),
    firstPerson: FIRST_PERSON.test(text),
    emojiCount: count(text, EMOJI),
    hashtagCount: count(text, HASHTAG),
    mentionCount: count(text, MENTION),
    hasLink: LINK.test(text),
    authenticWords: text ? matches(text, AUTHENTIC_ANY, AUTHENTIC_RES) : [],
    stagedWords: text ? matches(text, STAGED_ANY, STAGED_RES) : [],
  };
}
