/** A field humans never see: bots that fill every input give themselves away. */
import { HONEYPOT_FIELD } from "./honeypot";

export function isBotSubmission(formData: FormData): boolean {
  const value = formData.get(HONEYPOT_FIELD);
  return typeof value === "string" && value.length > 0;
}
