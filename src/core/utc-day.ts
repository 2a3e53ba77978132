// Calendar days in UTC, the one day rebound counts in: the daily summary, the overview's
// periods, the list's date filters and the per-day summary table all cut days at 00:00 UTC.

/** One day in milliseconds (UTC has no daylight-saving days). */
export const DAY_MS = 86_400_000;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isDay(day: string): boolean {
  const m = DAY.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return dayOf(d) === day;
}

/** The UTC day of an instant, YYYY-MM-DD. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** 00:00 UTC of the day the instant falls in. */
export function utcMidnight(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / DAY_MS) * DAY_MS);
}

/** Start of a YYYY-MM-DD day, ISO 8601. */
export function dayStart(day: string): string {
  return `${day}T00:00:00.000Z`;
}

/** Start of the day after a YYYY-MM-DD day, ISO 8601. */
export function nextDayStart(day: string): string {
  return new Date(Date.parse(dayStart(day)) + DAY_MS).toISOString();
}

/** The UTC day before `now`, YYYY-MM-DD (the summary at 00:00 UTC is about yesterday). */
export function previousUtcDay(now: Date): string {
  return dayOf(new Date(now.getTime() - DAY_MS));
}

/** [from, to) in ISO 8601 for one UTC day. */
export function utcDayRange(day: string): { from: string; to: string } {
  if (!isDay(day)) throw new Error(`"${day}" is not a date (YYYY-MM-DD)`);
  return { from: dayStart(day), to: nextDayStart(day) };
}
