/**
 * A name as a download's file-name stem: lower-case ASCII letters and digits joined by `-`, at most
 * 80 characters (accents dropped via NFKD), or the fallback when nothing is left.
 * @example fileSlug("Steady 4 % monthly growth", "scenario") //=> "steady-4-monthly-growth"
 */
export function fileSlug(name: string, fallback: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug || fallback;
}
