import type { Tag } from "@/lib/content/types";

export function TagList({ tags }: { tags: Tag[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag.slug}>
          <a href={`/tag/${tag.slug}`}>{tag.name}</a>
        </li>
      ))}
    </ul>
  );
}
