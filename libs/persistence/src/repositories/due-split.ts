const DAY_MS = 86_400_000;

const dayStart = (t: Date) => new Date(Math.floor(t.getTime() / DAY_MS) * DAY_MS);
const dayOf = (t: Date) => t.toISOString().slice(0, 10);

/**
 * How to count running clocks due in [from, to) (from null: since ever): whole UTC days from the `case_due_counts`
 * counters, the parts of days at either end from the `cases_running_due_idx` index. Due dates move with time, so
 * no single counter can answer "overdue now"; split like this, the index reads at most two days' worth of clocks.
 */
export interface DueSplit {
  /** Whole days `fromDay` (inclusive; null: every earlier day) to `toDay` (exclusive), as UTC dates. */
  days: { fromDay: string | null; toDay: string } | null;
  /** Instants [from, to) to count from the index. */
  edges: { from: Date; to: Date }[];
}

export function splitDueRange(from: Date | null, to: Date): DueSplit {
  if (from !== null && from.getTime() >= to.getTime()) return { days: null, edges: [] };
  const lastWholeDayEnd = dayStart(to);
  const tail = lastWholeDayEnd.getTime() < to.getTime() ? [{ from: lastWholeDayEnd, to }] : [];
  if (from === null) return { days: { fromDay: null, toDay: dayOf(lastWholeDayEnd) }, edges: tail };
  const firstWholeDay = dayStart(from).getTime() === from.getTime() ? from : new Date(dayStart(from).getTime() + DAY_MS);
  if (firstWholeDay.getTime() >= lastWholeDayEnd.getTime()) return { days: null, edges: [{ from, to }] };
  const head = from.getTime() < firstWholeDay.getTime() ? [{ from, to: firstWholeDay }] : [];
  return { days: { fromDay: dayOf(firstWholeDay), toDay: dayOf(lastWholeDayEnd) }, edges: [...head, ...tail] };
}
