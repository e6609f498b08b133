const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Milliseconds since the epoch; a date or time without a zone is read as UTC, so every machine agrees. */
export function toTimestamp(value: string): number {
  if (DATE_ONLY.test(value)) return Date.parse(`${value}T00:00:00Z`);
  return Date.parse(/(?:Z|[+-]\d{2}:\d{2})$/i.test(value) ? value : `${value}Z`);
}

/** The last moment a date or date-time can mean: a date alone lasts its whole day. */
export function lastMomentOf(value: string): number {
  return toTimestamp(value) + (DATE_ONLY.test(value) ? 86_400_000 - 1 : 0);
}

const displayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * "1 March 2024": the calendar day the editor wrote, whatever the time zone of the
 * build machine, the server or the reader.
 */
export function formatDisplayDate(value: string): string {
  return displayFormat.format(toTimestamp(value.slice(0, 10)));
}

/**
 * ISO 8601 with a zone, as structured data and feeds want. A date alone is noon UTC: feed readers show
 * times in the reader's zone, and noon UTC is the day the editor wrote from UTC-11 to UTC+11, where
 * midnight would be the day before anywhere west of UTC.
 */
export function toIsoDateTime(value: string): string {
  return new Date(toTimestamp(value) + (DATE_ONLY.test(value) ? 12 * 3_600_000 : 0)).toISOString();
}
