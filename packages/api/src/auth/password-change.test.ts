import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@rapport/db/testing/open";
import { emailOutbox, eq, passwordResets, sessions, type DatabaseHandle } from "@rapport/db";
import { createUser } from "../testing/factories";
import { signIn } from "./accounts";
import {
  changePassword,
  requestPasswordReset,
  resetPassword,
  resetTokenUsable,
} from "./password-change";
import { createSession, generateSessionToken, hashToken, validateSessionToken } from "./session";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(() => h.close());

const NEW = "plum tart on tuesdays";

describe("changing a password", () => {
  it("needs the current password, and signs out every other session", async () => {
    const ana = await createUser(h.db, { password: "correct horse battery staple" });
    const here = (await validateSessionToken(h.db, ana.token))!.session;
    const otherToken = generateSessionToken();
    await createSession(h.db, otherToken, ana.user.id);

    await expect(
      changePassword(h.db, ana.user.id, here.id, {
        currentPassword: "wrong one entirely",
        newPassword: NEW,
      }),
    ).rejects.toMatchObject({
      fieldErrors: { currentPassword: "That is not your current password." },
    });
    await changePassword(h.db, ana.user.id, here.id, {
      currentPassword: "correct horse battery staple",
      newPassword: NEW,
    });
    expect(await validateSessionToken(h.db, otherToken)).toBeNull();
    expect(await validateSessionToken(h.db, ana.token)).not.toBeNull();
    await expect(
      signIn(h.db, { email: ana.user.email, password: NEW }, "t1"),
    ).resolves.toMatchObject({ user: { id: ana.user.id } });
  });
});

describe("a forgotten password", () => {
  it("answers the same for unknown emails and sends nothing", async () => {
    const before = (await h.db.select().from(emailOutbox)).length;
    await expect(
      requestPasswordReset(
        h.db,
        { email: "nobody@example.com" },
        (t) => `http://x/reset-password/${t}`,
      ),
    ).resolves.toBeUndefined();
    expect((await h.db.select().from(emailOutbox)).length).toBe(before);
  });

  it("emails a single-use link that expires within an hour, stores only its hash, and signs out everywhere", async () => {
    const rui = await createUser(h.db);
    const links: string[] = [];
    const asked = new Date();
    await requestPasswordReset(
      h.db,
      { email: rui.user.email },
      (t) => {
        links.push(t);
        return `http://x/reset-password/${t}`;
      },
      asked,
    );
    const token = links[0]!;
    const [row] = await h.db
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.userId, rui.user.id));
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.expiresAt.getTime() - asked.getTime()).toBeLessThanOrEqual(60 * 60 * 1000);
    const [mail] = await h.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, rui.user.email));
    expect(mail!.textBody).toContain(`http://x/reset-password/${token}`);

    // Not after it expired.
    const late = new Date(asked.getTime() + 61 * 60 * 1000);
    expect(await resetTokenUsable(h.db, token, late)).toBe(false);
    await expect(resetPassword(h.db, token, { newPassword: NEW }, late)).rejects.toThrow(
      /expired or was already used/,
    );

    await resetPassword(h.db, token, { newPassword: NEW });
    expect(await h.db.select().from(sessions).where(eq(sessions.userId, rui.user.id))).toEqual([]);
    await expect(
      signIn(h.db, { email: rui.user.email, password: NEW }, "t2"),
    ).resolves.toBeTruthy();
    // Once only.
    await expect(
      resetPassword(h.db, token, { newPassword: "another long passphrase" }),
    ).rejects.toThrow(/expired or was already used/);
  });
});
