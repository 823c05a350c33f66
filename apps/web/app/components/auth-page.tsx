/** The frame of the signed-out pages: brand, one card, a line of context. */
import { Card } from "@rapport/ui";
import type { ReactNode } from "react";

export function AuthPage({ title, description, children, footer }: { title: string; description: ReactNode; children: ReactNode; footer: ReactNode }) {
  return (
    <main className="auth-page">
      <p className="auth-brand" aria-label="Rapport">
        Rapport
      </p>
      <Card title={<h1 className="auth-title">{title}</h1>} description={description} className="auth-card">
        {children}
      </Card>
      <p className="auth-footer">{footer}</p>
    </main>
  );
}
