/**
 * The demo's planned fortnight: a dozen example drafts across this week and next (relative to the
 * day the seed runs), in several content types, some scheduled and one waiting for review, on the
 * UCI Facebook page and on an Instagram profile with example images; plus two posting slots taken
 * from the page's own heatmap. Everything goes through the procedures a person would use; the
 * drafts are flagged `is_example` so the UI labels them. Skipped when the examples exist.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, count, drafts, eq, socialProfiles, type Database } from "@rapport/db";
import { createSession, generateSessionToken, invalidateSession } from "@rapport/api/auth";
import { ingestMedia } from "@rapport/api/media";
import type { MediaStorage } from "@rapport/api/storage";
import { callerFor } from "@rapport/api/testing";
import { addDaysToLocalDate, localDateTimeOf } from "@rapport/core";
import { gradientPng } from "./demo-images";

interface PlannedExample {
  profile: "facebook" | "instagram";
  /** Days after today on the profile's clock. */
  day: number;
  time: string;
  contentType: string;
  format: "single-image" | "carousel" | "video" | "text";
  caption: string;
  status: "draft" | "scheduled" | "in_review";
  colours?: readonly [readonly [number, number, number], readonly [number, number, number]];
}

const EXAMPLES: readonly PlannedExample[] = [
  {
    profile: "facebook",
    day: 0,
    time: "20:00",
    contentType: "question-poll",
    format: "text",
    caption:
      "Quick question for you: what's the one product you'd take to a desert island? Tell us below 👇",
    status: "scheduled",
  },
  {
    profile: "instagram",
    day: 1,
    time: "09:00",
    contentType: "behind-the-scenes",
    format: "single-image",
    caption: "Monday at the lab: batch 214 of our night cream, mixed by hand as always.",
    status: "scheduled",
    colours: [
      [232, 196, 178],
      [154, 104, 92],
    ],
  },
  {
    profile: "facebook",
    day: 1,
    time: "13:00",
    contentType: "staff-spotlight",
    format: "single-image",
    caption: "Meet Inês, who has answered every one of your emails for six years. Say hi!",
    status: "draft",
    colours: [
      [250, 226, 200],
      [206, 150, 110],
    ],
  },
  {
    profile: "instagram",
    day: 2,
    time: "18:00",
    contentType: "customer-repost",
    format: "single-image",
    caption: "Your photos, our favourite part of the week. Thank you @ana.skin for this one.",
    status: "in_review",
    colours: [
      [206, 224, 214],
      [98, 140, 122],
    ],
  },
  {
    profile: "facebook",
    day: 3,
    time: "10:00",
    contentType: "product",
    format: "single-image",
    caption: "The new SPF 30 day cream is here: light, no white cast, and kind to sensitive skin.",
    status: "scheduled",
    colours: [
      [255, 236, 204],
      [226, 170, 96],
    ],
  },
  {
    profile: "instagram",
    day: 4,
    time: "12:30",
    contentType: "photo-dump",
    format: "carousel",
    caption: "A week in pictures: new shelves, old friends and far too much coffee.",
    status: "draft",
    colours: [
      [220, 214, 240],
      [120, 108, 170],
    ],
  },
  {
    profile: "facebook",
    day: 5,
    time: "19:00",
    contentType: "uncurated-lifestyle",
    format: "text",
    caption: "Sunday evening, face mask on, phone off. How do you wind down?",
    status: "draft",
  },
  {
    profile: "facebook",
    day: 7,
    time: "09:30",
    contentType: "announcement",
    format: "text",
    caption:
      "We're opening a second shop in Porto next month. Which day should we throw the party?",
    status: "scheduled",
  },
  {
    profile: "instagram",
    day: 8,
    time: "18:00",
    contentType: "product",
    format: "single-image",
    caption: "Back in stock: the rosehip oil you kept asking about.",
    status: "draft",
    colours: [
      [244, 204, 204],
      [176, 86, 96],
    ],
  },
  {
    profile: "facebook",
    day: 9,
    time: "12:00",
    contentType: "offer",
    format: "single-image",
    caption: "This weekend only: a free travel-size cleanser with every order over €30.",
    status: "draft",
    colours: [
      [212, 232, 246],
      [82, 132, 178],
    ],
  },
  {
    profile: "instagram",
    day: 11,
    time: "09:00",
    contentType: "staged-shoot",
    format: "single-image",
    caption: "Autumn colours, shot in our garden in Sintra.",
    status: "draft",
    colours: [
      [246, 222, 186],
      [168, 112, 62],
    ],
  },
  {
    profile: "facebook",
    day: 12,
    time: "20:30",
    contentType: "behind-the-scenes",
    format: "video",
    caption: "How a jar of our body butter is filled, labelled and packed, in 40 seconds.",
    status: "draft",
  },
];

