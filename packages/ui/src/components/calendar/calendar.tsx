// Planning calendar in three views on one set of days: a week board, a month grid and a list
// (agenda). Posts move between days by mouse, touch or keyboard; empty days and best slots start a post.
import type { ReactNode, Ref } from "react";
import { cx } from "../../lib/cx";
import { PostChip } from "../post-chip/post-chip";
import { DroppableDay, PlannerBoard, PlannerChip, byTime } from "./calendar-dnd";
import type { ArrowSteps } from "./calendar-dnd";
import type { CalendarDay, CalendarViewProps } from "./calendar-types";
import styles from "./calendar.module.css";

export type { CalendarBestSlot, CalendarDay, CalendarViewProps } from "./calendar-types";
export { isMovable } from "./calendar-dnd";

const countLabel = (n: number) => `${n} ${n === 1 ? "post" : "posts"}`;

export interface CalendarDayCellProps {
  day: CalendarDay;
  /** Rendered posts; defaults to static chips. */
  children?: ReactNode;
  /** Highlight as the current drop target. */
  isOver?: boolean;
  emptyText?: ReactNode;
  cellRef?: Ref<HTMLElement>;
  className?: string;
  onCreatePost?: ((date: string, time?: string) => void) | undefined;
  showBestSlots?: boolean | undefined;
  /** The day's heading sits beside its posts (the list view) instead of above them. */
  layout?: "stacked" | "row";
}

export function CalendarDayCell({
  day,
  children,
  isOver,
  emptyText = "Nothing planned",
  cellRef,
  className,
  onCreatePost,
  showBestSlots,
  layout = "stacked",
}: CalendarDayCellProps) {
  const count = day.posts.length;
  const canCreate = !!onCreatePost && !day.isPast;
  const slots = showBestSlots ? (day.bestSlots ?? []) : [];
  return (
    <div
      ref={cellRef as Ref<HTMLDivElement>}
      className={cx(
        styles.day,
        layout === "row" && styles.row,
        day.isToday && styles.today,
        day.isPast && styles.past,
        day.outside && styles.outside,
        isOver && styles.over,
        className,
      )}
      aria-label={`${day.label}${day.isToday ? ", today" : ""}: ${countLabel(count)}`}
      role="group"
    >
      <div className={styles.dayHeader}>
        <span className={styles.dayLabel} aria-hidden="true">
          {day.shortLabel ?? day.label}
        </span>
        {day.isToday ? (
          <span className={styles.todayTag} aria-hidden="true">
            Today
          </span>
        ) : null}
        {count > 0 ? (
          <span className={styles.count} aria-hidden="true">
            {count}
          </span>
        ) : null}
        {canCreate ? (
          <button
            type="button"
            className={styles.add}
            aria-label={`New post on ${day.label}`}
            onClick={() => onCreatePost(day.date)}
          >
            +
          </button>
        ) : null}
      </div>
      <div className={styles.posts}>
        {day.warning ? (
          <p className={styles.warning}>
            <span aria-hidden="true" className={styles.warningIcon}>
              !
            </span>
            {day.warning}
          </p>
        ) : null}
        {count === 0 && slots.length === 0 ? <p className={styles.empty}>{emptyText}</p> : null}
        {children ?? byTime(day.posts).map((post) => <PostChip key={post.id} post={post} />)}
        {slots.map((slot) =>
          canCreate ? (
            <button
              key={slot.time}
              type="button"
              className={styles.slot}
              onClick={() => onCreatePost(day.date, slot.time)}
            >
              <span className={styles.slotTime}>
                <span className="rp-visually-hidden">Plan a post on {day.label} at </span>
                {slot.time}
              </span>
              <span className={styles.slotNote}>Best slot · {slot.note}</span>
            </button>
          ) : (
            <p key={slot.time} className={styles.slot}>
              <span className={styles.slotTime}>{slot.time}</span>
              <span className={styles.slotNote}>Best slot · {slot.note}</span>
            </p>
          ),
        )}
      </div>
    </div>
  );
}

