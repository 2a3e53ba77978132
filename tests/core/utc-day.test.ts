// The one UTC-day helper: every part of rebound cuts days at 00:00 UTC the same way.

import { describe, expect, it } from 'vitest';
import { dayOf, isDay, nextDayStart, previousUtcDay, utcDayRange, utcMidnight } from '../../src/core/utc-day.ts';

describe('UTC days', () => {
  it('accepts only real calendar days written YYYY-MM-DD', () => {
    expect(['2026-11-30', '2028-02-29'].map(isDay)).toEqual([true, true]);
    expect(['2026-02-29', '2026-02-30', '2026-13-01', '2026-1-1', '', 'today'].map(isDay)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('gives a day as the half-open range [00:00, next 00:00) in UTC, across month and year ends', () => {
    expect(utcDayRange('2026-12-31')).toEqual({ from: '2026-12-31T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(nextDayStart('2028-02-28')).toBe('2028-02-29T00:00:00.000Z');
    expect(() => utcDayRange('2026-02-30')).toThrow(/not a date/);
  });

  it('finds the day of an instant, its midnight and the day before, in UTC whatever the local zone', () => {
    const late = new Date('2026-03-01T23:59:59.999Z');
    expect(dayOf(late)).toBe('2026-03-01');
    expect(utcMidnight(late).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(previousUtcDay(new Date('2026-03-01T00:00:00.000Z'))).toBe('2026-02-28');
  });
});
