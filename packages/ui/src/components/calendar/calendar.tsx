// Planning calendar: day cells and a week board where post chips move between days by mouse,
// touch or keyboard (@dnd-kit: Space to pick up, Left/Right to change day, Space to drop, Esc to cancel).
import {
  DndContext,
  KeyboardCode,
  KeyboardSensor,
  PointerSensor,
  rectIntersection,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import type { Announcements, DragEndEvent, KeyboardCoordinateGetter } from "@dnd-kit/core";
import { CSS } from "@dnd-kit/utilities";
import { useState } from "react";
import type { ReactNode, Ref } from "react";
import { cx } from "../../lib/cx";
import { PostChip } from "../post-chip/post-chip";
import type { CalendarPost } from "../post-chip/post-chip";
import styles from "./calendar.module.css";

export interface CalendarDay {
  /** ISO date, e.g. "2026-03-02"; also the drop target id. */
  date: string;
  /** Visible heading, e.g. "Mon 2". */
  label: string;
  isToday?: boolean;
  posts: CalendarPost[];
}

const byTime = (posts: CalendarPost[]) => [...posts].sort((a, b) => a.time.localeCompare(b.time));

export interface CalendarDayCellProps {
  day: CalendarDay;
  /** Rendered posts; defaults to static chips. */
  children?: ReactNode;
  /** Highlight as the current drop target. */
  isOver?: boolean;
  emptyText?: ReactNode;
  cellRef?: Ref<HTMLDivElement>;
  className?: string;
}

export function CalendarDayCell({ day, children, isOver, emptyText = "Nothing planned", cellRef, className }: CalendarDayCellProps) {
  const count = day.posts.length;
  return (
    <div
      ref={cellRef}
      className={cx(styles.day, day.isToday && styles.today, isOver && styles.over, className)}
      aria-label={`${day.label}${day.isToday ? ", today" : ""}: ${count} ${count === 1 ? "post" : "posts"}`}
      role="group"
    >
      <div className={styles.dayHeader} aria-hidden="true">
        <span className={styles.dayLabel}>{day.label}</span>
        {day.isToday ? <span className={styles.todayTag}>Today</span> : null}
      </div>
      <div className={styles.posts}>
        {count === 0 ? <p className={styles.empty}>{emptyText}</p> : null}
        {children ?? byTime(day.posts).map((post) => <PostChip key={post.id} post={post} />)}
      </div>
    </div>
  );
}

function DraggablePostChip({ post }: { post: CalendarPost }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: post.id });
  return (
    <PostChip
      ref={setNodeRef}
      post={post}
      dragging={isDragging}
      className={styles.draggable}
      style={{ transform: CSS.Translate.toString(transform), zIndex: isDragging ? 2 : undefined }}
      {...attributes}
      {...listeners}
    />
  );
}

function DroppableDay({ day }: { day: CalendarDay }) {
  const { setNodeRef, isOver } = useDroppable({ id: day.date });
  return (
    <CalendarDayCell day={day} isOver={isOver} cellRef={setNodeRef}>
      {byTime(day.posts).map((post) => (
        <DraggablePostChip key={post.id} post={post} />
      ))}
    </CalendarDayCell>
  );
}

/** Left/Right jump a whole day column; Up/Down are ignored (order within a day is by time). */
const dayColumnCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { collisionRect, droppableRects, over } = context;
  if (!collisionRect) return undefined;
  const horizontal = event.code === KeyboardCode.Right ? 1 : event.code === KeyboardCode.Left ? -1 : 0;
  if (horizontal === 0) return undefined;
  event.preventDefault();
  const columns = [...droppableRects.entries()].sort(([, a], [, b]) => a.left - b.left);
  const currentIndex = over ? columns.findIndex(([id]) => id === over.id) : -1;
  const target = columns[currentIndex + horizontal];
  if (!target) return undefined;
  const [, rect] = target;
  return { x: rect.left + (rect.width - collisionRect.width) / 2, y: collisionRect.top };
};

export interface CalendarWeekProps {
  /** Accessible name, e.g. "Week of 2 March". */
  label: string;
  days: CalendarDay[];
  /** Called after a post is dropped on another day. The board moves it right away (optimistic);
   * passing a new `days` array replaces the board's state. */
  onMovePost?: (postId: string, toDate: string) => void;
  className?: string;
}

export function CalendarWeek({ label, days: initialDays, onMovePost, className }: CalendarWeekProps) {
  const [days, setDays] = useState(initialDays);
  // When the parent passes new days (e.g. after the server saved a move), they win.
  const [lastProp, setLastProp] = useState(initialDays);
  if (lastProp !== initialDays) {
    setLastProp(initialDays);
    setDays(initialDays);
  }
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: dayColumnCoordinates }),
  );
  const titleOf = (id: string | number) => days.flatMap((d) => d.posts).find((p) => p.id === id)?.title ?? "post";
  const dayOf = (id: string | number | undefined) => days.find((d) => d.date === id)?.label ?? "no day";
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}.`,
    onDragOver: ({ active, over }) => `${titleOf(active.id)} is over ${dayOf(over?.id)}.`,
    onDragEnd: ({ active, over }) => (over ? `${titleOf(active.id)} moved to ${dayOf(over.id)}.` : `${titleOf(active.id)} was dropped outside the week.`),
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
  };

  const handleDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const from = days.find((d) => d.posts.some((p) => p.id === active.id));
    if (!from || from.date === over.id) return;
    const post = from.posts.find((p) => p.id === active.id);
    if (!post) return;
    setDays((current) =>
      current.map((d) => {
        if (d.date === from.date) return { ...d, posts: d.posts.filter((p) => p.id !== post.id) };
        if (d.date === over.id) return { ...d, posts: [...d.posts, post] };
        return d;
      }),
    );
    onMovePost?.(String(active.id), String(over.id));
  };

  return (
    <section aria-label={label} className={cx(styles.week, className)}>
      <DndContext
        sensors={sensors}
        collisionDetection={rectIntersection}
        onDragEnd={handleDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable: "To move a post, press Space, use the left and right arrow keys to choose a day, then press Space again. Press Escape to cancel.",
          },
        }}
      >
        <div className={styles.grid}>
          {days.map((day) => (
            <DroppableDay key={day.date} day={day} />
          ))}
        </div>
      </DndContext>
    </section>
  );
}
