/** The side of "This week": posts waiting for review, the cadence guardrail, last week's posts with their scores, the profiles. */
import { Card, EmptyState } from "@rapport/ui";
import { Link } from "@remix-run/react";

interface Review {
  draftId: string;
  title: string;
  localDate?: string | undefined;
  localTime?: string | undefined;
}
interface LastWeekPost {
  postId: string;
  profileHandle: string;
  localDate: string;
  localTime: string;
  title: string;
  performanceIndex: { value: number; n: number; label: string } | null;
  quality: { value: number; label: string } | null;
}

export interface ThisWeekSideProps {
  workspaceId: string;
  waiting: Review[];
  cadence: { summary: string; handle: string }[];
  lastWeek: { from: string; to: string; n: number; posts: LastWeekPost[] };
  profiles: { id: string; handle: string; followerCount: number | null; timeZone: string }[];
}

const nf = new Intl.NumberFormat("en");

export function ThisWeekSide({
  workspaceId,
  waiting,
  cadence,
  lastWeek,
  profiles,
}: ThisWeekSideProps) {
  return (
    <div className="stack">
      <Card title={`Waiting for review (${waiting.length})`} headingLevel={2}>
        {waiting.length === 0 ? (
          <p className="muted">Nothing is waiting for an approval.</p>
        ) : (
          <ul className="plain-list">
            {waiting.map((w) => (
              <li key={w.draftId}>
                <Link to={`/w/${workspaceId}/drafts/${w.draftId}`}>
                  {w.title || "Untitled draft"}
                </Link>
                <span className="muted">
                  {" "}
                  · {w.localDate ? `planned ${w.localDate} ${w.localTime ?? ""}` : "no time yet"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Cadence" headingLevel={2}>
        {cadence.length === 0 ? (
          <p className="muted">
            Not enough posts yet to say how often this audience wants to hear from you.
          </p>
        ) : (
          <ul className="plain-list">
            {cadence.map((c) => (
              <li key={c.handle}>
                <strong>@{c.handle}</strong>: {c.summary}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card
        title="Last week"
        description={`Posts out from ${lastWeek.from} to ${lastWeek.to}: ${lastWeek.n}.`}
        headingLevel={2}
      >
        {lastWeek.posts.length === 0 ? (
          <EmptyState
            title="No posts last week"
            description="Import your posts to see how each one did against the ones before it."
          />
        ) : (
          <ul className="plain-list">
            {lastWeek.posts.map((p) => (
              <li key={p.postId}>
                <strong>{p.title || "Untitled post"}</strong>
                <br />
                <span className="muted">
                  @{p.profileHandle} · {p.localDate} {p.localTime}
                </span>
                <br />
                {p.performanceIndex
                  ? `${p.performanceIndex.value.toFixed(2)}x: ${p.performanceIndex.label}`
                  : "Not enough earlier posts to compare it with."}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Profiles" headingLevel={2}>
        <ul className="plain-list">
          {profiles.map((p) => (
            <li key={p.id}>
              <strong>@{p.handle}</strong>
              <br />
              <span className="muted">
                {p.followerCount === null
                  ? "followers not given yet"
                  : `${nf.format(p.followerCount)} followers`}{" "}
                · {p.timeZone.replaceAll("_", " ")}
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
