/**
 * The authorization matrix for the Remix side: every route of the production build's route manifest
 * (read from the page, so a route added tomorrow is covered), its loader fetched and its action posted
 * as anonymous, as the owner of another workspace and as the owner, against a table of what each
 * route is. A route missing from the table fails. Issue 14, systematic guarantee 1.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createWorkspaceWithProfile, newDraft, signUp } from "./support/users";

type Kind = "public" | "signed-in" | "workspace" | "token";

/** What each route is: public pages, pages for any signed-in user, a workspace's pages, token links. */
const ROUTES: Record<string, Kind> = {
  root: "public",
  "routes/$": "public",
  "routes/_index": "public",
  "routes/account": "signed-in",
  "routes/api.trpc.$": "public", // tRPC checks each procedure itself (authorization.test.ts in @rapport/api)
  "routes/bench.bare": "public",
  "routes/bench.ok": "public",
  "routes/feeds.$token[.ics]": "token",
  "routes/forgot-password": "public",
  "routes/healthz": "public",
  "routes/invite.$token": "token",
  "routes/reset-password.$token": "token",
  "routes/sign-in": "public",
  "routes/sign-out": "public",
  "routes/sign-up": "public",
  "routes/workspaces": "signed-in",
  "routes/w.$workspaceId": "workspace",
  "routes/w.$workspaceId._index": "workspace",
  "routes/w.$workspaceId.calendar": "workspace",
  "routes/w.$workspaceId.drafts.$draftId": "workspace",
  "routes/w.$workspaceId.drafts.$draftId.media": "workspace",
  "routes/w.$workspaceId.drafts._index": "workspace",
  "routes/w.$workspaceId.import": "workspace",
  "routes/w.$workspaceId.import_.$importId.rejected[.csv]": "workspace",
  "routes/w.$workspaceId.import_.upload": "workspace",
  "routes/w.$workspaceId.insights": "workspace",
  "routes/w.$workspaceId.media.$mediaId": "workspace",
  "routes/w.$workspaceId.members": "workspace",
  "routes/w.$workspaceId.notifications": "workspace",
  "routes/w.$workspaceId.outbox": "workspace",
  "routes/w.$workspaceId.posts": "workspace",
  "routes/w.$workspaceId.posts_.export[.csv]": "workspace",
  "routes/w.$workspaceId.profiles": "workspace",
  "routes/w.$workspaceId.profiles_.$profileId.publishing": "workspace",
  "routes/w.$workspaceId.publish.$draftId": "workspace",
  "routes/w.$workspaceId.queue": "workspace",
  "routes/w.$workspaceId.settings": "workspace",
};

interface ManifestRoute {
  id: string;
  path?: string;
  index?: boolean;
  parentId?: string;
  hasLoader: boolean;
  hasAction: boolean;
}

/** "invalid": the request was refused as malformed (400, 405, 409, 422) before anything was read or written. */
type Outcome = "sign-in" | "denied" | "invalid" | "served" | "server-error";

async function outcome(
  request: APIRequestContext,
  method: "GET" | "POST",
  url: string,
  origin: string,
): Promise<Outcome> {
  const res =
    method === "GET"
      ? await request.get(url, { maxRedirects: 0 })
      : await request.post(url, {
          maxRedirects: 0,
          headers: { Origin: origin },
          form: { intent: "matrix" },
        });
  const status = res.status();
  const location = res.headers()["location"] ?? "";
  if (status >= 500) return "server-error";
  if (status === 401 || (status >= 300 && status < 400 && location.includes("/sign-in")))
    return "sign-in";
  if (status === 403 || status === 404) return "denied";
  if ([400, 405, 409, 422].includes(status)) return "invalid";
  return "served";
}

test("every route refuses anonymous visitors and other workspaces as its table says", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signUp(ownerPage, "Owner");
  const workspaceId = await createWorkspaceWithProfile(ownerPage, "Matrix");
  const draftUrl = await newDraft(ownerPage);
  const draftId = /\/drafts\/([0-9a-f-]{36})/.exec(draftUrl)![1]!;
  await ownerPage.goto(`/w/${workspaceId}/profiles`);
  const profileId =
    (
      await ownerPage
        .locator(`a[href*="/w/${workspaceId}/profiles/"]`)
        .first()
        .getAttribute("href")
        .catch(() => null)
    )?.split("/")[4] ?? crypto.randomUUID();

  const strangerContext = await browser.newContext();
  await signUp(await strangerContext.newPage(), "Stranger");
  const anonymousContext = await browser.newContext();

  const manifest = (await ownerPage.evaluate(
    () =>
      (window as unknown as { __remixManifest: { routes: Record<string, ManifestRoute> } })
        .__remixManifest.routes,
  )) as Record<string, ManifestRoute>;
  const ids = Object.keys(manifest).sort();
  expect(
    ids.filter((id) => !(id in ROUTES)),
    "routes without an entry in ROUTES",
  ).toEqual([]);

  const params: Record<string, string> = {
    workspaceId,
    draftId,
    profileId,
    importId: crypto.randomUUID(),
    mediaId: crypto.randomUUID(),
    token: "not-a-real-token",
    "*": "nowhere",
  };
  const fullPath = (id: string): string | null => {
    const route = manifest[id]!;
    const parent = route.parentId && route.parentId !== "root" ? fullPath(route.parentId) : "";
    if (parent === null) return null;
    const own = (route.path ?? "").replace(
      /:(\w+)|\*/g,
      (_m, name: string | undefined) => params[name ?? "*"] ?? "x",
    );
    return `${parent}/${own}`.replace(/\/+/g, "/").replace(/(.)\/$/, "$1");
  };

  const problems: string[] = [];
  for (const id of ids) {
    const route = manifest[id]!;
    const kind = ROUTES[id];
    const path = fullPath(id);
    // A POST to an index route's URL goes to its parent unless it says ?index.
    const url = path && route.index ? `${path}?index` : path;
    if (!kind || !url || id === "root" || id === "routes/sign-out") continue;
    for (const method of ["GET", "POST"] as const) {
      if ((method === "GET" && !route.hasLoader) || (method === "POST" && !route.hasAction))
        continue;
      const seen = {
        anonymous: await outcome(anonymousContext.request, method, url, baseURL!),
        stranger: await outcome(strangerContext.request, method, url, baseURL!),
        owner: await outcome(ownerContext.request, method, url, baseURL!),
      };
      // Nobody outside the workspace is ever served it; a malformed POST may be refused as such first.
      const outsider = (o: Outcome, allowed: Outcome[]) =>
        allowed.includes(o) ? o : `one of ${allowed.join(", ")}`;
      const noServerError = (o: Outcome) => (o === "server-error" ? "no 500" : o);
      const expected =
        kind === "workspace"
          ? {
              anonymous: outsider(
                seen.anonymous,
                method === "GET" ? ["sign-in"] : ["sign-in", "invalid"],
              ),
              stranger: outsider(
                seen.stranger,
                method === "GET" ? ["denied"] : ["denied", "invalid"],
              ),
              owner: noServerError(seen.owner),
            }
          : kind === "signed-in"
            ? {
                anonymous: outsider(seen.anonymous, ["sign-in", "invalid"]),
                stranger: noServerError(seen.stranger),
                owner: noServerError(seen.owner),
              }
            : {
                anonymous: noServerError(seen.anonymous),
                stranger: noServerError(seen.stranger),
                owner: noServerError(seen.owner),
              };
      if (JSON.stringify(seen) !== JSON.stringify(expected))
        problems.push(
          `${method} ${url} (${id}): saw ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`,
        );
    }
  }
  expect(problems).toEqual([]);
});
