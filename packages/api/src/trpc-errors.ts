/** The user-facing side of a TRPCError, for the HTTP error formatter and the server-side caller alike. */
import type { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { describeZodError, type UserFacingError } from "./errors";

/** Zod failures become sentences per field; internal errors say nothing of their cause. */
export function describeTRPCError(error: TRPCError): UserFacingError & { status: number } {
  const status = getHTTPStatusCodeFromError(error);
  if (error.cause instanceof ZodError) {
    const described = describeZodError(error.cause);
    // Input validation puts zod's issue JSON in the message; a refusal thrown with its own sentence keeps it.
    const own = error.message.trim();
    return { ...described, message: own && !/^[[{]/.test(own) ? own : described.message, status };
  }
  if (status >= 500)
    return { message: "Something went wrong on our side.", fieldErrors: {}, status };
  return { message: error.message, fieldErrors: {}, status };
}
