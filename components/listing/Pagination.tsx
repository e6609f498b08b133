type Props = {
  page: number;
  totalPages: number;
  href: (page: number) => string;
  /** Listings run newest first; search results run by relevance, so theirs are plain previous and next. */
  labels?: { previous: string; next: string };
};

const byDate = { previous: "Newer stories", next: "Older stories" };

export function Pagination({ page, totalPages, href, labels = byDate }: Props) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && (
        <a rel="prev" href={href(page - 1)}>
          ← {labels.previous}
        </a>
      )}
      <span className="pagination__status">
        Page {page} of {totalPages}
      </span>
      {page < totalPages && (
        <a rel="next" href={href(page + 1)}>
          {labels.next} →
        </a>
      )}
    </nav>
  );
}
