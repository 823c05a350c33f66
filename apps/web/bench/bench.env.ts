/** The one place the benchmarks read the environment. */
export const benchEnv = {
  /** Past posts of the load benchmark's larger account. */
  pastPosts: Number(process.env.BENCH_PAST_POSTS ?? 10_000),
  /** Planned drafts of the load benchmark's larger account. */
  plannedDrafts: Number(process.env.BENCH_PLANNED_DRAFTS ?? 1_000),
  /** Where the PostgreSQL run looks for a server. */
  postgresUrl: process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
};

/** The environment the benchmark's child processes start from (this one's, without DATABASE_URL). */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  if (!("DATABASE_URL" in extra)) delete env.DATABASE_URL;
  return env;
}
