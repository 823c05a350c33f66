/** A secret calendar feed (webcal): no session, the token in the URL is the key; unknown or revoked answers 404. */
import { renderFeed } from "@rapport/api/publishing";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { appOrigin } from "~/utils/jobs.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(token))
    throw new Response("Calendar feed not found.", { status: 404 });
  const text = await renderFeed(await db(), token, { appOrigin: appOrigin(), now: new Date() });
  if (text === null)
    throw new Response("Calendar feed not found (it may have been revoked).", { status: 404 });
  return new Response(text, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, max-age=300",
      "X-Robots-Tag": "noindex",
      "Referrer-Policy": "no-referrer",
    },
  });
}
