import Link from "next/link";
import type { Tag } from "@/lib/content/types";

export function TagList({ tags }: { tags: Tag[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag.slug}>
          <Link href={`/tag/${tag.slug}`}>{tag.name}</Link>
        </li>
      ))}
    </ul>
  );
}
