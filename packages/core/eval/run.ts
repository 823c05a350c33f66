/**
 * Evaluates the draft scorer on the public UCI Facebook metrics file (500 posts of one page) and on a
 * seeded simulated drifting account, and writes EVAL.md: the scorer beside four baselines measured in
 * the same run, on a static time split and online (retrained before each test post), with paired
 * bootstrap intervals against every baseline and the observed coverage of the 80% range.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Post } from "../src/index";
import {
  MODEL_VERSION,
  contentTypeLift,
  createRandom,
  generateDriftingHistory,
  parseUciFacebookCsv,
  quantile,
} from "../src/index";
import type { Accuracy } from "./metrics";
import { accuracy } from "./metrics";
import type { Method, Prediction, Target } from "./protocols";
import { BASELINES, METHODS, METHOD_LABEL, online, staticSplit } from "./protocols";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const csv = readFileSync(join(root, "data/facebook-metrics/dataset_Facebook.csv"), "utf8");
const parsed = parseUciFacebookCsv(csv);
// The file lists the newest post first (December); reverse it so index order is time order.
const posts = [...parsed.posts].reverse();

const TARGETS: Target[] = [
  {
    key: "interactions",
    name: "Total Interactions",
    truth: (p) =>
      p.extra?.totalInteractions !== undefined ? Number(p.extra.totalInteractions) : null,
  },
  { key: "clicks", name: "Lifetime Post Consumers", truth: (p) => p.clicks ?? null },
];
const PROTOCOLS = [
  { key: "static", name: "Static time split", run: staticSplit },
  { key: "online", name: "Online (retrained before each test post)", run: online },
] as const;

interface Result {
  truth: number[];
  preds: Prediction[];
  acc: Record<Method, Accuracy>;
  coverage: number;
}

function measure(
  data: readonly Post[],
  cut: number,
  t: Target,
  run: (typeof PROTOCOLS)[number]["run"],
): Result {
  const { test, preds } = run(data, cut, t);
  const truth = test.map((p) => t.truth(p) as number);
  const acc = Object.fromEntries(
    METHODS.map((m) => [
      m,
      accuracy(
        preds.map((p) => p.pred[m]),
        truth,
      ),
    ]),
  ) as Record<Method, Accuracy>;
  const inside = preds.filter(
    (p, i) => (truth[i] as number) >= p.low && (truth[i] as number) <= p.high,
  ).length;
  return { truth, preds, acc, coverage: inside / truth.length };
}

type Gap = { mdape: [number, number]; male: [number, number]; rho: [number, number] };
/** Paired bootstrap (2,000 resamples of the test posts) of the scorer minus a baseline. */
function gap(r: Result, baseline: Method, seed: number): Gap {
  const random = createRandom(seed);
  const d = { mdape: [] as number[], male: [] as number[], rho: [] as number[] };
  for (let b = 0; b < 2000; b++) {
    const idx = r.truth.map(() => Math.floor(random() * r.truth.length));
    const y = idx.map((i) => r.truth[i] as number);
    const m = accuracy(
      idx.map((i) => (r.preds[i] as Prediction).pred.model),
      y,
    );
    const q = accuracy(
      idx.map((i) => (r.preds[i] as Prediction).pred[baseline]),
      y,
    );
    d.mdape.push((m.mdape ?? 0) - (q.mdape ?? 0));
    d.male.push(m.male - q.male);
    // A constant baseline has no rank correlation: the gap is the scorer's own rho against 0.
    if (m.spearman !== null) d.rho.push(m.spearman - (q.spearman ?? 0));
  }
  const ci = (xs: number[]): [number, number] => [
    quantile(xs, 0.025) as number,
    quantile(xs, 0.975) as number,
  ];
  return { mdape: ci(d.mdape), male: ci(d.male), rho: ci(d.rho) };
}

