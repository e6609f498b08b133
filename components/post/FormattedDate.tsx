import { formatDisplayDate } from "@/lib/content/dates";

/** The date as written by the editor, machine-readable in `datetime`. */
export function FormattedDate({ value }: { value: string }) {
  return <time dateTime={value}>{formatDisplayDate(value)}</time>;
}
