/** The frame of the signed-out pages: brand, one card whose heading is the page's h1, a line of context. */
import { Card } from "@rapport/ui";
import type { ReactNode } from "react";

export function AuthPage({ title, description, children, footer }: { title: string; description: ReactNode; children: ReactNode; footer: ReactNode }) {
  return (
    <main className="auth-page">
      <p className="auth-brand">Rapport</p>
      {/* The title is a real h1 in the card's body: the kit's Card titles are h2-h4, and an h1 nested
          in an h2 is re-parented by the browser, which breaks hydration. */}
      <Card className="auth-card">
        <h1 className="auth-title">{title}</h1>
        <p className="auth-description">{description}</p>
        {children}
      </Card>
      <p className="auth-footer">{footer}</p>
    </main>
  );
}
