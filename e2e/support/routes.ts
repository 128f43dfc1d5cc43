import { readdirSync } from "node:fs";
import path from "node:path";

/** A page route of the app router: its pattern ("/workloads/[id]") and a matcher for concrete paths. */
export type RoutePattern = { pattern: string; dynamic: boolean; matches: (pathname: string) => boolean };

/** The route that serves `pathname`: as in Next, a static segment wins over a dynamic one ("/workloads/new" over "/workloads/[id]"). */
export function routeFor(routes: readonly RoutePattern[], pathname: string): RoutePattern | undefined {
  const dynamicSegments = (route: RoutePattern) => route.pattern.split("/").filter((segment) => segment.startsWith("[")).length;
  return routes.filter((route) => route.matches(pathname)).sort((a, b) => dynamicSegments(a) - dynamicSegments(b))[0];
}

/** A folder that is not part of the URL: a route group "(list)", a parallel slot "@modal", a private "_lib". */
function outsideUrl(segment: string): boolean {
  return /^\(.*\)$/.test(segment) || segment.startsWith("@") || segment.startsWith("_");
}

function segmentRegex(segment: string): string {
  if (/^\[\[\.\.\..+\]\]$/.test(segment)) return "(?:/.+)?";
  if (/^\[\.\.\..+\]$/.test(segment)) return "/.+";
  if (/^\[.+\]$/.test(segment)) return "/[^/]+";
  return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
}

/**
 * Every page route under `appDir`, found from its `page.tsx` files (not from a hand-written list),
 * so a page added later is crawled without touching the test.
 */
export function discoverRoutes(appDir: string): RoutePattern[] {
  const files = readdirSync(appDir, { recursive: true, encoding: "utf8" }).filter((file) => /(^|[\\/])page\.(tsx|ts|jsx|js|mdx)$/.test(file));
  return files
    .map((file) => {
      const segments = path.dirname(file).split(path.sep).filter((segment) => segment !== "." && !outsideUrl(segment));
      const pattern = `/${segments.join("/")}`;
      const regex = new RegExp(`^${segments.map(segmentRegex).join("") || "/"}$`);
      return { pattern, dynamic: segments.some((segment) => segment.startsWith("[")), matches: (pathname: string) => regex.test(pathname) };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Same-origin page paths linked from an HTML document (no query, no fragment, no API routes). */
export function linkedPaths(html: string): string[] {
  const paths = new Set<string>();
  for (const match of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
    const href = match[1];
    if (!href?.startsWith("/") || href.startsWith("//") || href.startsWith("/api/") || href.startsWith("/_next/")) continue;
    paths.add(decodeURI(href.split(/[?#]/)[0] ?? href));
  }
  return [...paths];
}
