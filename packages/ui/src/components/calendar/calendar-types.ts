// Shapes the calendar views share; the app maps its API rows onto them.
import type { CalendarPost } from "../post-chip/post-chip";

/** One of the account's best posting times, from the same estimates as the insights heatmap. */
export interface CalendarBestSlot {
  /** "HH:mm" on the profile's clock. */
  time: string;
  /** The evidence, e.g. "1.3x your typical post, from 26 posts". */
  note: string;
}

export interface CalendarDay {
  /** ISO date, e.g. "2026-03-02"; also the drop target id. */
  date: string;
  /** Heading and accessible name, e.g. "Mon 2". */
  label: string;
  /** Shorter visible heading where space is tight (the month grid), e.g. "2". */
  shortLabel?: string;
  isToday?: boolean;
  /** Days before today take no drops and no new posts. */
  isPast?: boolean;
  /** A month grid's leading and trailing days from the months around it. */
  outside?: boolean;
  posts: CalendarPost[];
  bestSlots?: CalendarBestSlot[];
  /** Cadence guardrail for this day, e.g. "3 posts: the third tends to take reach from the others". */
  warning?: string;
}

export interface CalendarViewProps {
  /** Accessible name, e.g. "Week of 2 March". */
  label: string;
  days: CalendarDay[];
  /** Called after a post is dropped on another day; the board moves it right away (optimistic),
   * and a new `days` array from the parent replaces the board's state. */
  onMovePost?: (postId: string, toDate: string) => void;
  /** Start a post on a day, at a time when a slot was picked. */
  onCreatePost?: (date: string, time?: string) => void;
  onOpenPost?: (postId: string) => void;
  /** Viewers: everything shows, nothing moves. */
  readOnly?: boolean;
  /** Show the account's best slots on each day. */
  showBestSlots?: boolean;
  /** Cadence guardrails for whole weeks, shown above the board. */
  warnings?: string[];
  className?: string;
}
