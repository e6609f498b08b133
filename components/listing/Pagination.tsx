type Props = { page: number; totalPages: number; href: (page: number) => string };

export function Pagination({ page, totalPages, href }: Props) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && (
        <a rel="prev" href={href(page - 1)}>
          ← Newer stories
        </a>
      )}
      <span className="pagination__status">
        Page {page} of {totalPages}
      </span>
      {page < totalPages && (
        <a rel="next" href={href(page + 1)}>
          Older stories →
        </a>
      )}
    </nav>
  );
}
