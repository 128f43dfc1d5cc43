import Link from "next/link";
import { Button } from "./button";

type PaginationProps = {
  page: number;
  pageCount: number;
  total: number;
  /** What the list counts, singular and plural ("profile", "profiles"). */
  noun: readonly [string, string];
  hrefFor: (page: number) => string;
};

/** Previous / next links with "page X of Y"; absent links are rendered disabled, not hidden. */
export function Pagination({ page, pageCount, total, noun, hrefFor }: PaginationProps) {
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-600">
      <p>
        {total} {total === 1 ? noun[0] : noun[1]} · page {Math.min(page, Math.max(pageCount, 1))} of {Math.max(pageCount, 1)}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Button asChild variant="outline" size="sm">
            <Link href={hrefFor(page - 1)} rel="prev">
              Previous
            </Link>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            Previous
          </Button>
        )}
        {page < pageCount ? (
          <Button asChild variant="outline" size="sm">
            <Link href={hrefFor(page + 1)} rel="next">
              Next
            </Link>
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled>
            Next
          </Button>
        )}
      </div>
    </nav>
  );
}
