/** The rule-usage periods of an event: its UTC day and month, as `D2025-01-31` and `M2025-01`. */
export function periodsOf(performedOn: string): { day: string; month: string } {
  const time = Date.parse(performedOn);
  if (Number.isNaN(time)) throw new Error(`Invalid performedOn ${performedOn}`);
  const iso = new Date(time).toISOString();
  return { day: `D${iso.slice(0, 10)}`, month: `M${iso.slice(0, 7)}` };
}

/** ISO day of the week of the event's UTC date: 1 = Monday … 7 = Sunday. */
export function isoDayOfWeek(time: number): number {
  return ((new Date(time).getUTCDay() + 6) % 7) + 1;
}
