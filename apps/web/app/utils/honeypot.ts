/** The honeypot field's name, shared by the form (browser) and the action (server). */
export const HONEYPOT_FIELD = "website";
