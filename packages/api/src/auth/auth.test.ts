import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@rapport/db/testing/open";
import { sessions, eq, type DatabaseHandle } from "@rapport/db";
import {
  AuthError,
  SESSION_DAYS,
  SIGN_IN_LIMITS,
  consumeBackoff,
  consumeRateLimit,
  createSession,
  generateSessionToken,
  invalidateAllSessions,
  sessionIdFromToken,
  signIn,
  signUp,
  validateSessionToken,
} from "./index";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(() => h.close());

const DAY = 24 * 60 * 60 * 1000;

async function authError(p: Promise<unknown>): Promise<AuthError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AuthError) return e;
    throw e;
  }
  throw new Error("expected an AuthError");
}

describe("sign-up", () => {
  it("creates an account with an argon2id hash and a session whose token is not stored", async () => {
    const { token, user, session } = await signUp(
      h.db,
      {
        name: " Ana ",
        email: " Ana@Bistro.example ",
        password: "sardines on toast 42",
      },
      "ip-signup-1",
    );
    expect(user.email).toBe("ana@bistro.example");
    expect(user.name).toBe("Ana");
    const rows = await h.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(sessionIdFromToken(token));
    expect(rows[0]!.id).not.toContain(token);
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + (SESSION_DAYS - 1) * DAY);
  });

  it("says the email is taken, on the email field", async () => {
    await signUp(
      h.db,
      { name: "B", email: "taken@example.com", password: "a long unusual phrase" },
      "ip-signup-2",
    );
    const e = await authError(
      signUp(
        h.db,
        { name: "C", email: "TAKEN@example.com", password: "another long phrase" },
        "ip-signup-3",
      ),
    );
    expect(e.code).toBe("email-taken");
    expect(e.fieldErrors.email).toMatch(/already exists/);
  });

  it.each([
    ["short", "Use at least 10 characters."],
    ["password123", "That password is one of the most used and easy to guess. Choose another."],
    ["qwertyuiop", "That password is one of the most used and easy to guess. Choose another."],
  ])("rejects the password %j", async (password, message) => {
    const e = await authError(
      signUp(h.db, { name: "D", email: `d-${password}@example.com`, password }, "ip-signup-d"),
    );
    expect(e.code).toBe("invalid-input");
    expect(e.fieldErrors.password).toBe(message);
  });

  it("rejects a malformed email with a specific message", async () => {
    const e = await authError(
      signUp(
        h.db,
        { name: "E", email: "not-an-email", password: "a long unusual phrase" },
        "ip-signup-4",
      ),
    );
    expect(e.fieldErrors.email).toMatch(/valid email/);
  });
});

