/** The calendar's controls: the view, previous / today / next, and filters (a GET form: links work without JavaScript). */
import { DRAFT_STATUSES, DRAFT_STATUS_LABELS } from "@rapport/api/draft-schemas";
import { Button, Checkbox, Select } from "@rapport/ui";
import { Form, Link, useSubmit } from "@remix-run/react";
import {
  CALENDAR_VIEWS,
  calendarHref,
  stepAnchor,
  type CalendarSearch,
} from "~/utils/calendar-search";

const VIEW_LABELS = { week: "Week", month: "Month", list: "List" } as const;

export interface CalendarToolbarProps {
  search: CalendarSearch;
  anchor: string;
  today: string;
  title: string;
  profiles: { id: string; handle: string; platform: string }[];
  contentTypes: { key: string; label: string }[];
}

export function CalendarToolbar({
  search,
  anchor,
  today,
  title,
  profiles,
  contentTypes,
}: CalendarToolbarProps) {
  const submit = useSubmit();
  return (
    <div className="calendar-toolbar">
      <nav aria-label="Calendar view" className="calendar-views">
        {CALENDAR_VIEWS.map((v) => (
          <Link
            key={v}
            to={calendarHref(search, { view: v })}
            aria-current={search.view === v ? "page" : undefined}
            className="calendar-view-link"
          >
            {VIEW_LABELS[v]}
          </Link>
        ))}
      </nav>
      <div className="calendar-nav">
        <Button asChild variant="secondary" size="sm">
          <Link
            to={calendarHref(search, { date: stepAnchor(search.view, anchor, -1) })}
            aria-label={`Previous ${search.view === "list" ? "fortnight" : search.view}`}
          >
            ←
          </Link>
        </Button>
        <Button asChild variant="secondary" size="sm">
          <Link to={calendarHref(search, { date: today })}>Today</Link>
        </Button>
        <Button asChild variant="secondary" size="sm">
          <Link
            to={calendarHref(search, { date: stepAnchor(search.view, anchor, 1) })}
            aria-label={`Next ${search.view === "list" ? "fortnight" : search.view}`}
          >
            →
          </Link>
        </Button>
        <h2 className="calendar-title" aria-live="polite">
          {title}
        </h2>
      </div>
      <Form
        method="get"
        className="calendar-filters"
        onChange={(e) => submit(e.currentTarget, { replace: true })}
      >
        <input type="hidden" name="view" value={search.view} />
        <input type="hidden" name="date" value={anchor} />
        <Select
          label="Profile"
          name="profile"
          defaultValue={search.profile ?? ""}
          placeholder="All profiles"
          options={profiles.map((p) => ({ value: p.id, label: `@${p.handle} (${p.platform})` }))}
        />
        <Select
          label="Content type"
          name="type"
          defaultValue={search.type ?? ""}
          placeholder="All types"
          options={contentTypes.map((t) => ({ value: t.key, label: t.label }))}
        />
        <Select
          label="Status"
          name="status"
          defaultValue={search.status ?? ""}
          placeholder="All but cancelled"
          options={DRAFT_STATUSES.map((s) => ({ value: s, label: DRAFT_STATUS_LABELS[s] }))}
        />
        <Checkbox label="Best slots" name="slots" value="1" defaultChecked={search.slots === "1"} />
        <noscript>
          <Button type="submit" size="sm">
            Apply
          </Button>
        </noscript>
      </Form>
    </div>
  );
}
