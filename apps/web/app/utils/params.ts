/** Route params checked before they reach a query: a malformed id is a 404, not a database error. */
import type { Params } from "@remix-run/react";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function workspaceIdParam(params: Params): string {
  const id = params.workspaceId;
  if (!id || !UUID.test(id)) throw new Response("Workspace not found.", { status: 404 });
  return id;
}

export function uuidParam(params: Params, name: string, notFound: string): string {
  const id = params[name];
  if (!id || !UUID.test(id)) throw new Response(notFound, { status: 404 });
  return id;
}

export function draftIdParam(params: Params): string {
  return uuidParam(params, "draftId", "Draft not found.");
}