const pct = (v: number | null) => (v === null ? "n/a" : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null, dgt = 3) => (v === null ? "n/a" : v.toFixed(dgt));
function table(r: Result): string {
  const lines = [
    "| method | n | MdAPE | MAPE (y > 0) | mean abs log error | Spearman rho | within 2x |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const m of METHODS) {
    const a = r.acc[m];
    lines.push(
      `| ${METHOD_LABEL[m]} | ${a.n} | ${pct(a.mdape)} | ${pct(a.mape)} | ${num(a.male)} | ${a.spearman === null ? "n/a (constant)" : num(a.spearman)} | ${pct(a.within2x)} |`,
    );
  }
  return lines.join("\n");
}

/** The verdict against each baseline, in words, with the intervals and whether they include zero. */
function verdicts(r: Result, seed: number): string {
  const s = r.acc.model;
  return BASELINES.map((b, k) => {
    const q = r.acc[b];
    const g = gap(r, b, seed + k);
    const zero = (ci: [number, number]) => ci[0] <= 0 && ci[1] >= 0;
    const male = s.male < q.male ? "ahead" : "BEHIND";
    const rho =
      q.spearman === null
        ? s.spearman !== null && s.spearman > 0
          ? "ahead (the baseline is constant: no ranking)"
          : "not ahead"
        : (s.spearman ?? -Infinity) > q.spearman
          ? "ahead"
          : "BEHIND";
    const mdape = (s.mdape ?? Infinity) <= (q.mdape ?? Infinity) ? "not behind" : "BEHIND";
    const words = (name: string, ci: [number, number], f: (v: number) => string) =>
      `${name} ${f(ci[0])} to ${f(ci[1])}${zero(ci) ? " (includes zero: not statistically clear)" : " (excludes zero)"}`;
    return `- vs ${METHOD_LABEL[b].replace("Baseline: ", "")}: mean abs log error ${male}, Spearman rho ${rho}, MdAPE ${mdape}. Paired bootstrap of scorer minus baseline: ${words("log error", g.male, (v) => v.toFixed(3))}; ${words("MdAPE", g.mdape, (v) => `${(v * 100).toFixed(1)} points`)}; ${words("rho", g.rho, (v) => v.toFixed(3))}.`;
  }).join("\n");
}

const cut = Math.floor(posts.length * 0.7);
const uci = TARGETS.flatMap((t, ti) =>
  PROTOCOLS.map((p, pi) => ({ t, p, r: measure(posts, cut, t, p.run), seed: 100 + 10 * ti + pi })),
);

// The choices made on a validation split inside the training posts only (train on the first 245, test on 245-349).
const devCut = Math.floor(cut * 0.7);
const dev = TARGETS.flatMap((t) =>
  PROTOCOLS.map((p) => ({ t, p, r: measure(posts.slice(0, cut), devCut, t, p.run) })),
);

// The simulated drifting account (generated, not real data).
const sim = generateDriftingHistory(400, { seed: 12 });
const simTarget: Target = {
  key: "interactions",
  name: "Interactions",
  truth: (p) => (p.likes ?? 0) + (p.comments ?? 0) + (p.shares ?? 0),
};
const simCut = Math.floor(sim.posts.length * 0.7);
const simResults = PROTOCOLS.map((p) => ({ p, r: measure(sim.posts, simCut, simTarget, p.run) }));

const headline = uci
  .map(({ t, p, r }) => {
    const s = r.acc.model;
    const beats = BASELINES.map((b) => {
      const q = r.acc[b];
      return (
        s.male < q.male &&
        (q.spearman === null ? (s.spearman ?? 0) > 0 : (s.spearman ?? -Infinity) > q.spearman) &&
        (s.mdape ?? Infinity) <= (q.mdape ?? Infinity)
      );
    });
    const all = beats.every(Boolean);
    return `| ${t.name} | ${p.name} | ${pct(s.mdape)} | ${num(s.male)} | ${num(s.spearman)} | ${pct(r.coverage)} | ${
      all
        ? "yes"
        : `no (behind ${BASELINES.filter((_, i) => !beats[i])
            .map((b) => b)
            .join(", ")})`
    } |`;
  })
  .join("\n");

