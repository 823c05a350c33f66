/** The workspace frame: navigation for what exists in a workspace, and who you are in it. */
import { AppShell } from "@rapport/ui";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation, useRouteLoaderData } from "@remix-run/react";
import { renderLink } from "~/components/remix-link";
import { NotificationsLink } from "~/components/notifications-link";
import { UserMenu } from "~/components/user-menu";
import { orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { workspaceIdParam } from "~/utils/params";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const api = await serverApi(request);
  const [workspace, notes] = await Promise.all([
    orResponse(api.workspace.get({ workspaceId })),
    orResponse(api.notification.unreadCount({ workspaceId })),
  ]);
  return { user: auth.user, workspace, unread: notes.unread };
}

export function useWorkspace() {
  const data = useRouteLoaderData<typeof loader>("routes/w.$workspaceId");
  if (!data) throw new Error("useWorkspace is used outside a workspace route.");
  return data;
}

export default function WorkspaceLayout() {
  const { user, workspace, unread } = useLoaderData<typeof loader>();
  const { pathname } = useLocation();
  const base = `/w/${workspace.id}`;
  const items = [
    { label: "This week", href: base },
    { label: "Calendar", href: `${base}/calendar` },
    { label: "Queue", href: `${base}/queue` },
    { label: "Drafts", href: `${base}/drafts` },
    { label: "Posts", href: `${base}/posts` },
    { label: "Insights", href: `${base}/insights` },
    { label: "Import", href: `${base}/import` },
    { label: "Profiles", href: `${base}/profiles` },
    { label: "Members", href: `${base}/members` },
    { label: "Settings", href: `${base}/settings` },
  ];
  const nav = items.map((item) => ({
    ...item,
    current:
      item.href === base
        ? pathname === base || pathname === `${base}/`
        : pathname.startsWith(item.href),
  }));
  return (
    <AppShell
      brand={
        <span className="brand-line">
          <Link to="/workspaces" className="brand-home">
            Rapport
          </Link>
          <span aria-hidden="true" className="brand-sep">
            /
          </span>
          <Link to="/workspaces" className="workspace-switch" title="Switch workspace">
            {workspace.name}
            <span className="visually-hidden"> (switch workspace)</span>
          </Link>
        </span>
      }
      nav={nav}
      navLabel="Workspace"
      renderLink={renderLink}
      headerActions={
        <div className="user-menu">
          <NotificationsLink href={`${base}/notifications`} unread={unread} />
          <UserMenu user={user} />
        </div>
      }
    >
      <Outlet />
    </AppShell>
  );
}
