import "server-only";
import { siteDatabase } from "../database/db";
import { commentsByStatus } from "../comments/queries";
import { getLibrary } from "../content/store";

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
