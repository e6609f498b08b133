/** Milliseconds since the epoch; a date or time without a zone is read as UTC, so every machine agrees. */
export function toTimestamp(value: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T00:00:00Z`);
  return Date.parse(/(?:Z|[+-]\d{2}:\d{2})$/i.test(value) ? value : `${value}Z`);
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

/** ISO 8601 with a zone, as structured data and feeds want: a date alone is midnight UTC. */
export function toIsoDateTime(value: string): string {
  return new Date(toTimestamp(value)).toISOString();
}
