/** The load benchmark's larger account (bench data only, never a person's). */
export const LARGE_ACCOUNT = {
  email: "bench@rapport.example",
  password: "bench-account-not-for-people",
  name: "Bench Owner",
  workspace: "Bench bistro",
} as const;
