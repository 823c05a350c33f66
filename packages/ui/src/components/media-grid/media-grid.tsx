// Thumbnails of a post's media in posting order, reorderable by drag or keyboard (Space to pick up,
// arrow keys to move, Space to drop) and by explicit move buttons.
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from "@dnd-kit/core";
import { SortableContext, arrayMove, rectSortingStrategy, sortableKeyboardCoordinates, useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { ReactNode } from "react";
import { cx } from "../../lib/cx";
import styles from "./media-grid.module.css";

export interface MediaGridItem {
  id: string;
  /** Thumbnail URL; a video without a thumbnail shows `placeholder`. */
  src?: string | null;
  alt: string;
  placeholder?: ReactNode;
}

export interface MediaGridProps {
  items: MediaGridItem[];
  /** Called with the new order of ids after a drag, a keyboard move or a move button. */
  onReorder?: (ids: string[]) => void;
  onRemove?: (id: string) => void;
  /** Accessible name of the list, e.g. "Photos in posting order". */
  label: string;
  disabled?: boolean;
  className?: string;
}

function SortableTile({
  item,
  index,
  count,
  onMove,
  onRemove,
  disabled,
}: {
  item: MediaGridItem;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove?: (id: string) => void;
  disabled?: boolean;
}) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled });
  const position = `${index + 1} of ${count}`;
  return (
    <li
      ref={setNodeRef}
      className={cx(styles.tile, isDragging && styles.dragging)}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-media-id={item.id}
    >
      <button
        type="button"
        className={styles.handle}
        aria-label={`${!item.src && typeof item.placeholder === "string" ? `${item.placeholder}: ` : ""}${item.alt}, position ${position}. Press Space to pick up, arrow keys to move, Space to drop.`}
        {...attributes}
        aria-roledescription="sortable photo"
        {...listeners}
      >
        {item.src ? <img src={item.src} alt="" className={styles.image} draggable={false} /> : <span className={styles.placeholder}>{item.placeholder ?? item.alt}</span>}
      </button>
      {/* Outside the button so the button's visible text matches its accessible name. */}
      <span className={styles.position} aria-hidden="true">
        {index + 1}
      </span>
      {!disabled ? (
        <div className={styles.actions}>
          <button type="button" className={styles.action} aria-label={`Move ${item.alt} earlier`} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
            ←
          </button>
          <button type="button" className={styles.action} aria-label={`Move ${item.alt} later`} disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
            →
          </button>
          {onRemove ? (
            <button type="button" className={cx(styles.action, styles.remove)} aria-label={`Remove ${item.alt}`} onClick={() => onRemove(item.id)}>
              ×
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

export function MediaGrid({ items, onReorder, onRemove, label, disabled, className }: MediaGridProps) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = items.map((i) => i.id);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= items.length || from === to) return;
    onReorder?.(arrayMove(ids, from, to));
  };
  const onDragEnd = (event: DragEndEvent) => {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    move(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };
  const name = (id: string | number) => items.find((i) => i.id === String(id))?.alt ?? "item";
  const at = (id: string | number) => ids.indexOf(String(id)) + 1;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements: {
          onDragStart: ({ active }) => `Picked up ${name(active.id)}, position ${at(active.id)} of ${items.length}.`,
          onDragOver: ({ active, over }) => (over ? `${name(active.id)} is over position ${at(over.id)} of ${items.length}.` : `${name(active.id)} is no longer over a position.`),
          onDragEnd: ({ active, over }) => (over ? `Dropped ${name(active.id)} at position ${at(over.id)} of ${items.length}.` : `Dropped ${name(active.id)}.`),
          onDragCancel: ({ active }) => `Cancelled. ${name(active.id)} stays at position ${at(active.id)}.`,
        },
      }}
    >
      <SortableContext items={ids} strategy={rectSortingStrategy} disabled={disabled}>
        <ol className={cx(styles.grid, className)} aria-label={label}>
          {items.map((item, index) => (
            <SortableTile key={item.id} item={item} index={index} count={items.length} onMove={move} onRemove={onRemove} disabled={disabled} />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
