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

function matches(text: string, compiled: readonly (readonly [string, RegExp])[]): string[] {
  const found: string[] = [];
  for (const [w, re] of compiled) if (re.test(text)) found.push(w);
  return found;
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
    length: [...text].length,
    hasQuestion: QUESTION.test(text),
    hasCallToAction: CALL_TO_ACTION.test(text),
    firstPerson: FIRST_PERSON.test(text),
    emojiCount: count(text, EMOJI),
    hashtagCount: count(text, HASHTAG),
    mentionCount: count(text, MENTION),
    hasLink: LINK.test(text),
    authenticWords: text ? matches(text, AUTHENTIC_RES) : [],
    stagedWords: text ? matches(text, STAGED_RES) : [],
  };
}
