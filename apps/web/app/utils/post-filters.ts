/** Reads the posts and insights filters from the address bar (shared by the pages and the CSV export). */
export function filtersFrom(url: URL) {
  const get = (k: string) => url.searchParams.get(k) || undefined;
  const page = Number(get("page") ?? "1");
  return {
    profileId: get("profile"),
    from: get("from"),
    to: get("to"),
    contentType: get("type"),
    sort: get("sort"),
    dir: get("dir"),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** When a source has no full dates (UCI), the slot it reported, as "Thursday 03:00 (month 12)". */
export function whenLabel(p: { publishedAt: string | null; slot: { weekday: number; hour: number; month?: number | null } | null }, timeZone?: string): string {
  if (p.publishedAt) {
    return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: timeZone ?? "UTC" }).format(new Date(p.publishedAt));
  }
  if (p.slot) {
    const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    return `${days[p.slot.weekday] ?? "?"} ${String(p.slot.hour).padStart(2, "0")}:00${p.slot.month ? ` (month ${p.slot.month})` : ""}`;
  }
  return "unknown";
}
