/**
 * Fresh scores: when an import commits, the profile's open drafts are re-scored in the background
 * with the current model version; and the editor's slot advice is the insights page's best slot.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  MODEL_VERSION,
  draftForScoring,
  fromLocalTime,
  scoreDraft,
  trainScorer,
} from "@rapport/core";
import { openTestDatabase } from "@rapport/db/testing/open";
import { drafts, eq, type DatabaseHandle } from "@rapport/db";
import { configureImports, createImportJob, queueStaleDraftRescores, whenIdle } from "./imports";
import { createUser, type TestUser } from "../testing/factories";

const coreDir = path.dirname(createRequire(import.meta.url).resolve("@rapport/core/package.json"));
const UCI = path.join(coreDir, "data/facebook-metrics/dataset_Facebook.csv");

let h: DatabaseHandle;
let owner: TestUser;
let workspaceId: string;
let profileId: string;
const dir = mkdtempSync(path.join(tmpdir(), "rapport-rescore-"));

beforeAll(async () => {
  h = await openTestDatabase();
  configureImports({ dir });
  owner = await createUser(h.db);
  workspaceId = (await owner.caller.workspace.create({ name: "Shop" })).id;
  profileId = (
    await owner.caller.socialProfile.create({
      workspaceId,
      platform: "facebook",
      handle: "shop",
      displayName: "Shop",
      timeZone: "Europe/Lisbon",
      followerCount: 100,
    })
  ).id;
});
afterAll(() => h.close());

describe("after an import commits", () => {
  it("the open drafts of the profile carry a fresh score, without being opened or saved", async () => {
    const draft = await owner.caller.draft.create({
      workspaceId,
      profileId,
      format: "text",
      caption: "Which of our new colours do you like best?",
    });
    expect(draft.score).toBeNull();
    expect(draft.scoreBand).toBe("direction-only");

    const storageKey = crypto.randomUUID();
    copyFileSync(UCI, path.join(dir, storageKey));
    const { id } = await createImportJob(h.db, dir, {
      workspaceId,
      profileId,
      kind: "uci-csv",
      fileName: "uci.csv",
      fileBytes: 1,
      storageKey,
      createdBy: owner.user.id,
    });
    await whenIdle();
    await owner.caller.import.commit({ workspaceId, importId: id });
    await whenIdle();

    const [listed] = await owner.caller.draft.list({ workspaceId });
    expect(listed?.id).toBe(draft.id);
    expect(listed?.score).not.toBeNull();
    expect(listed?.scoreBand).not.toBe("direction-only");
    expect(listed?.modelVersion).toBe(MODEL_VERSION);
    // Re-scoring is not an edit: the version an open editor holds stays valid.
    expect(listed?.version).toBe(draft.version);
    const full = await owner.caller.draft.get({ workspaceId, draftId: draft.id });
    expect(full.scoreDetails?.n).toBe(500);
  });

  it("the editor's slot advice names the insights page's best slot", async () => {
    const insights = await owner.caller.insights.get({ workspaceId, profileId });
    const best = insights.heatmap?.bestSlots[0];
    expect(best).toBeDefined();
    const input = await owner.caller.draft.scoringInput({ workspaceId, profileId });
    const model = trainScorer(input.history, input.context);
    // Planned in another slot: the day after the best one, same hour, on the profile's clock.
    const planned = fromLocalTime(
      {
        year: 2026,
        month: 3,
        day: 2 + (((best?.weekday as number) + 1) % 7),
        hour: best?.startHour as number,
        minute: 0,
      },
      "Europe/Lisbon",
    );
    const s = scoreDraft(
      draftForScoring(
        {
          contentType: null,
          format: "text",
          caption: "Hello",
          plannedAt: new Date(planned as number),
          mediaCount: 0,
        },
        "facebook",
      ),
      model,
    );
    expect(s.slotAdvice).toMatchObject({
      weekday: best?.weekday,
      startHour: best?.startHour,
      endHour: best?.endHour,
      n: best?.n,
    });
    expect(s.slotAdvice?.lift).toBeCloseTo(best?.lift as number, 12);
  });

  it("posts typed in by hand (metrics arriving) re-score the profile's open drafts too", async () => {
    const ig = await owner.caller.socialProfile.create({
      workspaceId,
      platform: "instagram",
      handle: "shop.ig",
      displayName: "Shop",
      timeZone: "Europe/Lisbon",
      followerCount: 900,
    });
    const draft = await owner.caller.draft.create({
      workspaceId,
      profileId: ig.id,
      format: "text",
      caption: "What should we bake next?",
    });
    expect(draft.scoreBand).toBe("direction-only");
    for (let i = 0; i < 12; i++) {
      await owner.caller.post.addManual({
        workspaceId,
        profileId: ig.id,
        publishedAt: new Date(Date.UTC(2026, 0, 5 + 2 * i, 18)).toISOString(),
        caption: i % 2 ? "Behind the scenes today" : "New in the shop",
        reach: 400 + 10 * i,
        likes: 30 + i,
        comments: 2,
      });
    }
    await whenIdle();
    const full = await owner.caller.draft.get({ workspaceId, draftId: draft.id });
    // Twelve posts: a predicted range, but too few to rank against (no 0-100 yet).
    expect(full.scoreBand).toBe("range-only");
    expect(full.scoreDetails?.n).toBe(12);
    expect(full.scoreDetails?.rate?.denominator).toBe("reach");
  });

  it("at start, drafts scored by another model version are re-scored once", async () => {
    const [listed] = await owner.caller.draft.list({ workspaceId, profileId });
    await h.db
      .update(drafts)
      .set({ modelVersion: "core-2026.11.1" })
      .where(eq(drafts.id, listed!.id));
    expect(await queueStaleDraftRescores(h.db)).toBe(1);
    await whenIdle();
    const fresh = await owner.caller.draft.get({ workspaceId, draftId: listed!.id });
    expect(fresh.modelVersion).toBe(MODEL_VERSION);
    expect(await queueStaleDraftRescores(h.db)).toBe(0);
  });
});
