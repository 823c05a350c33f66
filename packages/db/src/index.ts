/** @rapport/db: schema, migrations and the client factory (PGlite by default, PostgreSQL by URL). */
export * from "./client";
export { DataDirLockedError } from "./data-dir-lock";
export { copyRows, csvField, type CopyRowsOptions } from "./copy-rows";
export * as schema from "./schema/index";
export * from "./schema/index";
export { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql, count, type SQL } from "drizzle-orm";
