/** Caption counters against each platform's limit, counted the way that platform counts (core). */
import type { CaptionCount, Platform } from "@rapport/core";
import { Badge } from "@rapport/ui";

const nf = new Intl.NumberFormat("en");

export function CaptionLimitsList({ counts, primary }: { counts: CaptionCount[]; primary: Platform }) {
  const ordered = [...counts].sort((a, b) => Number(b.platform === primary) - Number(a.platform === primary));
  return (
    <ul className="caption-limits" aria-label="Length on each platform" data-testid="caption-limits">
      {ordered.map((c) => (
        <li key={c.platform} data-platform={c.platform} data-ok={c.ok} className={c.platform === primary ? "primary" : undefined}>
          <Badge tone={c.ok ? (c.platform === primary ? "accent" : "neutral") : "danger"}>
            {c.label}: {nf.format(c.length)} / {nf.format(c.maxLength)}
            {c.maxHashtags !== null ? ` · ${c.hashtags}/${c.maxHashtags} #` : ""}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
