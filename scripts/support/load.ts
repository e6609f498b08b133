import autocannon from "autocannon";

/**
 * Requests per second autocannon gets from `url` over `seconds`, `connections` at a time (the issue "Articles as
 * fast as an empty Next.js page" measured with 50). A failed or non-2xx answer fails the bench: a fast error page
 * is not a fast page.
 */
export async function requestsPerSecond(url: string, seconds: number, connections = 16) {
  const result = await autocannon({ url, connections, duration: seconds });
  if (result.errors || result.non2xx) throw new Error(`${url}: ${result.errors} errors and ${result.non2xx} non-2xx answers under load`);
  return result.requests.average;
}
