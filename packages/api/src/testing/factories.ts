/** Factories shared by the api tests and the demo seed: real rows through the real code paths. */
import type { Database } from "@rapport/db";
import { signUp } from "../auth/accounts";
import { validateSessionToken } from "../auth/session";
import { createTRPCContext } from "../context";
import { createCaller } from "../index";

let counter = 0;

export interface TestUser {
  token: string;
  user: { id: string; email: string; name: string };
  caller: ReturnType<typeof createCaller>;
}

/** Signs up a user (argon2id and all) and returns a tRPC caller acting as them. */
export async function createUser(
  db: Database,
  overrides: { email?: string; name?: string; password?: string } = {},
): Promise<TestUser> {
  counter += 1;
  const email = overrides.email ?? `user${counter}-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const { token, user } = await signUp(
    db,
    {
      name: overrides.name ?? `User ${counter}`,
      email,
      password: overrides.password ?? "correct horse battery staple",
    },
    `factory-${email}`,
  );
  return { token, user, caller: await callerFor(db, token) };
}

export async function callerFor(db: Database, token: string | null) {
  const auth = token ? await validateSessionToken(db, token) : null;
  return createCaller(createTRPCContext({ db, auth }));
}
