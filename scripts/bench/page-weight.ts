import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const DIST = ".next";
const gzipKb = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length / 1024;
const chunkKb = (file: string) => gzipKb(readFileSync(path.join(DIST, file)));

/**
 * JavaScript an article page ships against what an empty App Router page of the same Next.js build
 * ships: the build manifest's root main files, which every page loads and nothing less can. Also the
 * article's HTML size. Target: at most 20 KB gzip over the empty page.
 */
export function benchPageWeight(slug: string) {
  const htmlFile = path.join(DIST, "server/app/news", `${slug}.html`);
  if (!existsSync(htmlFile)) {
    console.log(`page weight: no build of /news/${slug} in ${DIST}/ (run npm run build first)`);
    return;
  }
  const manifest = JSON.parse(readFileSync(path.join(DIST, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const html = readFileSync(htmlFile);
  const scripts = [...html.toString().matchAll(/<script src="\/_next\/([^"]+)"(?![^>]*noModule)/g)].map((match) => match[1]!);
  const emptyKb = manifest.rootMainFiles.reduce((sum, file) => sum + chunkKb(file), 0);
  const articleKb = [...new Set(scripts)].reduce((sum, file) => sum + chunkKb(file), 0);
  console.log(
    `JavaScript (gzip): empty page ${emptyKb.toFixed(1)} KB, article page ${articleKb.toFixed(1)} KB, ` +
      `added by the article ${(articleKb - emptyKb).toFixed(1)} KB (budget 20 KB); ` +
      `article HTML ${(html.length / 1024).toFixed(1)} KB (${gzipKb(html).toFixed(1)} KB gzip)`,
  );
}
