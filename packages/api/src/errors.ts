/**
 * What a failed call tells the user: one sentence, plus a sentence per field that caused it. The tRPC
 * error formatter (HTTP), the server-side caller's form results (Remix actions) and the editor's own
 * check before it saves all use this, so a validation failure reads the same wherever it surfaces and
 * raw zod JSON never reaches a person. Zod only: it loads in the browser too.
 */
import type { ZodError } from "zod";

/** Field name (the input's top-level key, as the form names it) to its messages; conform's shape. */
export type FieldErrors = Record<string, string[]>;

export interface UserFacingError {
  message: string;
  fieldErrors: FieldErrors;
}

const sentence = (text: string) => {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

// Zod's own wording ("Invalid input: expected string, received undefined") names no field, so
// messages we did not write ourselves are prefixed with the field they belong to.
const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized|Expected)/;

function humanField(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function describeZodError(error: ZodError): UserFacingError {
  const fieldErrors: FieldErrors = {};
  const messages: string[] = [];
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : null;
    const text = sentence(
      field && ZOD_DEFAULT.test(issue.message)
        ? `${humanField(field)}: ${issue.message}`
        : issue.message,
    );
    if (field) {
      const list = (fieldErrors[field] ??= []);
      if (!list.includes(text)) list.push(text);
    }
    if (!messages.includes(text)) messages.push(text);
  }
  return {
    message: messages.slice(0, 3).join(" ") || "Check the form and try again.",
    fieldErrors,
  };
}
