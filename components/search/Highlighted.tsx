import type { Segment } from "@/lib/search/highlight";

/** Matched words in <mark>; every run is React text, so no query or content can become markup. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return segments.map((segment, index) =>
    segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
  );
}
