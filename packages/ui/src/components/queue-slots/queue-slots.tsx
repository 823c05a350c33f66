// A profile's recurring weekly posting slots: the ones kept (editable), and suggestions from the
// account's own heatmap with the evidence for each. "Add to queue" fills the next free one.
import { useState } from "react";
import type { FormEvent } from "react";
import { cx } from "../../lib/cx";
import { Button } from "../button/button";
import { Select } from "../select/select";
import { TextField } from "../text-field/text-field";
import styles from "./queue-slots.module.css";

export const WEEKDAY_NAMES = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;

export interface QueueSlot {
  id: string;
  /** 0 = Monday ... 6 = Sunday, on the profile's clock. */
  weekday: number;
  /** "HH:mm" on the profile's clock. */
  time: string;
  /** Why it is here, e.g. "1.3x your typical post, from 26 posts"; absent for slots typed in. */
  evidence?: string | null | undefined;
}

export interface QueueSlotSuggestion {
  weekday: number;
  time: string;
  evidence: string;
  /** Already kept as a slot. */
  taken?: boolean | undefined;
}

export interface QueueSlotsProps {
  slots: QueueSlot[];
  suggestions?: QueueSlotSuggestion[];
  /** Names the clock the times are on, e.g. "Europe/Paris". */
  timeZone: string;
  onAdd?: (weekday: number, time: string) => void;
  onUpdate?: (id: string, weekday: number, time: string) => void;
  onRemove?: (id: string) => void;
  readOnly?: boolean;
  /** Refusal from the server, shown beside the form. */
  error?: string | undefined;
  busy?: boolean;
  className?: string;
}

const weekdayOptions = WEEKDAY_NAMES.map((label, i) => ({ value: String(i), label }));
const order = (a: { weekday: number; time: string }, b: { weekday: number; time: string }) =>
  a.weekday - b.weekday || a.time.localeCompare(b.time);

function SlotRow({
  slot,
  readOnly,
  onUpdate,
  onRemove,
}: {
  slot: QueueSlot;
  readOnly?: boolean | undefined;
  onUpdate?: QueueSlotsProps["onUpdate"];
  onRemove?: QueueSlotsProps["onRemove"];
}) {
  const [editing, setEditing] = useState(false);
  const name = `${WEEKDAY_NAMES[slot.weekday] ?? "?"} ${slot.time}`;
  if (editing && onUpdate) {
    const save = (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const data = new FormData(e.currentTarget);
      onUpdate(slot.id, Number(data.get("weekday")), String(data.get("time")));
      setEditing(false);
    };
    return (
      <li className={styles.row}>
        <form className={styles.form} onSubmit={save} aria-label={`Edit ${name}`}>
          <Select
            label="Day"
            name="weekday"
            options={weekdayOptions}
            defaultValue={String(slot.weekday)}
          />
          <TextField label="Time" name="time" type="time" defaultValue={slot.time} required />
          <div className={styles.actions}>
            <Button type="submit" size="sm">
              Save
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li className={styles.row}>
      <div className={styles.slot}>
        <span className={styles.when}>{name}</span>
        <span className={styles.evidence}>{slot.evidence ?? "Added by hand"}</span>
      </div>
      {readOnly ? null : (
        <div className={styles.actions}>
          {onUpdate ? (
            <Button
              size="sm"
              variant="secondary"
              onClick={() => setEditing(true)}
              aria-label={`Edit ${name}`}
            >
              Edit
            </Button>
          ) : null}
          {onRemove ? (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => onRemove(slot.id)}
              aria-label={`Remove ${name}`}
            >
              Remove
            </Button>
          ) : null}
        </div>
      )}
    </li>
  );
}

export function QueueSlots({
  slots,
  suggestions = [],
  timeZone,
  onAdd,
  onUpdate,
  onRemove,
  readOnly,
  error,
  busy,
  className,
}: QueueSlotsProps) {
  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    onAdd?.(Number(data.get("weekday")), String(data.get("time")));
  };
  const open = suggestions.filter((s) => !s.taken).sort(order);
  return (
    <div className={cx(styles.wrap, className)}>
      <section aria-label="Queue slots" className={styles.section}>
        <h3 className={styles.heading}>Slots ({timeZone.replaceAll("_", " ")} time)</h3>
        {slots.length === 0 ? (
          <p className={styles.muted}>No slots yet: add a suggested one or your own.</p>
        ) : null}
        <ul className={styles.list}>
          {[...slots].sort(order).map((slot) => (
            <SlotRow
              key={slot.id}
              slot={slot}
              readOnly={readOnly}
              onUpdate={onUpdate}
              onRemove={onRemove}
            />
          ))}
        </ul>
        {readOnly || !onAdd ? null : (
          <form className={styles.form} onSubmit={add} aria-label="Add a slot">
            <Select label="Day" name="weekday" options={weekdayOptions} defaultValue="0" />
            <TextField
              label="Time"
              name="time"
              type="time"
              defaultValue="09:00"
              required
              error={error}
            />
            <div className={styles.actions}>
              <Button type="submit" size="sm" loading={busy}>
                Add slot
              </Button>
            </div>
          </form>
        )}
      </section>
      {open.length > 0 ? (
        <section aria-label="Suggested slots" className={styles.section}>
          <h3 className={styles.heading}>Suggested from your heatmap</h3>
          <ul className={styles.list}>
            {open.map((s) => {
              const name = `${WEEKDAY_NAMES[s.weekday] ?? "?"} ${s.time}`;
              return (
                <li key={`${s.weekday}-${s.time}`} className={styles.row}>
                  <div className={styles.slot}>
                    <span className={styles.when}>{name}</span>
                    <span className={styles.evidence}>{s.evidence}</span>
                  </div>
                  {readOnly || !onAdd ? null : (
                    <div className={styles.actions}>
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => onAdd(s.weekday, s.time)}
                        aria-label={`Add ${name} as a slot`}
                      >
                        Add
                      </Button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
