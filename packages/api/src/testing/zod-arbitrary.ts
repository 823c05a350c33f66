/**
 * Generated input for a zod schema, read from the schema itself (zod 4 definitions): mostly values of
 * the right shape, laced with what broke the server before (NUL bytes, year 0000, counts of 2^31,
 * huge strings), so a call gets past validation to the database often enough to matter.
 */
import fc from "fast-check";
import type { z } from "zod";

export interface ArbitraryContext {
  /** Known ids to use for a uuid field (the caller's workspace, its profile, draft...). */
  ids: string[];
  /** Fixed values for fields by name (workspaceId is always the caller's). */
  fixed: Record<string, unknown>;
}

const NASTY_STRINGS = [
  "a\u0000b",
  "\u0000",
  "0000-01-01",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "2147483648",
  "' or 1=1 --",
  "<script>alert(1)</script>",
  "\u202e\ud83d\ude00",
  "x".repeat(70_000),
  "",
  " ",
];
const NASTY_NUMBERS = [
  0,
  -1,
  1,
  2 ** 31 - 1,
  2 ** 31,
  3_000_000_000,
  2 ** 53 - 1,
  -(2 ** 31) - 1,
  0.5,
  1e308,
];
const DATE_STRINGS = [
  "0000-01-01T00:00:00Z",
  "0001-01-01T00:00:00Z",
  "1900-01-01T00:00:00Z",
  "2026-03-31T18:00:00Z",
  "2026-03-31T18:00:00+14:00",
  "9999-12-31T23:59:59Z",
];
const DAY_STRINGS = [
  "0000-01-01",
  "0001-01-01",
  "1969-12-31",
  "2026-02-28",
  "2026-03-31",
  "9999-12-31",
];
const DATES = [
  new Date("0000-01-01T00:00:00Z"),
  new Date("0001-01-01T00:00:00Z"),
  new Date("2026-03-31T18:00:00Z"),
  new Date("9999-12-31T23:59:59Z"),
  new Date(8.64e15),
];

const nastyString = fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 12 }));
const nastyNumber = fc.oneof(fc.constantFrom(...NASTY_NUMBERS), fc.integer({ min: -3, max: 60 }));
const anything = fc.oneof(nastyString, nastyNumber, fc.boolean(), fc.constant(null));

type Def = Record<string, unknown> & { type: string };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

export function arbitraryFor(
  schema: unknown,
  ctx: ArbitraryContext,
  key?: string,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (key && key in ctx.fixed) return fc.constant(ctx.fixed[key]);
  if (depth > 6) return anything;
  const def = defOf(schema);
  const inner = (s: unknown) => arbitraryFor(s, ctx, key, depth + 1);
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      const entries = Object.fromEntries(
        Object.entries(shape).map(([k, s]) => [k, arbitraryFor(s, ctx, k, depth + 1)]),
      );
      return fc.record(entries);
    }
    case "string":
      switch (def.format) {
        case "uuid":
        case "guid":
          return fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...ctx.ids) },
            { weight: 1, arbitrary: nastyString },
          );
        case "datetime":
          return fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...DATE_STRINGS) },
            { weight: 1, arbitrary: nastyString },
          );
        case "date":
          return fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...DAY_STRINGS) },
            { weight: 1, arbitrary: nastyString },
          );
        case "email":
          return fc.constantFrom("someone@example.com", "a\u0000@example.com", "x@y");
        default:
          return nastyString;
      }
    case "number":
    case "int":
      return nastyNumber;
    case "bigint":
      return fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n });
    case "boolean":
      return fc.boolean();
    case "date":
      return fc.constantFrom(...DATES);
    case "enum":
      return fc.oneof(
        {
          weight: 5,
          arbitrary: fc.constantFrom(...Object.values(def.entries as Record<string, string>)),
        },
        { weight: 1, arbitrary: nastyString },
      );
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "optional":
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 3, arbitrary: inner(def.innerType) },
      );
    case "nullable":
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: inner(def.innerType) },
      );
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 3, arbitrary: inner(def.innerType) },
      );
    case "pipe":
      return inner(def.in);
    case "array":
      return fc.array(inner(def.element), { maxLength: 3 });
    case "tuple":
      return fc.tuple(...(def.items as unknown[]).map(inner));
    case "union":
      return fc.oneof(...(def.options as unknown[]).map(inner));
    case "intersection":
      return inner(def.left);
    case "record":
      return fc.dictionary(nastyString, inner(def.valueType), { maxKeys: 2 });
    case "lazy":
      return inner((def.getter as () => unknown)());
    default:
      return anything;
  }
}

/** One object combining every input parser of a procedure (they are merged at run time too). */
export function arbitraryForInputs(
  inputs: z.ZodType[],
  ctx: ArbitraryContext,
): fc.Arbitrary<unknown> {
  if (inputs.length === 0) return fc.constant(undefined);
  const shapes: Record<string, unknown> = {};
  for (const input of inputs) {
    const def = defOf(input);
    if (def.type !== "object") return arbitraryFor(input, ctx);
    Object.assign(shapes, def.shape as Record<string, unknown>);
  }
  return arbitraryFor({ _zod: { def: { type: "object", shape: shapes } } }, ctx);
}