const lift = contentTypeLift(posts);
const liftRows = [...lift.byContentType.rows, ...lift.byFormat.rows]
  .filter((r) => r.n > 0)
  .map(
    (r) =>
      `| ${r.label} | ${r.n} | ${r.state} | ${r.rawLift?.toFixed(2)}x | ${r.lift.toFixed(2)}x | ${r.interval ? `${r.interval.low.toFixed(2)}x-${r.interval.high.toFixed(2)}x` : "n/a"} | ${r.isBest ? "yes" : ""} |`,
  );

const md = `# Evaluation on real data

Generated by \`pnpm --filter @rapport/core eval\` (model ${MODEL_VERSION}). Every number below was measured in the
same run. Nothing was tuned on a test part: the level's window, its reversion phi and the ridge penalty are chosen inside
each training set, and the design choices were made on a validation split inside the first ${cut} posts
(its numbers are below, measured in this run too).

## Headline

Scorer on the UCI test posts (the last ${posts.length - cut}); "ahead of every baseline" means a lower mean absolute log error,
a higher Spearman rho (a constant baseline has none) and an MdAPE no higher, against all four baselines.

| target | protocol | MdAPE | mean abs log error | Spearman rho | coverage of the 80% range | ahead of every baseline |
|---|---|---|---|---|---|---|
${headline}

## Data
UCI "Facebook metrics": 500 posts from 2014 on one cosmetics brand's Facebook page
(\`data/facebook-metrics/\`, CC BY 4.0; S. Moro, P. Rita, B. Vala (2016), Journal of Business Research
69(9), 3341-3351). Parsed with \`parseUciFacebookCsv\`: ${parsed.posts.length} posts, ${parsed.rejected.length} rejected rows.
The file has no dates, only month, weekday and hour, and lists the newest post first; it is reversed
so that row order is time order. No other openly licensed per-post data set with publication order
and pre-publication features was found; the drifting account below is simulated and said to be.

## What the model sees
Only what is known **before** publication, per post: type (Photo/Status/Link/Video, as format + link),
category (action/product/inspiration, as content type), weekday, hour, paid, and page total likes.
Reach, impressions and every other lifetime metric of a post are measured after publication and are
**not** inputs for that post; earlier posts' reach is history, which the level uses.

The model is the scorer the app uses (\`trainScorer\` with \`outcome: "interactions"\` or \`"clicks"\`,
then \`predictCountRange\`): the account's **current level** (a trailing median of the de-effected log
values, its window chosen among 5-320 posts by one-step-ahead error on the newest 30% of the training
posts; for a post h posts ahead of the last known one, its gap to the long-run median of the last
1,000 posts shrinks by phi^h, phi chosen among 0-1 by the mean over h = 1, 2, 4 ... 256 of the
h-step-ahead error on the same posts) plus **effects** (content type, format, link, paid) fitted by ridge on the de-levelled values,
shrunk toward priors, with Huber re-weighting. The rate's denominator is reach (every post has it);
the count is predicted on its own level (rate and reach together). The **80% range** is split
conformal: the 10th and 90th percentiles of residuals of the newest 30% of the training posts against
effects fitted on the older 70% and the level forecast made h - 1 posts earlier, at the horizon of the prediction (posts ahead of the last known one:
1 online, 1-${posts.length - cut} on the static split). Rows whose likes/comments/shares cells are missing are left out
of training (the truth is the file's Total Interactions column) but are still scored.

Baselines, all from the same training posts: the median of all of them; the median of the same post
type; the median of the previous 20 posts; an exponentially weighted mean of log(y + 1) with a
half-life of 10 posts (fixed in advance). On the static split the last two are constant over the test
posts (they only see the training posts), so they have no Spearman rho.

Measures: MdAPE and MAPE over test rows with y > 0; mean absolute log error |ln((pred+1)/(y+1))|;
Spearman's rho between prediction and truth; share of rows within 2x ((pred+1)/(y+1) in [0.5, 2]);
coverage: share of test posts whose outcome fell inside the predicted 80% range.

${uci
  .map(
    ({
      t,
      p,
      r,
      seed,
    }) => `## ${t.name}: ${p.name} (train on the first ${cut} posts, test on the last ${posts.length - cut})

