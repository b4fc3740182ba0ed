/** Previous and next buttons around where the list stands, for a list longer than one page. */
export function Pager({
  page,
  pages,
  onPage,
  className,
  label,
  previous,
  status,
  next,
}: {
  /** From 0. */
  page: number;
  pages: number;
  onPage: (page: number) => void;
  className: string;
  label: string;
  previous: string;
  status: string;
  next: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav className={className} aria-label={label}>
      <button
        type="button"
        className="button button--small"
        disabled={page === 0}
        onClick={() => onPage(page - 1)}
      >
        {previous}
      </button>
      <span>{status}</span>
      <button
        type="button"
        className="button button--small"
        disabled={page + 1 >= pages}
        onClick={() => onPage(page + 1)}
      >
        {next}
      </button>
    </nav>
  );
}
