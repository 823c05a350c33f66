/** The tRPC context: the app builds it per request (database, signed-in user) and injects it. */
import type { Database } from "@rapport/db";
import type { Session, SessionUser } from "./auth/session";

export interface CreateContextOptions {
  db: Database;
  auth: { session: Session; user: SessionUser } | null;
}

export function createTRPCContext(opts: CreateContextOptions) {
  return { db: opts.db, session: opts.auth?.session ?? null, user: opts.auth?.user ?? null };
}

export type Context = ReturnType<typeof createTRPCContext>;
