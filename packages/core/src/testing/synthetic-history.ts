/**
 * Seeded synthetic post histories with known effects, for tests, benchmarks and demo seeds: deep
 * content (behind the scenes, questions) does better, staged shoots worse, evenings beat mornings.
 */
import type { Post } from "../domain/post";
import type { ContentType, Format, Platform } from "../domain/vocabulary";
import { CONTENT_TYPES, FORMATS } from "../domain/vocabulary";
import { createRandom } from "../stats/random";

const TYPE_EFFECT: Partial<Record<ContentType, number>> = {
  "behind-the-scenes": 0.4,
  "staff-spotlight": 0.3,
  "question-poll": 0.35,
  "staged-shoot": -0.3,
  offer: -0.2,
};
const FORMAT_EFFECT: Partial<Record<Format, number>> = { carousel: 0.2, video: 0.15, text: -0.3 };

const CAPTIONS = [
  "Behind the scenes at our shop today, what should we bake next?",
  "Meet Ana, our new barista! Tell us your favourite drink.",
  "New in: our spring collection, shot in a styled photoshoot.",
  "20% off this weekend only, link in bio",
  "Our team learned a lot this week. Thank you for coming by!",
  "Exclusive luxury campaign #fashion #style #look #ootd #brand #new #spring",
];

export interface SyntheticOptions {
  seed?: number;
  platform?: Platform;
  startFollowers?: number;
  /** First post instant (ms); posts then come every ~1.5 days. */
  start?: number;
}

/** `n` posts in time order, with reach, followers and counts drawn around known effects. */
export function generateSyntheticHistory(n: number, options: SyntheticOptions = {}): Post[] {
  const random = createRandom(options.seed ?? 7);
  const normal = () => {
    const u = Math.max(1e-12, random());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const posts: Post[] = [];
  let followers = options.startFollowers ?? 5000;
  let t = options.start ?? Date.UTC(2025, 0, 6, 9);
  for (let i = 0; i < n; i++) {
    t += Math.floor((0.5 + random() * 2) * 86_400_000);
    const contentType = CONTENT_TYPES[Math.floor(random() * CONTENT_TYPES.length)] as ContentType;
    const format = FORMATS[Math.floor(random() * FORMATS.length)] as Format;
    const hour = new Date(t).getUTCHours();
    const evening = hour >= 17 && hour < 21 ? 0.25 : 0;
    const caption = CAPTIONS[Math.floor(random() * CAPTIONS.length)] as string;
    const question = caption.includes("?") ? 0.2 : 0;
    const paid = random() < 0.1;
    const reach = Math.max(10, Math.round(followers * 0.3 * Math.exp(0.4 * normal() + (paid ? 0.7 : 0))));
    const quality = Math.exp(-3.2 + (TYPE_EFFECT[contentType] ?? 0) + (FORMAT_EFFECT[format] ?? 0) + evening + question + 0.5 * normal());
    const interactions = reach * quality;
    const likes = Math.round(interactions * 0.8);
    const comments = Math.round(interactions * 0.05 * Math.exp(question * 2));
    const shares = Math.round(interactions * 0.05);
    const saves = Math.round(interactions * 0.1);
    posts.push({
      id: `syn-${i}`,
      platform: options.platform ?? "instagram",
      publishedAt: new Date(t).toISOString(),
      contentType,
      format,
      caption,
      paid,
      mediaCount: format === "carousel" ? 2 + Math.floor(random() * 6) : 1,
      followers,
      reach,
      impressions: Math.round(reach * 1.3),
      likes,
      comments,
      shares,
      saves,
    });
    followers += Math.round(followers * 0.002 * (1 + normal()));
  }
  return posts;
}
