/**
 * The one way the browser shows a failed call: a sentence for the form and one beside each field that
 * caused it. tRPC errors carry `data.fieldErrors` from the api's error formatter; the editor's own
 * check before saving gives the same shape through `describeZodError`.
 */
import { describeZodError, type FieldErrors, type UserFacingError } from "@rapport/api/errors";
import { TRPCClientError } from "@trpc/client";
import { ZodError } from "zod";

export type { FieldErrors, UserFacingError };

/** Any thrown value as words for the user; never a stack or JSON. */
export function userError(
  error: unknown,
  fallback = "That didn't work. Please try again.",
): UserFacingError {
  if (error instanceof ZodError) return describeZodError(error);
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<never>).data as
      { fieldErrors?: FieldErrors; httpStatus?: number } | undefined;
    if ((data?.httpStatus ?? 0) >= 500)
      return { message: "Something went wrong on our side.", fieldErrors: {} };
    return { message: error.message || fallback, fieldErrors: data?.fieldErrors ?? {} };
  }
  if (error instanceof TypeError)
    return { message: "The connection dropped; nothing was lost. Try again.", fieldErrors: {} };
  return { message: fallback, fieldErrors: {} };
}

/** The sentence to show beside one field (pass to the kit's `error` prop), if that field caused the failure. */
export function fieldError(
  error: UserFacingError | null | undefined,
  field: string,
): string | undefined {
  const messages = error?.fieldErrors[field];
  return messages && messages.length > 0 ? messages.join(" ") : undefined;
}

/** The sentence for the form as a whole: only when no field already shows it. */
export function formError(error: UserFacingError | null | undefined): string | undefined {
  if (!error) return undefined;
  return Object.keys(error.fieldErrors).length > 0 ? undefined : error.message;
}
