/**
 * Caption length rules per platform, counted the way each platform counts. Pure: the editor runs it
 * on every keystroke and the server checks the same limits on save.
 *
 * Sources (checked 2026-11):
 * - X: twitter-text's v3 configuration (weighted length: code points in the Latin, General
 *   Punctuation and similar ranges weigh 1, everything else 2 — CJK, emoji; any URL counts as 23;
 *   an emoji sequence counts once, as 2; text is NFC-normalized first; limit 280).
 * - Instagram: 2,200 characters, at most 30 hashtags and 20 mentions (Instagram help centre).
 * - Facebook: 63,206 characters for a post.
 * - TikTok: 2,200 characters, the limit of TikTok's Content Posting API that scheduled posts go
 *   through (the app itself allows ~4,000 for some accounts; 2,200 is the one safe everywhere).
 * - LinkedIn: 3,000 characters for a post.
 */
import type { Platform } from "../domain/vocabulary";
import { PLATFORM_LABELS, PLATFORMS } from "../domain/vocabulary";

export interface CaptionRules {
  platform: Platform;
  maxLength: number;
  maxHashtags: number | null;
  maxMentions: number | null;
  /** How the length is counted, in words a shop owner understands. */
  countingNote: string;
}

export const CAPTION_RULES: Record<Platform, CaptionRules> = {
  instagram: { platform: "instagram", maxLength: 2200, maxHashtags: 30, maxMentions: 20, countingNote: "characters; at most 30 hashtags and 20 mentions" },
  facebook: { platform: "facebook", maxLength: 63206, maxHashtags: null, maxMentions: null, countingNote: "characters" },
  tiktok: { platform: "tiktok", maxLength: 2200, maxHashtags: null, maxMentions: null, countingNote: "characters (the limit for scheduled posts)" },
  x: { platform: "x", maxLength: 280, maxHashtags: null, maxMentions: null, countingNote: "weighted characters: links count as 23, emoji and CJK as 2" },
  linkedin: { platform: "linkedin", maxLength: 3000, maxHashtags: null, maxMentions: null, countingNote: "characters" },
};

/** twitter-text v3: code point ranges that weigh 100 (one character); everything else weighs 200. */
const X_LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];
const X_URL_LENGTH = 23;

// URLs as twitter-text finds them, simplified: a scheme, or a www./bare domain with a known TLD.
const URL_PATTERN =
  /\b(?:https?:\/\/[^\s<>"]+|(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.(?:com|net|org|io|co|uk|de|fr|es|it|nl|pt|br|ca|au|us|eu|info|shop|store|app|dev|me|ly|gl|be|ch|at|se|no|dk|fi|pl|ie|nz|in|jp|cn|ru)(?:\/[^\s<>"]*)?)(?=$|[\s.,!?;:)\]}'"])/giu;
const HASHTAG_PATTERN = /(?:^|[^\p{L}\p{N}_&/])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu;
const MENTION_PATTERN = /(?:^|[^\p{L}\p{N}_.@])@([A-Za-z0-9_.]{1,30})/gu;
const EMOJI_SEQUENCE =
  /\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?(?:\u200D\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?)*/gu;

function xWeight(codePoint: number): number {
  for (const [lo, hi] of X_LIGHT_RANGES) if (codePoint >= lo && codePoint <= hi) return 1;
  return 2;
}

/** Characters as a person counts them: code points, so an emoji is one, not two UTF-16 units. */
export function countCodePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** X's weighted length (twitter-text v3 rules). */
export function xWeightedLength(text: string): number {
  let s = text.normalize("NFC");
  let length = 0;
  s = s.replace(URL_PATTERN, () => {
    length += X_URL_LENGTH;
    return "";
  });
  s = s.replace(EMOJI_SEQUENCE, () => {
    length += 2;
    return "";
  });
  for (const ch of s) length += xWeight(ch.codePointAt(0) as number);
  return length;
}

export function countHashtags(text: string): number {
  return [...text.matchAll(HASHTAG_PATTERN)].length;
}

export function countMentions(text: string): number {
  return [...text.matchAll(MENTION_PATTERN)].length;
}

export interface CaptionCount {
  platform: Platform;
  label: string;
  length: number;
  maxLength: number;
  remaining: number;
  hashtags: number;
  maxHashtags: number | null;
  mentions: number;
  maxMentions: number | null;
  ok: boolean;
  /** Plain-language problems, empty when the caption fits. */
  problems: string[];
}

const nf = new Intl.NumberFormat("en");

/** Counts a caption against one platform's limits. */
export function countCaption(text: string, platform: Platform): CaptionCount {
  const rules = CAPTION_RULES[platform];
  const length = platform === "x" ? xWeightedLength(text) : countCodePoints(text);
  const hashtags = countHashtags(text);
  const mentions = countMentions(text);
  const problems: string[] = [];
  const label = PLATFORM_LABELS[platform];
  if (length > rules.maxLength) {
    problems.push(`${label} allows ${nf.format(rules.maxLength)} ${platform === "x" ? "weighted characters" : "characters"}; this caption has ${nf.format(length)} (${nf.format(length - rules.maxLength)} too many).`);
  }
  if (rules.maxHashtags !== null && hashtags > rules.maxHashtags) {
    problems.push(`${label} allows ${rules.maxHashtags} hashtags; this caption has ${hashtags}.`);
  }
  if (rules.maxMentions !== null && mentions > rules.maxMentions) {
    problems.push(`${label} allows ${rules.maxMentions} mentions; this caption has ${mentions}.`);
  }
  return {
    platform,
    label,
    length,
    maxLength: rules.maxLength,
    remaining: rules.maxLength - length,
    hashtags,
    maxHashtags: rules.maxHashtags,
    mentions,
    maxMentions: rules.maxMentions,
    ok: problems.length === 0,
    problems,
  };
}

/** Counts a caption against every platform (the editor shows them all). */
export function countCaptionAllPlatforms(text: string): CaptionCount[] {
  return PLATFORMS.map((p) => countCaption(text, p));
}
