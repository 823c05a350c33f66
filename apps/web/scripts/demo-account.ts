/** The demo credentials, printed at start and written in the README. Demo data only. */
export const DEMO_ACCOUNT = {
  email: "demo@rapport.example",
  password: "engaged-not-big-2026",
  name: "Demo Owner",
  workspace: "Demo cosmetics brand",
} as const;
