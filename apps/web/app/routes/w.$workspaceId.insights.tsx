/** Insights: which content and times drove real interaction, and whether the audience looks healthy. */
import { CADENCE_MIN_WEEKS, CADENCE_NEEDS, CONTENT_TYPE_LABELS, FORMAT_LABELS, PLATFORMS, PLATFORM_LABELS, type ContentType, type Format } from "@rapport/core";
import { Alert, Badge, Button, Card, EmptyState, Heatmap, MetricTile, NotEnoughData, PageHeader, Select, TextField } from "@rapport/ui";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { CadenceChart, LiftChart, MixChart, type LiftDatum } from "~/components/insight-charts";
import { orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { workspaceIdParam } from "~/utils/params";
import { filtersFrom, whenLabel } from "~/utils/post-filters";
import { useWorkspace } from "./w.$workspaceId";

export const meta: MetaFunction = () => [{ title: "Insights · Rapport" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const url = new URL(request.url);
  const f = filtersFrom(url);
  const platform = url.searchParams.get("platform") || undefined;
  const per = url.searchParams.get("per") === "followers" ? "followers" : "reach";
  const api = await serverApi(request);
  const profiles = await orResponse(api.socialProfile.list({ workspaceId }));
  try {
    const insights = await api.insights.get({
      workspaceId,
      profileId: profiles.some((p) => p.id === f.profileId) ? f.profileId : undefined,
      platform: (PLATFORMS as readonly string[]).includes(platform ?? "") ? (platform as (typeof PLATFORMS)[number]) : undefined,
      from: f.from,
      to: f.to,
      denominator: per,
    });
    return { profiles, insights, error: null };
  } catch (e) {
    if (e instanceof Error && (e as { code?: string }).code === "BAD_REQUEST") return data({ profiles, insights: null, error: "Check the filters: dates look like 2026-03-31." }, { status: 400 });
    throw e;
  }
}

const PER = { reach: "per reach", followers: "per follower", impressions: "per impression", views: "per view" } as const;
const liftRows = (rows: { key: string; label: string; n: number; lift: number; interval: { low: number; high: number } | null; state: string; summary: string }[]): LiftDatum[] =>
  rows.filter((r) => r.n > 0).map((r) => ({ key: r.key, label: r.label, n: r.n, lift: r.lift, low: r.interval?.low ?? null, high: r.interval?.high ?? null, state: r.state, summary: r.summary }));

export default function InsightsPage() {
  const { profiles, insights, error } = useLoaderData<typeof loader>();
  const { workspace } = useWorkspace();
  const [params] = useSearchParams();
  const filters = (
    <Form method="get" className="filters" aria-label="Filter insights">
      <Select label="Profile" name="profile" defaultValue={params.get("profile") ?? ""} options={[{ value: "", label: "All profiles" }, ...profiles.map((p) => ({ value: p.id, label: `@${p.handle}` }))]} />
      <Select label="Platform" name="platform" defaultValue={params.get("platform") ?? ""} options={[{ value: "", label: "All platforms" }, ...PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] }))]} />
      <TextField label="From" name="from" type="date" defaultValue={params.get("from") ?? ""} />
      <TextField label="To" name="to" type="date" defaultValue={params.get("to") ?? ""} />
      <Select label="Rates measured" name="per" defaultValue={params.get("per") ?? "reach"} options={[{ value: "reach", label: "Per reach (people who saw it)" }, { value: "followers", label: "Per follower" }]} />
      <Button type="submit" variant="secondary">Apply</Button>
    </Form>
  );
  if (!insights) return (<><PageHeader title="Insights" />{filters}<Alert tone="danger">{error}</Alert></>);
  const per = PER[insights.denominator];
  const header = (
    <PageHeader
      title="Insights"
      description={`What drove real interaction: comments, shares and saves weigh more than likes. Every rate is ${per}, and every number says how many posts it rests on.`}
    />
  );
  if (insights.n === 0) {
    return (
      <>
        {header}
        {filters}
        <EmptyState title="No posts to learn from yet" description="Import your past posts and this page shows what worked for you." action={<Link to={`/w/${workspace.id}/import`}>Import past posts</Link>} />
      </>
    );
  }
  const { lift, heatmap, mix, topBottom, health, cadence } = insights;
  const sourceRows = liftRows(lift.bySourceType.rows);
  const typeRows = liftRows(lift.byContentType.rows.map((r) => ({ ...r, label: CONTENT_TYPE_LABELS[r.key as ContentType] ?? r.label })));
  const formatRows = liftRows(lift.byFormat.rows.map((r) => ({ ...r, label: FORMAT_LABELS[r.key as Format] ?? r.label })));
  const blocks = heatmap ? 24 / heatmap.blockHours : 0;
  const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  return (
    <>
      {header}
      {filters}
      {insights.updating ? (
        <Alert tone="info" role="status">
          Updating: new data arrived, and these numbers are from{" "}
          {insights.computedAt.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC. Reload in a moment for the
          fresh ones.
        </Alert>
      ) : null}
      {insights.usesUciData ? (
        <p className="attribution muted">
          Data: “Facebook metrics” by Sérgio Moro, Paulo Rita and Bernardo Vala (2016), UCI Machine Learning Repository, CC BY 4.0: 500 posts of a
          cosmetics brand's Facebook page in 2014. The file gives weekday and hour but no dates.
        </p>
      ) : null}
      <div className="card-grid">
        <MetricTile label="Posts analysed" value={insights.n.toLocaleString("en")} denominator="posts in these filters" n={insights.n} />
        <MetricTile
          label={`Typical interaction quality ${per}`}
          value={lift.baseline.value === null ? "–" : `${(lift.baseline.value * 100).toFixed(2)} per 100`}
          denominator={per}
          n={lift.baseline.n}
        />
      </div>

      <section aria-labelledby="lift-title" className="stack section-gap">
        <h2 id="lift-title" className="section-title">What kind of post did best</h2>
        <p className="muted">
          Lift is a post type's interaction quality against your typical post (1x), {per}. Small groups are pulled toward 1x; bars show the 95% range.
          The order can change with what rates are measured over{insights.usesUciData ? ": in this data Status posts reached about twice as many people, so per follower they sit above Photo, per reach below it" : ""}.
        </p>
        <div className="insights-grid">
          {sourceRows.length > 0 ? (
            <LiftChart testId="lift-source-type" title="Lift by the file's own post type" description={`The source's post type (${sourceRows.map((r) => r.label).join(", ")}), ${per}, from ${lift.bySourceType.n} posts.`} rows={sourceRows} />
          ) : null}
          {typeRows.length > 0 ? (
            <LiftChart testId="lift-content-type" title="Lift by content type" description={`Content types as imported, suggested or confirmed, ${per}.`} rows={typeRows} />
          ) : null}
          {formatRows.length > 0 ? <LiftChart testId="lift-format" title="Lift by format" description={`Single image, carousel, video, story or text, ${per}.`} rows={formatRows} /> : null}
        </div>
      </section>

      <div className="insights-grid">
        <Card className="span-all" title="When your posts did best" description={heatmap ? `Lift by weekday and time of day in ${heatmap.timeZone}, ${per}, from ${heatmap.n} posts. Cells with fewer than 3 posts stay blank.` : undefined}>
          {heatmap && heatmap.n > 0 ? (
            <div className="stack">
              <Heatmap
                caption={`Lift against your typical post ${per} (1.0 = typical), by weekday and ${heatmap.blockHours}-hour block`}
                rowLabels={days}
                columnLabels={Array.from({ length: blocks }, (_, b) => `${String(b * heatmap.blockHours).padStart(2, "0")}h`)}
                cells={days.map((_, d) => Array.from({ length: blocks }, (_, b) => {
                  const c = heatmap.cells.find((x) => x.weekday === d && x.block === b);
                  return { value: c && c.n > 0 ? c.lift : null, n: c?.n ?? 0 };
                }))}
                formatValue={(v) => `${v.toFixed(2)}x`}
              />
              {heatmap.bestSlots.length ? (
                <ul>{heatmap.bestSlots.map((s) => <li key={s.key}>{s.summary}</li>)}</ul>
              ) : (
                <p className="muted">No time slot stands out yet: no slot's 95% range is clearly above your typical post.</p>
              )}
            </div>
          ) : (
            <NotEnoughData needed={3} current={0} description="No post has a time and a rate yet." />
          )}
        </Card>

        <Card title="Interaction mix" description={mix.summary}>
          <MixChart parts={mix.parts} per={per} />
        </Card>
      </div>

      <div className="insights-grid">
        <Card title="Top posts" description={`By interaction quality ${per}, against the median of ${topBottom.n} posts.`}>
          <ol className="stack">
            {topBottom.top.map((r) => (
              <li key={r.post.id}>
                <strong>{whenLabel(r.post, insights.focusProfile?.timeZone)}</strong> {r.post.sourceType ? <Badge>{r.post.sourceType}</Badge> : null}
                {r.post.caption ? <p>{r.post.caption.slice(0, 140)}</p> : null}
                <ul className="muted">{r.explanation.map((e) => <li key={e}>{e}</li>)}</ul>
              </li>
            ))}
          </ol>
        </Card>
        <Card title="Bottom posts" description={`The weakest by the same measure, ${per}.`}>
          {topBottom.bottom.length === 0 ? (
            <NotEnoughData needed={10} current={topBottom.n} description="With fewer than 10 posts, top and bottom would be the same posts." />
          ) : (
            <ol className="stack">
              {topBottom.bottom.map((r) => (
                <li key={r.post.id}>
                  <strong>{whenLabel(r.post, insights.focusProfile?.timeZone)}</strong> {r.post.sourceType ? <Badge>{r.post.sourceType}</Badge> : null}
                  {r.post.caption ? <p>{r.post.caption.slice(0, 140)}</p> : null}
                  <ul className="muted">{r.explanation.map((e) => <li key={e}>{e}</li>)}</ul>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>

      <div className="insights-grid">
        <Card title="Audience health" description={health ? `@${insights.focusProfile?.handle}: ${health.summary}` : undefined}>
          {health ? (
            <div className="stack">
              <p>
                <strong className="big-number">{health.trustScore}</strong> <span className="muted">of 100 (100 = no signal worth a look)</span>
              </p>
              <ul className="stack plain-list">
                {health.signals.map((s) => (
                  <li key={s.key}>
                    <Badge tone={s.status === "worth-a-look" ? "warning" : s.status === "typical" ? "success" : "neutral"}>
                      {s.status === "worth-a-look" ? "Worth a look" : s.status === "typical" ? "Typical" : "Not enough data"}
                    </Badge>{" "}
                    <strong>{s.title}</strong>
                    <br />
                    <span>{s.evidence}</span> <span className="muted">({s.denominator}; n = {s.n})</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
        {/* One threshold (core's) for the summary, the progress and the chart. */}
        <Card title="Cadence" description={cadence && cadence.weeks.length >= CADENCE_MIN_WEEKS ? cadence.summary : undefined}>
          {cadence && cadence.weeks.length >= CADENCE_MIN_WEEKS ? (
            <CadenceChart weeks={cadence.weeks} per={per} />
          ) : (
            <NotEnoughData
              needed={CADENCE_MIN_WEEKS}
              current={cadence?.weeks.length ?? 0}
              unit="weeks"
              title="Not enough weeks yet to judge cadence"
              description={
                insights.datedPosts === 0 && insights.n > 0
                  ? `These posts have no full dates (the source gives only weekday and hour), so weeks cannot be told apart. ${CADENCE_NEEDS}`
                  : CADENCE_NEEDS
              }
            />
          )}
        </Card>
      </div>
    </>
  );
}
