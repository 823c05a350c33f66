// "This week": today and the days after it, one under another, with the posts planned on each,
// the queue slots still empty and the cadence guardrail where a day is crowded.
import { cx } from "../../lib/cx";
import { PostChip } from "../post-chip/post-chip";
import type { CalendarPost } from "../post-chip/post-chip";
import styles from "./day-list.module.css";

export interface DayListDay {
  date: string;
  /** Heading, e.g. "Today, Wed 4 March". */
  label: string;
  isToday?: boolean;
  posts: CalendarPost[];
  /** Queue slots on this day with no post yet ("HH:mm"). */
  openSlots?: string[];
  warning?: string | undefined;
}

export interface DayListProps {
  /** Accessible name, e.g. "Today and the next 7 days". */
  label: string;
  days: DayListDay[];
  onOpenPost?: (postId: string) => void;
  /** Start a post in an empty queue slot; absent for viewers. */
  onFillSlot?: (date: string, time: string) => void;
  className?: string;
}

export function DayList({ label, days, onOpenPost, onFillSlot, className }: DayListProps) {
  return (
    <ol aria-label={label} className={cx(styles.days, className)}>
      {days.map((day) => {
        const n = day.posts.length;
        return (
          <li key={day.date} className={cx(styles.day, day.isToday && styles.today)}>
            <h3 className={styles.heading}>
              <span>{day.label}</span>
              <span className={styles.count}>
                {n} {n === 1 ? "post" : "posts"}
              </span>
            </h3>
            {day.warning ? (
              <p className={styles.warning}>
                <span aria-hidden="true" className={styles.warningIcon}>
                  !
                </span>
                {day.warning}
              </p>
            ) : null}
            {n === 0 && !day.openSlots?.length ? (
              <p className={styles.empty}>Nothing planned</p>
            ) : null}
            <ul className={styles.items}>
              {[...day.posts]
                .sort((a, b) => a.time.localeCompare(b.time))
                .map((post) => (
                  <li key={post.id}>
                    {onOpenPost ? (
                      <button
                        type="button"
                        className={styles.open}
                        onClick={() => onOpenPost(post.id)}
                      >
                        <PostChip post={post} />
                      </button>
                    ) : (
                      <PostChip post={post} />
                    )}
                  </li>
                ))}
              {(day.openSlots ?? []).map((time) => (
                <li key={`slot-${time}`}>
                  {onFillSlot ? (
                    <button
                      type="button"
                      className={styles.slot}
                      onClick={() => onFillSlot(day.date, time)}
                    >
                      <span className={styles.slotTime}>{time}</span> Empty queue slot: plan a post
                    </button>
                  ) : (
                    <p className={styles.slot}>
                      <span className={styles.slotTime}>{time}</span> Empty queue slot
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
