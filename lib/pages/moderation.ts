import "server-only";
import { siteDatabase } from "../database/db";
import { commentsByStatus } from "../comments/queries";
import { getLibrary } from "../content/store";
import { recentSends } from "../newsletter/digests";
import { newsletterLinks } from "../newsletter/links";
import { countsByStatus } from "../newsletter/subscribers";

/** The moderator's three lists, newest first, with a way to name each comment's article. */
export async function loadModerationQueue() {
  const db = await siteDatabase();
  const [pending, approved, spam] = await Promise.all([
    commentsByStatus(db, "pending"),
    commentsByStatus(db, "approved"),
    commentsByStatus(db, "spam"),
  ]);
  const library = getLibrary();
  return { pending, approved, spam, postTitle: (slug: string) => library.getPost(slug)?.title ?? slug };
}

/** The newsletter at a glance: subscribers by state, and the latest sends with their copies by state. */
export async function loadNewsletterSummary() {
  const db = await siteDatabase();
  const [counts, sends] = await Promise.all([countsByStatus(db), recentSends(db, 5)]);
  return { counts, sends: sends.map((send) => ({ ...send, href: newsletterLinks.digestPath(send.id) })) };
}
