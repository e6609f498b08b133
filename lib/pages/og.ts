import "server-only";
import { siteConfig } from "../config";
import { getLibrary } from "../content/store";
import { renderOgImage } from "../seo/og-image";

/** Generated images exist only for published posts without a cover; the cover is their social image. */
export function ogImageResponse(file: string): Response {
  const library = getLibrary();
  const post = library.getPost(file.replace(/\.png$/, ""));
  if (!post || post.image || !file.endsWith(".png")) return new Response("Not found", { status: 404 });
  return renderOgImage({ title: post.title, category: library.getCategory(post.category)?.name, siteName: siteConfig.name });
}
