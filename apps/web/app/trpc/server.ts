/**
 * The server-side tRPC caller for loaders and actions: same procedures, same validation, no HTTP.
 * tRPC errors become Responses with the matching status, so error boundaries show them.
 */
import { createCaller, createTRPCContext } from "@rapport/api";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { getAuth } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

export async function createContextFor(request: Request) {
  const { auth } = await getAuth(request);
  return createTRPCContext({ db: await db(), auth });
}

export async function serverApi(request: Request) {
  return createCaller(await createContextFor(request));
}

/** Runs a procedure call; a TRPCError is thrown as a Response (404, 403, ...) for the error boundary. */
export async function orResponse<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError) {
      const status = getHTTPStatusCodeFromError(error);
      throw new Response(status >= 500 ? "Something went wrong on our side." : error.message, { status });
    }
    throw error;
  }
}

/** For actions: a TRPCError becomes a message to show beside the form, other errors propagate. */
export async function asFormResult<T>(
  call: Promise<T>,
): Promise<{ ok: true; data: T } | { ok: false; error: string; status: number }> {
  try {
    return { ok: true, data: await call };
  } catch (error) {
    if (error instanceof TRPCError) {
      const status = getHTTPStatusCodeFromError(error);
      if (status >= 500) throw error;
      return { ok: false, error: error.message, status };
    }
    throw error;
  }
}
