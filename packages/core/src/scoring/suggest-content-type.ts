/** Suggests content types from a caption by keyword evidence, so a draft can be tagged in one click. */
import type { ContentType } from "../domain/vocabulary";
import { CONTENT_TYPE_LABELS } from "../domain/vocabulary";

const KEYWORDS: Record<ContentType, readonly string[]> = {
  "photo-dump": ["photo dump", "dump", "random pics", "camera roll", "lately", "recap", "week in pictures"],
  "behind-the-scenes": ["behind the scenes", "bts", "tour", "how we make", "how it's made", "sneak peek", "prep", "workshop", "studio"],
  "staff-spotlight": ["meet", "our team", "staff", "employee", "barista", "chef", "colleague", "welcome to the team", "spotlight"],
  "customer-repost": ["repost", "regram", "thanks for sharing", "customer", "via @", "shared by", "you tagged us", "from our customer"],
  "uncurated-lifestyle": ["sunday", "weekend", "morning", "coffee", "mood", "vibes", "life lately", "just", "everyday"],
  product: ["new in", "now available", "in stock", "restock", "our new", "product", "made with", "ingredients", "available in"],
  offer: ["sale", "discount", "% off", "off", "deal", "promo", "code", "giveaway", "contest", "free", "win"],
  announcement: ["announce", "announcing", "news", "opening", "closed", "hours", "coming soon", "launch", "event", "update"],
  "question-poll": ["which", "would you", "vote", "poll", "tell us", "what's your", "favorite", "favourite", "?"],
  "staged-shoot": ["photoshoot", "photo shoot", "campaign", "editorial", "styled", "model", "lookbook", "shot by"],
};

export interface ContentTypeSuggestion {
  contentType: ContentType;
  label: string;
  /** Keywords found, as evidence. */
  matched: string[];
  /** Share of all keyword matches in the caption (0-1). */
  confidence: number;
}

/** Content types ranked by keyword matches; empty when nothing matches. */
export function suggestContentType(caption: string | null | undefined): ContentTypeSuggestion[] {
  const text = (caption ?? "").toLowerCase();
  if (!text.trim()) return [];
  const scored: ContentTypeSuggestion[] = [];
  let total = 0;
  for (const [type, words] of Object.entries(KEYWORDS) as [ContentType, readonly string[]][]) {
    const matched = words.filter((w) => (/^[\p{L}]/u.test(w) ? new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u").test(text) : text.includes(w)));
    if (matched.length) {
      scored.push({ contentType: type, label: CONTENT_TYPE_LABELS[type], matched, confidence: matched.length });
      total += matched.length;
    }
  }
  return scored
    .map((s) => ({ ...s, confidence: s.confidence / total }))
    .sort((a, b) => b.confidence - a.confidence || a.contentType.localeCompare(b.contentType))
    .slice(0, 3);
}