function Warnings({ warnings }: { warnings: string[] | undefined }) {
  if (!warnings?.length) return null;
  return (
    <ul className={styles.weekWarnings} aria-label="Cadence warnings">
      {warnings.map((w) => (
        <li key={w} className={styles.warning}>
          <span aria-hidden="true" className={styles.warningIcon}>
            !
          </span>
          {w}
        </li>
      ))}
    </ul>
  );
}

const INSTRUCTIONS = {
  week: "To move a post, press Space, use the arrow keys to choose a day, then press Space again. Press Escape to cancel, Enter to open the post.",
  month:
    "To move a post, press Space, use the left and right arrow keys for the day and up and down for the week, then press Space again. Press Escape to cancel, Enter to open the post.",
  list: "To move a post, press Space, use the up and down arrow keys to choose a day, then press Space again. Press Escape to cancel, Enter to open the post.",
};
const STEPS: Record<keyof typeof INSTRUCTIONS, ArrowSteps> = {
  week: { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -1, ArrowDown: 1 },
  month: { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 },
  list: { ArrowUp: -1, ArrowDown: 1, ArrowLeft: -1, ArrowRight: 1 },
};

function Board({
  view,
  props,
  render,
}: {
  view: keyof typeof INSTRUCTIONS;
  props: CalendarViewProps;
  render: (days: CalendarDay[], cell: (day: CalendarDay) => ReactNode) => ReactNode;
}) {
  const {
    label,
    days,
    onMovePost,
    onCreatePost,
    onOpenPost,
    readOnly,
    showBestSlots,
    warnings,
    className,
  } = props;
  const create = readOnly ? undefined : onCreatePost;
  const cell = (day: CalendarDay) => (
    <DroppableDay key={day.date} day={day}>
      {(ref, isOver) => (
        <CalendarDayCell
          day={day}
          cellRef={ref}
          isOver={isOver}
          onCreatePost={create}
          showBestSlots={showBestSlots}
          layout={view === "list" ? "row" : "stacked"}
        >
          {byTime(day.posts).map((post) => (
            <PlannerChip key={post.id} post={post} readOnly={readOnly} onOpenPost={onOpenPost} />
          ))}
        </CalendarDayCell>
      )}
    </DroppableDay>
  );
  return (
    <section aria-label={label} className={cx(styles.calendar, styles[view], className)}>
      <Warnings warnings={warnings} />
      <PlannerBoard
        id={`calendar-${view}`}
        days={days}
        steps={STEPS[view]}
        onMovePost={onMovePost}
        instructions={INSTRUCTIONS[view]}
      >
        {(current) => render(current, cell)}
      </PlannerBoard>
    </section>
  );
}

/** Seven days side by side; stacked one under another when the container is narrow. */
export function CalendarWeek(props: CalendarViewProps) {
  return (
    <Board
      view="week"
      props={props}
      render={(days, cell) => <div className={styles.grid}>{days.map(cell)}</div>}
    />
  );
}

export interface CalendarMonthProps extends CalendarViewProps {
  /** Column headings, Monday first by default. */
  weekdayLabels?: string[];
}

/** Whole weeks (a multiple of seven days, Monday first) in a grid; chips shrink to one line when narrow. */
export function CalendarMonth({
  weekdayLabels = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
  ...props
}: CalendarMonthProps) {
  return (
    <Board
      view="month"
      props={props}
      render={(days, cell) => (
        <div className={styles.monthGrid}>
          {weekdayLabels.map((w) => (
            <div key={w} className={styles.weekday} aria-hidden="true">
              {w}
            </div>
          ))}
          {days.map(cell)}
        </div>
      )}
    />
  );
}

/** Day by day, one under another (agenda). */
export function CalendarList(props: CalendarViewProps) {
  return (
    <Board
      view="list"
      props={props}
      render={(days, cell) => <div className={styles.list}>{days.map(cell)}</div>}
    />
  );
}
