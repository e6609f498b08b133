import type { Page, Request } from "@playwright/test";
import type { SamplePost } from "../sample-content";

/**
 * A query whose words (at most eight: search reads no more) each appear in a title of `posts`, together
 * in more than `count` titles: it matches at least that many stories, whatever else it matches too.
 * Words of five letters or more, so none is a stop word and each is searched whole.
 */
export function queryMatchingMoreThan(posts: SamplePost[], count: number): string {
  const titleWords = posts.map((post) => new Set(post.title.toLowerCase().match(/[\p{L}\p{N}]{5,}/gu)));
  const words: string[] = [];
  const unmatched = new Set(titleWords);
  while (posts.length - unmatched.size <= count && words.length < 8) {
    const tally = new Map<string, number>();
    for (const title of unmatched) for (const word of title) tally.set(word, (tally.get(word) ?? 0) + 1);
    const [best] = [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
    if (!best) break;
    words.push(best);
    for (const title of unmatched) if (title.has(best)) unmatched.delete(title);
  }
  if (posts.length - unmatched.size <= count) throw new Error(`no query of eight title words matches more than ${count} stories`);
  return words.join(" ");
}

declare global {
  interface Window {
    __suggestionAnswersRead?: number;
  }
}

/** Makes the page count the suggestion answers its script has read (as JSON or text), from its first script on. */
export async function countSuggestionAnswersRead(page: Page) {
  await page.addInitScript(() => {
    window.__suggestionAnswersRead = 0;
    for (const method of ["json", "text"] as const) {
      const read = Response.prototype[method] as () => Promise<unknown>;
      Response.prototype[method] = function (this: Response) {
        const body = read.call(this);
        // Counted before the script's own `await` resumes, in the same microtask checkpoint: a test that
        // sees the count sees whatever the script did with the answer.
        if (this.url.includes("/api/search?")) body.then(count, count);
        return body;
      } as never;
    }
    function count() {
      window.__suggestionAnswersRead! += 1;
    }
  });
}

/**
 * Waits until a suggestions request has ended: cancelled by the page, or answered and its answer read
 * by the page's script (`countSuggestionAnswersRead`, `readBefore` being the count before it was sent).
 */
export async function suggestionsRequestEnded(page: Page, request: Request, readBefore: number) {
  const response = await request.response();
  if (!response) return;
  await response.finished();
  await page.waitForFunction((before) => window.__suggestionAnswersRead! > before, readBefore);
}
