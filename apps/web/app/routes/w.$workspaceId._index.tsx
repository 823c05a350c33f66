/** The workspace dashboard: the profiles you plan for and the team, with the next useful step. */
import { PLATFORM_LABELS } from "@rapport/api/schemas";
import { Button, Card, EmptyState, PageHeader } from "@rapport/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { workspaceIdParam } from "~/utils/params";
import { useWorkspace } from "./w.$workspaceId";

export const meta: MetaFunction = () => [{ title: "Dashboard · Rapport" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const api = await serverApi(request);
  const [profiles, team] = await Promise.all([
    orResponse(api.socialProfile.list({ workspaceId })),
    orResponse(api.workspace.members({ workspaceId })),
  ]);
  return { profiles, memberCount: team.members.length };
}

export default function Dashboard() {
  const { profiles, memberCount } = useLoaderData<typeof loader>();
  const { workspace } = useWorkspace();
  const nf = new Intl.NumberFormat("en");
  return (
    <>
      <PageHeader
        title={workspace.name}
        description={`${profiles.length} ${profiles.length === 1 ? "profile" : "profiles"} · ${memberCount} ${memberCount === 1 ? "member" : "members"}`}
      />
      {profiles.length === 0 ? (
        <EmptyState
          title="Add the account you post to"
          description="Rapport learns from each profile's own history, so start with the profile you want to grow."
          action={
            workspace.role !== "viewer" ? (
              <Button asChild>
                <Link to="profiles">Add a profile</Link>
              </Button>
            ) : undefined
          }
        />
      ) : (
        <div className="card-grid">
          {profiles.map((p) => (
            <Card key={p.id} title={p.displayName} description={`${PLATFORM_LABELS[p.platform]} · @${p.handle}`} headingLevel={2}>
              <dl className="facts">
                <div>
                  <dt>Followers</dt>
                  <dd>{p.followerCount === null ? "not given yet" : nf.format(p.followerCount)}</dd>
                </div>
                <div>
                  <dt>Local time zone</dt>
                  <dd>{p.timeZone.replaceAll("_", " ")}</dd>
                </div>
              </dl>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
