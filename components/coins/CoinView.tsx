import { Stylesheets } from "@/components/html/Stylesheets";
import { PostCard } from "@/components/listing/PostCard";
import { JsonLd } from "@/components/seo/JsonLd";
import { Change } from "@/components/ticker/Change";
import { MARKETS_PATH, coinPath } from "@/lib/market/coin-path";
import { chartRanges } from "@/lib/market/coin-schema";
import { formatPrice } from "@/lib/market/format";
import { type CoinPage, DEFAULT_RANGE } from "@/lib/pages/coins";
import { CoinFigures } from "./CoinFigures";
import { Converter } from "./Converter";
import { FiguresMoment } from "./FiguresMoment";
import { PriceChart } from "./PriceChart";

const rangeLabels = { "24h": "24 hours", "7d": "7 days", "30d": "30 days", "1y": "1 year", all: "All time" } as const;
const rangeNames = { "24h": "24h", "7d": "7d", "30d": "30d", "1y": "1y", all: "All" } as const;

/** One coin: price and changes, figures, chart by range, converter, description and the stories naming it. */
export function CoinView({ id, name, symbol, figures, range, history, converter, feedPath, news, structuredData }: CoinPage) {
  const coin = figures?.value;
  const rangeLabel = history?.value.limitedToYear ? "1 year (the longest the market data goes back)" : rangeLabels[range];
  return (
    <article className="coin">
      <Stylesheets sheets={["listing", "market"]} />
      <JsonLd data={structuredData} />
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <a href={MARKETS_PATH}>Markets</a> / <span aria-current="page">{name}</span>
      </nav>
      <header className="coin__header">
        <h1>
          {name} <span className="coin__symbol">{symbol}</span>
          {coin?.rank && <span className="coin__rank">#{coin.rank}</span>}
        </h1>
        {coin ? (
          <>
            <p className="coin__price">
              <span className="coin__price-value">{formatPrice(coin.priceUsd)}</span>
              <Change value={coin.changePct.h24} />
            </p>
            <FiguresMoment status={figures.status} />
          </>
        ) : (
          <p>This coin&apos;s figures are not available right now; they will be shortly.</p>
        )}
      </header>

      {coin && <CoinFigures coin={coin} />}

      <section className="coin__chart" aria-labelledby="chart-heading">
        <h2 id="chart-heading">Price chart</h2>
        <nav aria-label="Chart range" className="range-nav">
          {chartRanges.map((option) => (
            <a key={option} href={option === DEFAULT_RANGE ? `${coinPath(id)}#chart-heading` : `${coinPath(id)}?range=${option}#chart-heading`} aria-current={option === range ? "page" : undefined}>
              {rangeNames[option]}
            </a>
          ))}
        </nav>
        <PriceChart coinName={name} rangeLabel={rangeLabel} points={history?.value.points ?? []} />
        {history && <FiguresMoment status={history.status} />}
      </section>

      {coin && (
        <section className="coin__converter" aria-labelledby="converter-heading">
          <h2 id="converter-heading">Convert {symbol} and US dollars</h2>
          <Converter symbol={symbol} priceUsd={coin.priceUsd} amount={converter.amount} from={converter.from} range={range === DEFAULT_RANGE ? undefined : range} />
          <FiguresMoment status={figures.status} />
        </section>
      )}

      {coin && "description" in coin && coin.description.length > 0 && (
        <section className="coin__about" aria-labelledby="about-heading">
          <h2 id="about-heading">About {name}</h2>
          {coin.description.map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
          {coin.homepage && (
            <p>
              <a href={coin.homepage} rel="nofollow noopener noreferrer">
                {name}&apos;s website
              </a>
            </p>
          )}
        </section>
      )}

      <section className="coin__news" aria-labelledby="news-heading">
        <h2 id="news-heading">{name} news</h2>
        {feedPath && (
          <p>
            <a href={feedPath}>{name} news by RSS</a>
          </p>
        )}
        {news.length === 0 ? (
          <p>No stories about {name} yet.</p>
        ) : (
          <div className="coin__news-list">
            {news.map((card) => (
              <PostCard key={card.post.slug} {...card} headingLevel="h3" />
            ))}
          </div>
        )}
      </section>
    </article>
  );
}
