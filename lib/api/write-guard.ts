/**
 * Checks a state-changing request must pass before its body is read (OWASP CSRF Prevention Cheat
 * Sheet, "Verifying Origin With Standard Headers" and "Employing Custom Request Headers for
 * AJAX/API"): a browser sends `Origin` with every cross-origin POST, and an HTML form can only send
 * `application/x-www-form-urlencoded`, `multipart/form-data` or `text/plain`, so requiring
 * `application/json` and a same-origin (or absent, i.e. non-browser) `Origin` shuts out cross-site
 * forms. https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html
 */

export type WriteRefusal = { kind: "forbidden" | "unsupported-media-type"; detail: string };

/** The origins this request may come from: its own URL's and, behind a proxy, its Host's. */
function ownOrigins(request: Request): Set<string> {
  const url = new URL(request.url);
  const origins = new Set([url.origin]);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  if (host) origins.add(`${proto.split(",")[0]?.trim() ?? "http"}://${host.split(",")[0]?.trim() ?? host}`);
  return origins;
}

/**
 * Why a state-changing request is refused, or null when it may proceed. A request without a body
 * (`DELETE`) is only checked for its origin: no HTML form can send it, and a cross-origin script
 * cannot either without a CORS preflight this app never grants.
 *
 * @example refuseUnsafeWrite(new Request("http://app/api", { method: "POST", headers: { origin: "http://evil.example", "content-type": "application/json" } })) //=> { kind: "forbidden", … }
 */
export function refuseUnsafeWrite(request: Request, options: { body: boolean } = { body: true }): WriteRefusal | null {
  const origin = request.headers.get("origin");
  if (origin !== null && !ownOrigins(request).has(origin)) {
    return { kind: "forbidden", detail: `Requests from ${origin} may not change data here; send them from this site or without an Origin header.` };
  }
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    return { kind: "forbidden", detail: "Cross-site requests may not change data here." };
  }
  if (!options.body) return null;
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    return { kind: "unsupported-media-type", detail: `The body must be sent as application/json, not ${mediaType || "without a content type"}.` };
  }
  return null;
}
