import Link from "next/link";

type Props = { page: number; totalPages: number; href: (page: number) => string };

export function Pagination({ page, totalPages, href }: Props) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && (
        <Link rel="prev" href={href(page - 1)}>
          ← Newer stories
        </Link>
      )}
      <span className="pagination__status">
        Page {page} of {totalPages}
      </span>
      {page < totalPages && (
        <Link rel="next" href={href(page + 1)}>
          Older stories →
        </Link>
      )}
    </nav>
  );
}
