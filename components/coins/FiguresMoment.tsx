import { formatUtcDay, formatUtcMoment } from "@/lib/market/format";
import type { PartStatus } from "@/lib/market/schema";

/**
 * The moment a block's figures are from, in the ticker's words. The page is rendered on the server and may be
 * read long after, so it never says "live": the moment stays true, and the bundled snapshot says it is one.
 */
export function FiguresMoment({ status }: { status: PartStatus }) {
  const snapshot = status.source === "snapshot";
  return (
    <p className={status.stale ? "market-moment market-moment--delayed" : "market-moment"}>
      {snapshot ? "Snapshot, " : "As of "}
      <time dateTime={status.updatedAt}>{snapshot ? formatUtcDay(status.updatedAt) : formatUtcMoment(status.updatedAt)}</time>
    </p>
  );
}
