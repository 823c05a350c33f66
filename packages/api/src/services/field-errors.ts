/**
 * A refusal that names the fields it is about: thrown as a BAD_REQUEST whose cause is a ZodError
 * with one issue per message, so the error formatter hands the UI `fieldErrors` to show beside each
 * field, exactly as for input that failed its schema.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";

export function fieldRefusal(
  message: string,
  errors: Partial<Record<string, string[]>>,
): TRPCError {
  const issues = Object.entries(errors).flatMap(([field, messages]) =>
    (messages ?? []).map((m) => ({
      code: "custom" as const,
      path: [field],
      message: m,
      input: undefined,
    })),
  );
  return new TRPCError({ code: "BAD_REQUEST", message, cause: new z.ZodRealError(issues) });
}

/** The per-field messages of a refusal made by `fieldRefusal` (for server-side callers, e.g. Remix actions). */
export function refusalFieldErrors(error: unknown): Record<string, string[]> {
  const cause = error instanceof TRPCError ? error.cause : null;
  return cause instanceof z.ZodError
    ? (z.flattenError(cause).fieldErrors as Record<string, string[]>)
    : {};
}
