/**
 * Insights charts (recharts). Each chart has a title and an accessible table beside it with the
 * same numbers; the chart itself is decoration for sighted readers (aria-hidden).
 */
import { Table } from "@rapport/ui";
import type { ReactNode } from "react";
import { useEffect, useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/** recharts measures the DOM: render it only in the browser (the table is there from the server). */
function ClientOnly({ children, height = 280 }: { children: ReactNode; height?: number }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    // The chart repeats the table beside it, so it is hidden from assistive tech; `inert` also takes
    // recharts' focusable surface out of the tab order (aria-hidden content must not take focus).
    <div className="chart-box" style={{ height }} aria-hidden="true" {...{ inert: "" }}>
      {ready ? children : null}
    </div>
  );
}

export interface LiftDatum {
  key: string;
  label: string;
  n: number;
  lift: number;
  low: number | null;
  high: number | null;
  state: string;
  summary: string;
}

const x = (v: number) => `${v.toFixed(2)}x`;

export function LiftChart({ title, description, rows, testId }: { title: string; description: ReactNode; rows: LiftDatum[]; testId: string }) {
  const shown = rows.filter((r) => r.state !== "not-enough-posts").sort((a, b) => b.lift - a.lift);
  const waiting = rows.filter((r) => r.state === "not-enough-posts");
  const data = shown.map((r) => ({
    label: `${r.label} (n=${r.n})`,
    lift: r.lift,
    err: r.low !== null && r.high !== null ? [r.lift - r.low, r.high - r.lift] : [0, 0],
  }));
  return (
    <figure className="stack" data-testid={testId}>
      <figcaption>
        <h3 className="section-title">{title}</h3>
        <p className="muted">{description}</p>
      </figcaption>
      {shown.length > 0 ? (
        <ClientOnly height={Math.max(160, 48 * shown.length + 40)}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }}>
              <CartesianGrid horizontal={false} stroke="var(--rp-color-border)" />
              <XAxis type="number" domain={[0, "auto"]} tickFormatter={x} />
              <YAxis type="category" dataKey="label" width={170} />
              <ReferenceLine x={1} stroke="var(--rp-color-border-strong)" strokeDasharray="4 4" label={{ value: "your typical post", position: "top", fontSize: 11 }} />
              <Tooltip formatter={(v) => x(Number(v))} />
              <Bar dataKey="lift" fill="var(--rp-color-accent)" isAnimationActive={false}>
                <ErrorBar dataKey="err" width={6} stroke="var(--rp-color-text)" direction="x" />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </ClientOnly>
      ) : null}
      <Table caption={`${title}: table`} hideCaption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col" className="num">Lift</th>
            <th scope="col" className="num">95% range</th>
            <th scope="col" className="num">Posts (n)</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num">{x(r.lift)}</td>
              <td className="num">{r.low !== null && r.high !== null ? `${x(r.low)}–${x(r.high)}` : "–"}</td>
              <td className="num">{r.n}</td>
            </tr>
          ))}
          {waiting.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td colSpan={2} className="muted">not enough posts yet</td>
              <td className="num">{r.n}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </figure>
  );
}

export interface CadenceDatum {
  weekStart: string;
  posts: number;
  weeklyTotal: number;
  perPostRate: number;
}

/** Weeks drawn in the chart: a year stays readable; the table below lists every week. */
const CHART_WEEKS = 52;

export function CadenceChart({ weeks, per }: { weeks: CadenceDatum[]; per: string }) {
  const shown = weeks.slice(-CHART_WEEKS);
  return (
    <figure className="stack">
      {weeks.length > shown.length ? (
        <figcaption className="muted">
          The last {shown.length} of {weeks.length} weeks (from {shown[0]?.weekStart}); the table lists every week.
        </figcaption>
      ) : null}
      <ClientOnly>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={shown} margin={{ left: 8, right: 8 }}>
            <CartesianGrid stroke="var(--rp-color-border)" vertical={false} />
            <XAxis dataKey="weekStart" />
            <YAxis yAxisId="posts" allowDecimals={false} />
            <YAxis yAxisId="rate" orientation="right" tickFormatter={(v: number) => `${(v * 100).toFixed(1)}`} />
            <Tooltip />
            <Bar yAxisId="posts" dataKey="posts" name="Posts" fill="var(--rp-color-accent-subtle)" stroke="var(--rp-color-accent)" isAnimationActive={false} />
            <Line yAxisId="rate" dataKey="perPostRate" name={`Median per-post quality ${per}`} stroke="var(--rp-color-accent)" dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </ClientOnly>
      <details>
        <summary>Table of the weeks</summary>
        <Table caption="Cadence by week">
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col" className="num">Posts</th>
              <th scope="col" className="num">Median quality {per} (x100)</th>
              <th scope="col" className="num">Weekly weighted interactions</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.weekStart}>
                <th scope="row">{w.weekStart}</th>
                <td className="num">{w.posts}</td>
                <td className="num">{(w.perPostRate * 100).toFixed(2)}</td>
                <td className="num">{Math.round(w.weeklyTotal)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </details>
    </figure>
  );
}

export interface MixDatum {
  key: string;
  label: string;
  share: number | null;
  medianRate: number | null;
  n: number;
}

export function MixChart({ parts, per }: { parts: MixDatum[]; per: string }) {
  const data = parts.map((p) => ({ label: p.label, share: p.share === null ? 0 : p.share * 100 }));
  return (
    <figure className="stack">
      <ClientOnly height={180}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }}>
            <XAxis type="number" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} />
            <YAxis type="category" dataKey="label" width={190} />
            <Tooltip formatter={(v) => `${Number(v).toFixed(1)}%`} />
            <Bar dataKey="share" name="Share of interactions" fill="var(--rp-color-info)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ClientOnly>
      <Table caption="Interaction mix: table" hideCaption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col" className="num">Share of interactions</th>
            <th scope="col" className="num">Median per post, {per}</th>
            <th scope="col" className="num">Posts (n)</th>
          </tr>
        </thead>
        <tbody>
          {parts.map((p) => (
            <tr key={p.key}>
              <th scope="row">{p.label}</th>
              {p.n === 0 ? (
                <td className="num muted" colSpan={2}>
                  missing: not in the imported data
                </td>
              ) : (
                <>
                  <td className="num">{p.share === null ? "–" : `${(p.share * 100).toFixed(1)}%`}</td>
                  <td className="num">{p.medianRate === null ? "–" : `${(p.medianRate * 100).toFixed(2)}%`}</td>
                </>
              )}
              <td className="num">{p.n}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </figure>
  );
}
