/**
 * The editor's score panel: what core's scorer says about the draft, recomputed in the browser on
 * every keystroke. Every number names its denominator and the posts behind it; with too few posts
 * the panel says so and gives direction only; an incomplete draft is told what to add. Reasons from
 * the account's own posts and reasons from priors ("across accounts") are listed apart.
 */
import type { DraftScore, RankedPost } from "@rapport/core";
import { formatMultiple, MIN_POSTS_FOR_NUMBERS } from "@rapport/core";
import {
  Badge,
  Card,
  MetricTile,
  NotEnoughData,
  ScoreGauge,
  type BadgeTone,
  type ScoreBand,
} from "@rapport/ui";

const BAND_TONE: Record<DraftScore["band"], BadgeTone> = {
  "among-your-best": "success",
  "above-usual": "success",
  typical: "neutral",
  "below-usual": "warning",
  "range-only": "info",
  "direction-only": "info",
  incomplete: "warning",
};

const GAUGE_BAND: Record<DraftScore["band"], ScoreBand | undefined> = {
  "among-your-best": "standout",
  "above-usual": "strong",
  typical: "typical",
  "below-usual": "low",
  "range-only": undefined,
  "direction-only": undefined,
  incomplete: undefined,
};

const PER: Record<DraftScore["denominator"], string> = {
  reach: "per person reached",
  impressions: "per impression",
  views: "per view",
  followers: "per follower",
};

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
const whole = (x: number) => Math.round(x).toLocaleString("en-US");

export interface DraftScorePanelProps {
  score: DraftScore;
  best: RankedPost | null;
  contentTypeLabel: string | null;
}

export function DraftScorePanel({ score, best, contentTypeLabel }: DraftScorePanelProps) {
  const range = score.rate;
  const own = score.explanations.filter((e) => e.source === "account");
  const priors = score.explanations.filter((e) => e.source === "prior");
  const reasons = (list: DraftScore["explanations"], testId: string) => (
    <ul className="explanations" data-testid={testId}>
      {list.map((e) => (
        <li key={`${e.factor}-${e.text}`} data-direction={e.direction}>
          <span
            aria-hidden="true"
            className={
              e.direction === "up" ? "dir-up" : e.direction === "down" ? "dir-down" : undefined
            }
          >
            {e.direction === "up" ? "▲" : e.direction === "down" ? "▼" : "●"}
          </span>{" "}
          {e.text}
        </li>
      ))}
    </ul>
  );
  return (
    <Card
      title="How it's likely to do"
      headingLevel={2}
      data-testid="score-panel"
      data-band={score.band}
      aria-live="polite"
    >
      <div className="stack">
        <div className="score-head">
          <Badge tone={BAND_TONE[score.band]} data-testid="score-band">
            {score.bandLabel}
          </Badge>
          {score.score ? (
            <div data-testid="score-value" data-score={score.score.value}>
              <ScoreGauge
                score={score.score.value}
                band={GAUGE_BAND[score.band]}
                label="Score for your audience"
                caption={score.score.basis}
              />
            </div>
          ) : null}
        </div>
        {score.incomplete ? (
          <p data-testid="score-incomplete">{score.incomplete.text}</p>
        ) : score.directionOnly ? (
          <NotEnoughData
            needed={MIN_POSTS_FOR_NUMBERS}
            current={score.n}
            unit="past posts"
            headingLevel={3}
            title="Direction only, no numbers yet"
            description={`Rapport learns from this profile's own past posts. With ${score.n} so far it can say which way each choice usually pushes, not by how much. Import past posts to get a score and a predicted range.`}
          />
        ) : range ? (
          <>
            <MetricTile
              label="Predicted interaction quality"
              value={`${pct(range.low)} – ${pct(range.high)}`}
              denominator={`weighted interactions ${PER[range.denominator]} (80% range)`}
              n={range.n}
              nUnit="past posts"
              hint={`Most likely about ${pct(range.expected)}.`}
            />
            {score.count ? (
              <p className="muted" data-testid="score-count">
                About {whole(score.count.expected)} weighted interactions (80% range{" "}
                {whole(score.count.low)}–{whole(score.count.high)}), from your last {score.count.n}{" "}
                posts at your current level.
              </p>
            ) : null}
          </>
        ) : null}
        {score.slotAdvice ? <p data-testid="slot-advice">{score.slotAdvice.text}</p> : null}
        <section aria-labelledby="why-title">
          <h3 id="why-title" className="section-title">
            Why
          </h3>
          {score.incomplete ? (
            <p className="muted">Add what is missing to see what helps and what holds it back.</p>
          ) : score.explanations.length === 0 ? (
            <p className="muted">Nothing in this draft stands out yet, up or down.</p>
          ) : (
            <>
              {own.length > 0 ? reasons(own, "explanations") : null}
              {priors.length > 0 ? (
                <>
                  <h4 className="section-title">Usually, across accounts</h4>
                  {reasons(priors, "prior-explanations")}
                </>
              ) : null}
            </>
          )}
        </section>
        <section aria-labelledby="try-title">
          <h3 id="try-title" className="section-title">
            Try
          </h3>
          {score.suggestions.length === 0 ? (
            <p className="muted">No suggestions: this draft already does what usually helps.</p>
          ) : (
            <ul className="suggestions" data-testid="suggestions">
              {score.suggestions.map((s) => (
                <li key={s.kind}>
                  {s.text}
                  {s.gain !== null ? <span className="muted"> (from {s.n} posts)</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="best-title">
          <h3 id="best-title" className="section-title">
            Your best {contentTypeLabel ? contentTypeLabel.toLowerCase() : "post of this type"}
          </h3>
          {best ? (
            <div className="best-post">
              <p>
                <strong className="num">{pct(best.rate.value)}</strong>{" "}
                {best.rate.denominator === "reach"
                  ? "weighted interactions per person reached"
                  : "weighted interactions per follower"}
                {best.vsMedian !== null
                  ? `, ${formatMultiple(best.vsMedian)} the median of your ${best.n} posts of this type`
                  : ""}
                {best.post.publishedAt ? ` (posted ${best.post.publishedAt.slice(0, 10)})` : ""}.
              </p>
              {best.post.caption ? (
                <blockquote className="best-caption">{best.post.caption.slice(0, 280)}</blockquote>
              ) : null}
            </div>
          ) : (
            <p className="muted">
              {contentTypeLabel
                ? "No past post of this type with measured reach or followers yet."
                : "Choose a content type to compare with your best post of that type."}
            </p>
          )}
        </section>
      </div>
    </Card>
  );
}
