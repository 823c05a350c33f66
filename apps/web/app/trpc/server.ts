/**
 * The server-side tRPC caller for loaders and actions: same procedures, same validation, no HTTP.
 * tRPC errors become Responses with the matching status, so error boundaries show them.
 */
import { createCaller, createTRPCContext, describeTRPCError } from "@rapport/api";
import type { FieldErrors } from "@rapport/api/errors";
import { TRPCError } from "@trpc/server";
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
      const { status, message } = describeTRPCError(error);
      throw new Response(message, { status });
    }
    throw error;
  }
}

/**
 * For actions: a TRPCError becomes a sentence to show above the form and, for validation failures,
 * one per field (`fieldErrors`, conform's shape: pass it to `submission.reply({ fieldErrors })`).
 * Other errors propagate.
 */
export async function asFormResult<T>(
  call: Promise<T>,
): Promise<{ ok: true; data: T } | { ok: false; error: string; fieldErrors: FieldErrors; status: number }> {
  try {
    return { ok: true, data: await call };
  } catch (error) {
    if (error instanceof TRPCError) {
      const { status, message, fieldErrors } = describeTRPCError(error);
      if (status >= 500) throw error;
      return { ok: false, error: message, fieldErrors, status };
    }
    throw error;
  }
}

interface Replyable<R> {
  payload: Record<string, unknown>;
  reply(options?: { fieldErrors?: Record<string, string[]>; hideFields?: string[] }): R;
}

/**
 * A failed call's reply for a conform form: each field's sentence goes beside the field the form
 * submitted under that name; whatever no field can show stays as the form's sentence (`error`).
 */
export function replyWithFailure<R>(
  submission: Replyable<R>,
  failure: { error: string; fieldErrors: FieldErrors },
  options: { hideFields?: string[] } = {},
): { result: R; error: string | null } {
  const all = Object.entries(failure.fieldErrors);
  const onForm = all.filter(([name]) => name in submission.payload);
  return {
    result: submission.reply({ fieldErrors: Object.fromEntries(onForm), ...options }),
    error: onForm.length > 0 && onForm.length === all.length ? null : failure.error,
  };
}
