import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test } from "@playwright/test";
import { published } from "./sample-content";
import { expectedTabStops, pressTab } from "./support/keyboard";

const article = published.find((post) => post.slug === "spot-bitcoin-etfs-log-biggest-week-since-summer")!;
const pages = {
  home: "/",
  article: `/news/${article.slug}`,
  category: "/category/markets",
  tag: "/tag/bitcoin",
  author: "/author/maya-okafor",
  "not found": "/news/no-such-story",
};

/** How wide the page is laid out: more than the viewport means it scrolls sideways. */
const documentWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Records CSP violations and requests leaving the site, from the first byte of the page on. */
async function watch(page: Page, origin: string) {
  const violations: string[] = [];
  const foreign: string[] = [];
  page.on("console", (message) => /Content Security Policy/i.test(message.text()) && violations.push(message.text()));
  page.on("request", (request) => !request.url().startsWith(origin) && !request.url().startsWith("data:") && foreign.push(request.url()));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`Content Security Policy: ${event.violatedDirective} ${event.blockedURI}`));
  });
  return { violations, foreign };
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, path] of Object.entries(pages)) {
      test(`axe finds no violations on the ${name} page`, async ({ page }) => {
        await page.goto(path);
        const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
        expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
      });
    }
  });
}

test("pages raise no CSP violation and request nothing from another origin", async ({ page, baseURL }) => {
  const { violations, foreign } = await watch(page, baseURL!);
  for (const path of ["/", pages.article, pages.category]) {
    await page.goto(path);
    await page.waitForLoadState("load");
    await page.waitForTimeout(1_000);
  }
  expect(violations).toEqual([]);
  expect(foreign).toEqual([]);
});

test("security headers on a page, an API route and a static asset; no X-Powered-By", async ({ page, request }) => {
  await page.goto(pages.article);
  const script = await page.locator("script[src]").first().getAttribute("src");
  for (const path of [pages.article, "/api/market", script!, "/logo.png"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toContain("default-src 'self'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["strict-transport-security"], path).toMatch(/max-age=\d+/);
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("each page links the site's stylesheet, then its own kind's, and browsers may keep them for good", async ({ page, request }) => {
  const sheetsOf = async (path: string) => {
    await page.goto(path);
    return page.locator('head link[rel="stylesheet"]').evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
  };
  expect(await sheetsOf(pages.article)).toEqual(["/css/site.css", "/css/listing.css", "/css/article.css"]);
  expect(await sheetsOf(pages.home)).toEqual(["/css/site.css", "/css/listing.css"]);
  expect(await sheetsOf("/coins")).toEqual(["/css/site.css", "/css/market.css"]);
  // The site's rules are in force, and a page's own: the article's measure, not the market's.
  await page.goto(pages.article);
  expect(await page.locator(".article").evaluate((element) => getComputedStyle(element).maxWidth)).not.toBe("none");
  const href = await page.locator('head link[rel="stylesheet"]').first().getAttribute("href");
  const sheet = await request.get(href!);
  expect(sheet.headers()["content-type"]).toContain("text/css");
  expect(sheet.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(await sheet.text()).toContain(".ticker");
  // Another version's address (another build's page, during a rolling deploy) is not kept under it.
  expect((await request.get(href!.replace(/v=[^&]+/, "v=another"))).headers()["cache-control"]).toBe("no-cache");
  expect((await request.get("/css/nothing.css")).status()).toBe(404);
});

test("a skip link leads to the main content, and the landmarks are there", async ({ page }) => {
  await page.goto(pages.article);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  for (const landmark of ["banner", "main", "contentinfo"] as const) await expect(page.getByRole(landmark)).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
});

test("on an article, Tab reaches every link, button and field in document order, each with a visible focus indicator", async ({ page }) => {
  await page.goto(pages.article);
  await page.waitForLoadState("load");
  const expected = await expectedTabStops(page);
  // The header, ticker, story, comment form, related stories and footer are all there to be reached.
  expect(expected.length).toBeGreaterThan(20);
  const reached: string[] = [];
  const withoutIndicator: string[] = [];
  for (let step = 0; step < expected.length; step++) {
    const { stop, indicated } = await pressTab(page);
    reached.push(stop);
    if (!indicated) withoutIndicator.push(stop);
  }
  expect(reached).toEqual(expected);
  expect(withoutIndicator, "focused with no outline or shadow to show it").toEqual([]);
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("no article body overflows the viewport", async ({ page }) => {
    for (const post of published) {
      await page.goto(`/news/${post.slug}`);
      expect(await documentWidth(page), post.slug).toBeLessThanOrEqual(360);
    }
  });
});

test("text can grow to 200% without loss: nothing overflows sideways and the headline stays whole", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const path of ["/", pages.article]) {
    await page.goto(path);
    await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
    expect(await documentWidth(page), path).toBeLessThanOrEqual(1280);
    await expect(page.locator("h1").first()).toBeVisible();
  }
});

test("the lead image is prioritised and sized for the phone; body images are lazy", async ({ page }) => {
  await page.goto(pages.article);
  const cover = page.locator(".article .cover-image img");
  await expect(cover).toHaveAttribute("loading", "eager");
  await expect(cover).toHaveAttribute("sizes", /100vw/);
  await expect(cover).toHaveAttribute("srcset", /w=640/);
});

for (const width of [390, 1280]) {
  for (const scheme of ["light", "dark"] as const) {
    test(`at ${width} px in the ${scheme} theme, the home page and an article fit the width and every image loads (screenshots saved)`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      for (const [name, path] of [["home", "/"], ["article", pages.article]] as const) {
        await page.goto(path);
        await page.waitForLoadState("load");
        expect(await documentWidth(page), `${name}: wider than the viewport`).toBeLessThanOrEqual(width);
        const images = await page.locator("img").all();
        expect(images.length, name).toBeGreaterThan(0);
        for (const image of images) {
          // Lazy images load only near the viewport.
          await image.scrollIntoViewIfNeeded();
          const loadedWidth = () => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : -1));
          await expect.poll(loadedWidth, { message: `${name}: ${await image.getAttribute("src")} did not load` }).toBeGreaterThan(0);
        }
        await page.screenshot({ path: `artifacts/screenshots/${name}-${width}-${scheme}.png`, fullPage: true });
      }
      await context.close();
    });
  }
}