describe("sign-in", () => {
  it("signs in with the right password and refuses the wrong one without saying which part was wrong", async () => {
    await signUp(
      h.db,
      { name: "F", email: "f@example.com", password: "pickled walnut season" },
      "ip-signup-5",
    );
    const ok = await signIn(
      h.db,
      { email: "F@example.com", password: "pickled walnut season" },
      "ip-1",
    );
    expect(ok.user.email).toBe("f@example.com");
    const wrong = await authError(
      signIn(h.db, { email: "f@example.com", password: "nope nope nope" }, "ip-1"),
    );
    const unknown = await authError(
      signIn(h.db, { email: "nobody@example.com", password: "nope nope nope" }, "ip-1"),
    );
    expect(wrong.code).toBe("wrong-credentials");
    expect(unknown.code).toBe("wrong-credentials");
    expect(wrong.message).toBe(unknown.message);
  });

  it("ten wrong passwords from an attacker's address do not lock the owner out of their own", async () => {
    await signUp(
      h.db,
      { name: "G", email: "g@example.com", password: "quiet harbour morning" },
      "ip-g-signup",
    );
    for (let i = 0; i < 10; i++) {
      const e = await authError(
        signIn(h.db, { email: "g@example.com", password: "wrong password" }, "ip-attacker"),
      );
      expect(e.code).toBe(
        i < SIGN_IN_LIMITS.perAccountClient.freeAttempts ? "wrong-credentials" : "rate-limited",
      );
    }
    const blocked = await authError(
      signIn(h.db, { email: "g@example.com", password: "quiet harbour morning" }, "ip-attacker"),
    );
    expect(blocked.code).toBe("rate-limited");
    expect(blocked.message).toMatch(/Try again in \d+ (seconds?|minutes?)\./);
    const owner = await signIn(
      h.db,
      { email: "g@example.com", password: "quiet harbour morning" },
      "ip-g-home",
    );
    expect(owner.user.email).toBe("g@example.com");
  });

  it("backs off per client across accounts, and other people behind other addresses are unaffected", async () => {
    for (let i = 0; i < 20; i++) {
      await authError(
        signIn(h.db, { email: `spray-${i}@example.com`, password: "wrong password" }, "ip-spray"),
      );
    }
    const e = await authError(
      signIn(h.db, { email: "spray-x@example.com", password: "wrong password" }, "ip-spray"),
    );
    expect(e.code).toBe("rate-limited");
    await signUp(
      h.db,
      { name: "K", email: "k@example.com", password: "quiet harbour evening" },
      "ip-k-signup",
    );
    expect(
      (await signIn(h.db, { email: "k@example.com", password: "quiet harbour evening" }, "ip-k"))
        .user.email,
    ).toBe("k@example.com");
  });

  it("does not count successful sign-ins against everyone sharing an address", async () => {
    await signUp(
      h.db,
      { name: "L", email: "l@example.com", password: "quiet harbour noon" },
      "ip-l-signup",
    );
    for (let i = 0; i < 30; i++) {
      await signIn(h.db, { email: "l@example.com", password: "quiet harbour noon" }, "ip-office");
    }
    await signUp(
      h.db,
      { name: "M", email: "m@example.com", password: "quiet harbour dusk" },
      "ip-m-signup",
    );
    expect(
      (await signIn(h.db, { email: "m@example.com", password: "quiet harbour dusk" }, "ip-office"))
        .user.name,
    ).toBe("M");
  });

  it("doubles the wait after the free attempts and forgets after the longest wait", async () => {
    const policy = { freeAttempts: 2, baseDelayMs: 1000, maxDelayMs: 60_000 };
    const t0 = new Date("2026-01-01T00:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    expect((await consumeBackoff(h.db, "b", policy, at(0))).allowed).toBe(true);
    expect((await consumeBackoff(h.db, "b", policy, at(0))).allowed).toBe(true);
    const third = await consumeBackoff(h.db, "b", policy, at(500));
    expect(third).toEqual({ allowed: false, retryAt: at(1000) });
    expect((await consumeBackoff(h.db, "b", policy, at(1000))).allowed).toBe(true);
    expect((await consumeBackoff(h.db, "b", policy, at(2500))).retryAt).toEqual(at(3000));
    expect((await consumeBackoff(h.db, "b", policy, at(3000))).allowed).toBe(true);
    expect((await consumeBackoff(h.db, "b", policy, at(3000 + 60_000))).allowed).toBe(true);
  });

  it("limits new accounts per address", async () => {
    for (let i = 0; i < 10; i++) {
      await signUp(
        h.db,
        { name: `S${i}`, email: `su-${i}@example.com`, password: "quiet harbour spring" },
        "ip-farm",
      );
    }
    const e = await authError(
      signUp(
        h.db,
        { name: "S", email: "su-x@example.com", password: "quiet harbour spring" },
        "ip-farm",
      ),
    );
    expect(e.code).toBe("rate-limited");
    expect(e.message).toMatch(
      /Too many new accounts from this address\. Try again in \d+ minutes?\./,
    );
  });

  it("starts a new window once the old one has passed", async () => {
    const t0 = new Date("2026-01-01T00:00:00Z");
    expect((await consumeRateLimit(h.db, "k", 2, 60_000, t0)).allowed).toBe(true);
    expect((await consumeRateLimit(h.db, "k", 2, 60_000, t0)).allowed).toBe(true);
    expect((await consumeRateLimit(h.db, "k", 2, 60_000, t0)).allowed).toBe(false);
    const later = new Date(t0.getTime() + 61_000);
    const r = await consumeRateLimit(h.db, "k", 2, 60_000, later);
    expect(r.allowed).toBe(true);
    expect(r.remaining).toBe(1);
  });
});

describe("sessions", () => {
  it("rejects unknown, malformed and expired tokens and deletes the expired session", async () => {
    const { user } = await signUp(
      h.db,
      { name: "H", email: "h@example.com", password: "a long unusual phrase" },
      "ip-signup-7",
    );
    expect(await validateSessionToken(h.db, generateSessionToken())).toBeNull();
    expect(await validateSessionToken(h.db, "'; drop table users; --")).toBeNull();
    const token = generateSessionToken();
    await createSession(h.db, token, user.id);
    await h.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, sessionIdFromToken(token)));
    expect(await validateSessionToken(h.db, token)).toBeNull();
    expect(
      await h.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, sessionIdFromToken(token))),
    ).toHaveLength(0);
  });

  it("slides the expiry forward when used in the second half of its life", async () => {
    const { user } = await signUp(
      h.db,
      { name: "I", email: "i@example.com", password: "a long unusual phrase" },
      "ip-signup-8",
    );
    const token = generateSessionToken();
    await createSession(h.db, token, user.id);
    const fresh = await validateSessionToken(h.db, token);
    expect(fresh?.refreshed).toBe(false);
    await h.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() + 5 * DAY) })
      .where(eq(sessions.id, sessionIdFromToken(token)));
    const slid = await validateSessionToken(h.db, token);
    expect(slid?.refreshed).toBe(true);
    expect(slid!.session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
  });

  it("signs out everywhere", async () => {
    const a = await signUp(
      h.db,
      { name: "J", email: "j@example.com", password: "a long unusual phrase" },
      "ip-signup-9",
    );
    const b = await signIn(
      h.db,
      { email: "j@example.com", password: "a long unusual phrase" },
      "ip-j",
    );
    await invalidateAllSessions(h.db, a.user.id);
    expect(await validateSessionToken(h.db, a.token)).toBeNull();
    expect(await validateSessionToken(h.db, b.token)).toBeNull();
  });
});
