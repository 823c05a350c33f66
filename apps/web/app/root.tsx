import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  data,
} from "@remix-run/react";
import uiStyles from "@rapport/ui/styles.css?url";
import appStyles from "~/app.css?url";
import { Button, EmptyState } from "@rapport/ui";
import type { ReactNode } from "react";
import { PendingUi } from "~/components/pending-ui";
import { ApiProvider } from "~/trpc/react";
import { getAuth } from "~/utils/auth.server";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: uiStyles },
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "Rapport" },
  { name: "description", content: "Plan posts for an audience that talks back." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { auth, headers } = await getAuth(request);
  return data({ user: auth?.user ?? null }, { headers });
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <ApiProvider>
      <PendingUi />
      <Outlet />
    </ApiProvider>
  );
}

/** The general error boundary: a page a person can act on, never a stack trace. */
export function ErrorBoundary() {
  const error = useRouteError();
  let title = "Something went wrong";
  let description: ReactNode = "We couldn't show this page. Try again in a moment.";
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = "Page not found";
      description =
        typeof error.data === "string" && error.data
          ? error.data
          : "There is nothing at this address.";
    } else if (error.status === 403) {
      title = "Not allowed";
      description = typeof error.data === "string" ? error.data : "Your role doesn't allow this.";
    } else if (error.status < 500 && typeof error.data === "string") {
      title = `Error ${error.status}`;
      description = error.data;
    }
  } else if (error instanceof Error) {
    console.error(error);
  }
  return (
    <main className="page-center">
      <EmptyState
        headingLevel={1}
        title={title}
        description={description}
        action={
          <Button asChild variant="secondary">
            <a href="/">Back to Rapport</a>
          </Button>
        }
      />
    </main>
  );
}
