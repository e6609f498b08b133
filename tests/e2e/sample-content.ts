import matter from "gray-matter";
import yaml from "js-yaml";
import { e2eContentFiles, e2eRunAt } from "../support/e2e-content";

/**
 * An independent reading of the content the end-to-end sites are built from (content/ plus the run's
 * generated drafts and scheduled posts), so the end-to-end tests do not trust the loader they test.
 */
export type SamplePost = {
  slug: string;
  title: string;
  category: string;
  author: string;
  tags?: string[];
  date: Date;
  body: string;
  draft: boolean;
  canonical?: string;
  related?: string[];
  image?: string;
};

/** The site's `postsPerPage` (lib/config.ts): cards on each listing page. */
export const PER_PAGE = 9;

const files = Object.entries(e2eContentFiles(e2eRunAt()));

const all = files
  .filter(([name]) => name.startsWith("posts/") && name.endsWith(".md"))
  .map(([name, text]) => {
    const { data, content } = matter(text);
    return { ...data, slug: name.replace(/^.*\//, "").replace(/\.md$/, ""), body: content, draft: data.draft === true } as SamplePost;
  });

export const published = all
  .filter((post) => !post.draft && new Date(post.date).getTime() <= Date.now())
  .sort((a, b) => new Date(b.date).getTime() - new Date(a.date).getTime());

export const unpublished = all.filter((post) => !published.includes(post));

/** Every category slug in categories.yml, in navigation order, whether or not anything is published in it. */
export const categorySlugs = (yaml.load(files.find(([name]) => name === "categories.yml")![1]) as { slug: string }[]).map(
  (category) => category.slug,
);

/** Every author slug (a file in authors/), whether or not anything by them is published. */
export const authorSlugs = files.filter(([name]) => name.startsWith("authors/")).map(([name]) => name.replace(/^authors\/(.*)\.md$/, "$1"));
