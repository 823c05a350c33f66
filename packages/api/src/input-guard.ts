/**
 * The last line before a 500: every procedure's raw input is scanned for values no field may hold
 * (NUL bytes, invalid dates, non-finite numbers), and a database "data exception" (SQLSTATE class 22:
 * out-of-range integer or date, untranslatable character) raised by a value the caller sent becomes a
 * BAD_REQUEST with a sentence. The field helpers in input-fields.ts refuse these earlier and per field;
 * this catches procedures whose schemas do not use them yet.
 */
import { TRPCError } from "@trpc/server";

const NUL = "\u0000";

function describePath(path: (string | number)[]): string {
  return path.length === 0 ? "The input" : `The field "${path.join(".")}"`;
}

/** The first value in `input` no procedure can accept, described in a sentence; null when there is none. */
export function findUnacceptableValue(
  input: unknown,
  path: (string | number)[] = [],
  depth = 0,
): string | null {
  if (depth > 20) return "The input is nested too deeply.";
  if (typeof input === "string") {
    return input.includes(NUL)
      ? `${describePath(path)} contains a NUL byte, which can't be stored. Remove it and try again.`
      : null;
  }
  if (typeof input === "number") {
    return Number.isFinite(input) ? null : `${describePath(path)} must be a finite number.`;
  }
  if (input instanceof Date) {
    const year = input.getUTCFullYear();
    if (!Number.isFinite(input.getTime()) || year < 1 || year > 9999) {
      return `${describePath(path)} is not a valid date.`;
    }
    return null;
  }
  if (Array.isArray(input)) {
    for (let i = 0; i < input.length; i++) {
      const found = findUnacceptableValue(input[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (input && typeof input === "object") {
    for (const [key, value] of Object.entries(input)) {
      if (key.includes(NUL)) return "A field name contains a NUL byte.";
      const found = findUnacceptableValue(value, [...path, key], depth + 1);
      if (found) return found;
    }
  }
  return null;
}

const DATA_EXCEPTION_MESSAGES: Record<string, string> = {
  "22003":
    "A number is too large to store (the limit is 2,147,483,647). Check the numbers and try again.",
  "22008": "A date is outside the range that can be stored. Check the dates and try again.",
  "22007": "A date or time could not be read. Check the dates and try again.",
  "22021":
    "A text field contains a character that can't be stored (such as a NUL byte). Remove it and try again.",
  "22P05": "A text field contains a character that can't be stored. Remove it and try again.",
  "22001": "A text field is too long to store. Shorten it and try again.",
};

/** Raised by the memberships trigger (migration 0008) when a change would leave a workspace without an owner. */
export const LAST_OWNER_STATE = "RP001";
const LAST_OWNER_MESSAGE =
  "A workspace needs at least one owner. Make someone else an owner first.";

/** The SQLSTATE of a database error anywhere in the cause chain (drizzle wraps driver errors). */
export function sqlStateOf(error: unknown): string | null {
  let current: unknown = error;
  for (let i = 0; i < 6 && current && typeof current === "object"; i++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** A BAD_REQUEST for a database data exception (SQLSTATE class 22), or null for anything else. */
export function dataExceptionAsBadRequest(error: unknown): TRPCError | null {
  const state = sqlStateOf(error);
  if (state === LAST_OWNER_STATE) {
    return new TRPCError({ code: "BAD_REQUEST", message: LAST_OWNER_MESSAGE, cause: error });
  }
  if (!state?.startsWith("22")) return null;
  return new TRPCError({
    code: "BAD_REQUEST",
    message:
      DATA_EXCEPTION_MESSAGES[state] ??
      "One of the values can't be stored. Check the form and try again.",
    cause: error,
  });
}
