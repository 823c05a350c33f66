// Drag and drop shared by the calendar's month, week and list views (@dnd-kit): pointer, touch and
// keyboard (Space to pick up, arrows to choose a day, Space to drop, Esc to cancel; Enter opens a post).
import {
  DndContext,
  KeyboardCode,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import type {
  Announcements,
  CollisionDetection,
  DragEndEvent,
  KeyboardCoordinateGetter,
} from "@dnd-kit/core";
import { CSS } from "@dnd-kit/utilities";
import { useRef, useState } from "react";
import type { ReactNode, Ref } from "react";
import { PostChip } from "../post-chip/post-chip";
import type { CalendarPost, PostStatus } from "../post-chip/post-chip";
import type { CalendarDay } from "./calendar-types";
import styles from "./calendar.module.css";

/** How many days each arrow key moves a picked-up post in a view. */
export type ArrowSteps = Partial<
  Record<"ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown", number>
>;

/** Posts that are out, going out or withdrawn stay where they are. */
const FIXED: ReadonlySet<PostStatus> = new Set([
  "publishing",
  "published",
  "cancelled",
  "archived",
]);
export const isMovable = (post: CalendarPost) => !FIXED.has(post.status ?? "scheduled");

export const byTime = (posts: CalendarPost[]) =>
  [...posts].sort((a, b) => a.time.localeCompare(b.time));

export interface PlannerChipProps {
  post: CalendarPost;
  readOnly?: boolean;
  onOpenPost?: ((postId: string) => void) | undefined;
}

/** A chip that can be dragged (unless read-only or fixed) and opened with a click or Enter. */
export function PlannerChip({ post, readOnly, onOpenPost }: PlannerChipProps) {
  const disabled = readOnly || !isMovable(post);
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: post.id,
    disabled,
  });
  const open = onOpenPost ? () => onOpenPost(post.id) : undefined;
  if (disabled) {
    return open ? (
      <PostChip
        post={post}
        role="button"
        tabIndex={0}
        className={styles.openable}
        onClick={open}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            open();
          }
        }}
      />
    ) : (
      <PostChip post={post} />
    );
  }
  return (
    <PostChip
      ref={setNodeRef}
      post={post}
      dragging={isDragging}
      className={styles.draggable}
      style={{ transform: CSS.Translate.toString(transform), zIndex: isDragging ? 2 : undefined }}
      {...attributes}
      {...listeners}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === "Enter" && open) {
          e.preventDefault();
          open();
          return;
        }
        listeners?.["onKeyDown"]?.(e);
      }}
    />
  );
}

/** A day that accepts dropped posts; past days do not. */
export function DroppableDay({
  day,
  children,
}: {
  day: CalendarDay;
  children: (ref: Ref<HTMLElement>, isOver: boolean) => ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: day.date, disabled: !!day.isPast });
  return <>{children(setNodeRef, isOver)}</>;
}

const collision: CollisionDetection = (args) =>
  args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args);

export interface PlannerBoardProps {
  days: CalendarDay[];
  steps: ArrowSteps;
  onMovePost?: ((postId: string, toDate: string) => void) | undefined;
  /** Renders the board with the current (optimistically moved) days. */
  children: (days: CalendarDay[]) => ReactNode;
  instructions: string;
  id: string;
}

export function PlannerBoard({
  days: initialDays,
  steps,
  onMovePost,
  children,
  instructions,
  id,
}: PlannerBoardProps) {
  const [days, setDays] = useState(initialDays);
  // When the parent passes new days (after the server saved a move, or a refused one), they win.
  const [lastProp, setLastProp] = useState(initialDays);
  if (lastProp !== initialDays) {
    setLastProp(initialDays);
    setDays(initialDays);
  }
  const daysRef = useRef(days);
  daysRef.current = days;
  const dateOfPost = (postId: string | number) =>
    daysRef.current.find((d) => d.posts.some((p) => p.id === postId))?.date;
  // The day the keyboard last aimed at: \`over\` lags a key press behind when keys come quickly.
  const aimed = useRef<string | null>(null);

  const coordinates: KeyboardCoordinateGetter = (event, { active, context }) => {
    const { collisionRect, droppableRects, over } = context;
    const step = steps[event.code as keyof ArrowSteps];
    if (!collisionRect || !step) return undefined;
    event.preventDefault();
    const order = daysRef.current.map((d) => d.date);
    const from = aimed.current ?? String(over?.id ?? dateOfPost(active) ?? "");
    let index = order.indexOf(from);
    if (index < 0) return undefined;
    // Skip days that take no drops (the past), keeping the arrow's direction and stride.
    for (index += step; index >= 0 && index < order.length; index += step) {
      const rect = droppableRects.get(order[index] as string);
      if (rect) {
        aimed.current = order[index] as string;
        return {
          x: rect.left + rect.width / 2 - collisionRect.width / 2,
          y: rect.top + (rect.height - collisionRect.height) / 2,
        };
      }
    }
    return undefined;
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: coordinates,
      keyboardCodes: {
        start: [KeyboardCode.Space],
        cancel: [KeyboardCode.Esc],
        end: [KeyboardCode.Space, KeyboardCode.Enter],
      },
    }),
  );
  const titleOf = (postId: string | number) =>
    days.flatMap((d) => d.posts).find((p) => p.id === postId)?.title ?? "post";
  const dayOf = (date: string | number | undefined) =>
    days.find((d) => d.date === date)?.label ?? "no day";
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}.`,
    onDragOver: ({ active, over }) => `${titleOf(active.id)} is over ${dayOf(over?.id)}.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `${titleOf(active.id)} moved to ${dayOf(over.id)}.`
        : `${titleOf(active.id)} was dropped outside the calendar.`,
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
  };

  const handleDragEnd = ({ active, over }: DragEndEvent) => {
    // A keyboard drop goes where the last arrow aimed, even if \`over\` has not caught up with it yet.
    const to = aimed.current ?? (over ? String(over.id) : null);
    aimed.current = null;
    if (!to) return;
    const from = days.find((d) => d.posts.some((p) => p.id === active.id));
    if (!from || from.date === to) return;
    const post = from.posts.find((p) => p.id === active.id);
    if (!post) return;
    setDays((current) =>
      current.map((d) => {
        if (d.date === from.date) return { ...d, posts: d.posts.filter((p) => p.id !== post.id) };
        if (d.date === to) return { ...d, posts: [...d.posts, post] };
        return d;
      }),
    );
    onMovePost?.(String(active.id), to);
  };

  return (
    <DndContext
      id={id}
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={() => {
        aimed.current = null;
      }}
      onDragCancel={() => {
        aimed.current = null;
      }}
      onDragEnd={handleDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: instructions } }}
    >
      {children(days)}
    </DndContext>
  );
}