${table(r)}

Coverage of the scorer's 80% range: **${pct(r.coverage)}** of ${r.truth.length} test posts.

${verdicts(r, seed)}`,
  )
  .join("\n\n")}

## The validation split inside the training posts (where the choices were made)
Train on the first ${devCut} posts, test on posts ${devCut}-${cut - 1}; the last ${posts.length - cut} posts are never used here.

| target | protocol | scorer MdAPE | scorer log error | scorer rho | coverage | best baseline log error | best baseline rho |
|---|---|---|---|---|---|---|---|
${dev
  .map(({ t, p, r }) => {
    const bestMale = Math.min(...BASELINES.map((b) => r.acc[b].male));
    const rhos = BASELINES.map((b) => r.acc[b].spearman).filter((v): v is number => v !== null);
    return `| ${t.name} | ${p.name} | ${pct(r.acc.model.mdape)} | ${num(r.acc.model.male)} | ${num(r.acc.model.spearman)} | ${pct(r.coverage)} | ${num(bestMale)} | ${rhos.length ? num(Math.max(...rhos)) : "n/a"} |`;
  })
  .join("\n")}

Decided here (docs/decisions/103 has the numbers of each alternative): the count on its own level
rather than the rate's and reach's levels multiplied (mean abs log error 0.78 against 0.87 for Total
Interactions, static); no slot effect for these counts (the timing heatmap measures interaction quality,
another outcome; with it Spearman rho for Lifetime Post Consumers fell from 0.36 to 0.30); Huber
re-weighting kept.

## A simulated drifting account (generated, NOT real data)
\`generateDriftingHistory(400, { seed: 12 })\` in \`src/testing\`: impressions only (no reach), impressions
grow four-fold and interactions per impression fall by 40% between the first 40% and the last 30% of
its posts; content type and format effects and log-normal noise. Train on the first ${simCut}, test on the rest.

${simResults.map(({ p, r }) => `### ${p.name}\n\n${table(r)}\n\nCoverage of the 80% range: ${pct(r.coverage)}.`).join("\n\n")}

## Beside the published figure
Moro et al. (2016) report a MAPE of about 27% for their best model on 790 posts of the same page, with
inputs that included the same seven pre-publication features. The public file holds 500 of those
posts, so the figures are not directly comparable; ours is shown above under the same definitions
(MAPE over rows with y > 0). MAPE is dominated by small-y rows; MdAPE, the log error and Spearman's
rho are the fairer reading. Repeated shuffled cross-validation is no longer reported: the scorer
follows the account's level over time, which a shuffled fold would hand it from the future.

## Content-type lift on this page (interaction quality per person reached, all 500 posts)
Baseline: geometric-mean interaction quality ${lift.baseline.value?.toFixed(4)} ${lift.baseline.denominator === "reach" ? "per person reached" : `per ${lift.baseline.denominator}`} over ${lift.baseline.n} posts.
Category mapping: 1 action -> Offer, 2 product -> Product, 3 inspiration -> Uncurated lifestyle.
Type mapping: Photo -> Single image, Video -> Reel / video, Status and Link -> Text.

| group | posts | state | raw lift | shrunk lift | 95% bootstrap interval | best |
|---|---|---|---|---|---|---|
${liftRows.join("\n")}
`;

writeFileSync(join(root, "EVAL.md"), md);
console.log(md);