export async function seedDemoPlan(
  db: Database,
  input: { workspaceId: string; ownerId: string; storage: MediaStorage },
) {
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(drafts)
    .where(and(eq(drafts.workspaceId, input.workspaceId), eq(drafts.isExample, true)));
  if (n > 0) {
    console.log(`Demo plan already present (${n} example drafts).`);
    return;
  }
  const token = generateSessionToken();
  const session = await createSession(db, token, input.ownerId);
  const tmp = await mkdtemp(path.join(tmpdir(), "rapport-demo-"));
  try {
    const caller = await callerFor(db, token);
    const workspaceId = input.workspaceId;
    const profiles = await db
      .select()
      .from(socialProfiles)
      .where(eq(socialProfiles.workspaceId, workspaceId));
    const facebook = profiles.find((p) => p.platform === "facebook");
    if (!facebook) return;
    // The same brand on Instagram, on the same clock, for the grid preview (its follower count is not known).
    const instagram =
      profiles.find((p) => p.platform === "instagram") ??
      (await caller.socialProfile.create({
        workspaceId,
        platform: "instagram",
        handle: "demo.cosmetics",
        displayName: "Demo cosmetics brand",
        timeZone: facebook.timeZone,
        followerCount: null,
      }));
    // Reviews need approvals on: the owner still schedules directly, and the demo shows one post waiting.
    await caller.workspace.setApprovals({ workspaceId, required: true });

    const now = Date.now();
    const today = (localDateTimeOf(now, facebook.timeZone) as string).slice(0, 10);
    const soonest = localDateTimeOf(now + 2 * 3_600_000, facebook.timeZone) as string;
    let made = 0;
    for (const [i, ex] of EXAMPLES.entries()) {
      const profile = ex.profile === "facebook" ? facebook : instagram;
      let local = `${addDaysToLocalDate(today, ex.day)}T${ex.time}`;
      if (local < soonest) local = `${addDaysToLocalDate(today, ex.day + 1)}T${ex.time}`;
      const draft = await caller.draft.create({
        workspaceId,
        profileId: profile.id,
        contentType: ex.contentType,
        format: ex.format,
        caption: ex.caption,
        plannedLocal: local,
      });
      const images = ex.colours ? (ex.format === "carousel" ? 3 : 1) : 0;
      for (let k = 0; k < images; k++) {
        const [from, to] = ex.colours as NonNullable<PlannedExample["colours"]>;
        const file = path.join(tmp, `example-${i}-${k}.png`);
        await writeFile(file, gradientPng(k === 0 ? from : to, k === 0 ? to : from));
        const m = await ingestMedia(db, input.storage, {
          workspaceId,
          userId: input.ownerId,
          filePath: file,
          originalName: `example-${i + 1}-${k + 1}.png`,
        });
        await caller.media.attach({ workspaceId, draftId: draft.id, mediaId: m.id });
      }
      let current = await caller.draft.get({ workspaceId, draftId: draft.id });
      if (images > 0) {
        // A save scores the draft again, now with its images counted.
        const saved = await caller.draft.update({
          workspaceId,
          draftId: draft.id,
          expectedVersion: current.version,
          caption: ex.caption,
        });
        if (saved.status === "saved")
          current = await caller.draft.get({ workspaceId, draftId: draft.id });
      }
      if (ex.status !== "draft")
        await caller.draft.transition({
          workspaceId,
          draftId: draft.id,
          to: ex.status,
          expectedVersion: current.version,
        });
      await db.update(drafts).set({ isExample: true }).where(eq(drafts.id, draft.id));
      made += 1;
    }

    const suggested = await caller.slots.suggest({ workspaceId, profileId: facebook.id, count: 2 });
    for (const s of suggested.suggestions.filter((x) => !x.alreadyASlot)) {
      await caller.slots.create({
        workspaceId,
        profileId: facebook.id,
        weekday: s.weekday,
        localTime: s.localTime,
        source: "suggested",
        evidence: s.evidence,
      });
    }
    console.log(
      `Demo plan: ${made} example drafts over this week and next; ${suggested.suggestions.length} posting slots suggested from the page's heatmap.`,
    );
  } finally {
    await invalidateSession(db, session.id);
    await rm(tmp, { recursive: true, force: true });
  }
}
