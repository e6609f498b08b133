import { readdirSync, readFileSync } from "node:fs";
import matter from "gray-matter";

/** An independent reading of content/posts, so the end-to-end tests do not trust the loader they test. */
export type SamplePost = {
  slug: string;
  title: string;
  category: string;
  author: string;
  tags?: string[];
  date: Date;
  body: string;
};

const all = readdirSync("content/posts", { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
  .map((entry) => {
    const { data, content } = matter(readFileSync(`${entry.parentPath}/${entry.name}`, "utf8"));
    return { ...data, slug: entry.name.replace(/\.md$/, ""), body: content, draft: data.draft === true } as SamplePost & { draft: boolean };
  });

export const published = all
  .filter((post) => !post.draft && new Date(post.date).getTime() <= Date.now())
  .sort((a, b) => new Date(b.date).getTime() - new Date(a.date).getTime());

export const unpublished = all.filter((post) => !published.includes(post));
