/** The one place test code reads the environment: which PostgreSQL server, if any, to test against. */
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;
