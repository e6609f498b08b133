import Link from "next/link";
import { pagePath } from "@/lib/content/listings";

type Props = { basePath: string; page: number; totalPages: number };

export function Pagination({ basePath, page, totalPages }: Props) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && (
        <Link rel="prev" href={pagePath(basePath, page - 1)}>
          ← Newer stories
        </Link>
      )}
      <span className="pagination__status">
        Page {page} of {totalPages}
      </span>
      {page < totalPages && (
        <Link rel="next" href={pagePath(basePath, page + 1)}>
          Older stories →
        </Link>
      )}
    </nav>
  );
}
