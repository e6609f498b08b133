import { figuresMoment } from "@/lib/market/format";
import type { PartStatus } from "@/lib/market/schema";

/** The moment a block's figures are from, in the ticker's words (figuresMoment). */
export function FiguresMoment({ status }: { status: PartStatus }) {
  const { lead, when } = figuresMoment(status.source === "snapshot", status.updatedAt);
  return (
    <p className={status.stale ? "market-moment market-moment--delayed" : "market-moment"}>
      {lead}
      <time dateTime={status.updatedAt}>{when}</time>
    </p>
  );
}
