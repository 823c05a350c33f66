/**
 * Every procedure of the app router, read from the router itself (so a procedure added tomorrow is
 * covered by the fuzz and authorization tests without anyone listing it), and a caller by path.
 */
import type { AnyProcedure } from "@trpc/server";
import type { z } from "zod";
import { appRouter } from "../root";

export interface ProcedureEntry {
  path: string;
  type: "query" | "mutation" | "subscription";
  /** The input parsers the procedure chains (a workspace procedure adds `{ workspaceId }`). */
  inputs: z.ZodType[];
}

export function listProcedures(): ProcedureEntry[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
  return Object.entries(procedures)
    .map(([path, procedure]) => ({
      path,
      type: procedure._def.type,
      inputs: (procedure._def as unknown as { inputs: z.ZodType[] }).inputs,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Calls `path` ("draft.update") on a caller made by `createCaller`. */
export function callByPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const segment of path.split(".")) target = (target as Record<string, unknown>)[segment];
  return (target as (input: unknown) => Promise<unknown>)(input);
}
