import type { FearGreedDay } from "@/lib/market/coin-schema";
import { formatUtcDay } from "@/lib/market/format";
import type { PartStatus } from "@/lib/market/schema";
import { FiguresMoment } from "./FiguresMoment";

const BAR = 5;
const GAP = 1;
/** Half the index's 100, so every bar is a whole or half pixel. */
const HEIGHT = 50;

/** Today's Fear & Greed and its month as a strip of bars (oldest on the left), with the same days in a table. */
export function FearGreedMonth({ days, status }: { days: FearGreedDay[]; status: PartStatus }) {
  const [today] = days;
  const oldestFirst = [...days].reverse();
  const width = Math.max(1, days.length * (BAR + GAP) - GAP);
  const values = days.map((day) => day.value);
  return (
    <section className="market-block" aria-labelledby="market-fng-title">
      <h2 id="market-fng-title">Fear &amp; Greed Index</h2>
      {today ? (
        <>
          <p className="market-fng__today">
            <span className="market-fng__value">{today.value}</span>/100 <span className="market-fng__class">{today.classification}</span>
          </p>
          {/* Fixed size, so the block is the same height whatever the values. */}
          <svg className="market-fng__bars" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} aria-hidden="true">
            {oldestFirst.map((day, index) => {
              const height = Math.max(1, day.value * (HEIGHT / 100));
              return (
                <rect key={day.day} x={index * (BAR + GAP)} y={HEIGHT - height} width={BAR} height={height} className={day === today ? "market-fng__bar--today" : undefined} />
              );
            })}
          </svg>
          <details className="market-fng__days">
            <summary>{`Last ${days.length} days: low ${Math.min(...values)}, high ${Math.max(...values)}`}</summary>
            <table>
              <caption className="visually-hidden">Fear &amp; Greed Index by day, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Index</th>
                  <th scope="col">Reading</th>
                </tr>
              </thead>
              <tbody>
                {days.map((day) => (
                  <tr key={day.day}>
                    <th scope="row">{formatUtcDay(day.day)}</th>
                    <td>{day.value}</td>
                    <td>{day.classification}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      ) : (
        <p>Not available.</p>
      )}
      <FiguresMoment status={status} />
    </section>
  );
}
