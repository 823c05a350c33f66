/** "Run it again": the account's top past posts by interaction quality, each a new draft away. */
import { Button, Card } from "@rapport/ui";
import { Form } from "@remix-run/react";
import type { DraftsData } from "~/routes/w.$workspaceId.drafts._index";

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;

export function RunAgainCard({ top, canEdit }: Pick<DraftsData, "top"> & { canEdit: boolean }) {
  return (
    <Card
      title="Run it again"
      headingLevel={2}
      description="Your top past posts by interaction quality. Start a new draft from one."
    >
      <ul className="stack run-again">
        {top.map((t) => (
          <li key={t.postId}>
            <strong className="num">{pct(t.rate)}</strong>{" "}
            {t.denominator === "reach"
              ? "weighted interactions per person reached"
              : "weighted interactions per follower"}
            {t.vsMedian !== null ? ` (${t.vsMedian.toFixed(1)}x the median of ${t.n} posts)` : ""} ·
            @{t.profile.handle}
            {t.publishedAt ? ` · ${t.publishedAt.toISOString().slice(0, 10)}` : ""}
            <br />
            <span className="muted">{t.caption.slice(0, 140) || "No caption"}</span>
            {canEdit ? (
              <Form method="post">
                <input type="hidden" name="postId" value={t.postId} />
                <Button type="submit" name="intent" value="runAgain" size="sm" variant="secondary">
                  Run it again
                </Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
