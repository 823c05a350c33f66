/** @rapport/db: schema, migrations and the client factory (PGlite by default, PostgreSQL by URL). */
export * from "./client";
export * as schema from "./schema/index";
export * from "./schema/index";
export { and, asc, desc, eq, inArray, isNull, ne, or, sql, count } from "drizzle-orm";
