import type { Metadata, Viewport } from "next";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { Stylesheets } from "@/components/html/Stylesheets";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SignupForm } from "@/components/newsletter/SignupForm";
import { TickerBar } from "@/components/ticker/TickerBar";
import { siteConfig } from "@/lib/config";
import { getLibrary } from "@/lib/content/store";
import { market, marketRefreshSeconds, tickerData } from "@/lib/market";
import { siteMetadata } from "@/lib/seo/metadata";

export const metadata: Metadata = siteMetadata();

export const viewport: Viewport = {
  colorScheme: "light dark",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang={siteConfig.language}>
      <head>
        <Stylesheets sheets={["site"]} precedence="site" />
        <link rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml" title={siteConfig.name} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <TickerBar initialData={tickerData(await market.get())} refreshMs={marketRefreshSeconds * 1000} />
        <SiteHeader siteName={siteConfig.name} categories={getLibrary().categoriesWithPosts()} />
        <main id="main" className="site-main">
          {children}
        </main>
        <SiteFooter
          siteName={siteConfig.name}
          about={siteConfig.about}
          social={siteConfig.social}
          marketDataSources={siteConfig.marketDataSources}
          signup={<SignupForm source="footer" idPrefix="newsletter-footer" title={`The ${siteConfig.name} digest in your inbox`} />}
        />
      </body>
    </html>
  );
}
