/**
 * Response headers every page, route handler and static file carries (OWASP Secure Headers
 * Project, https://owasp.org/www-project-secure-headers/):
 * - `X-Content-Type-Options: nosniff`: a browser never guesses a script or style out of, say, a CSV.
 * - `Referrer-Policy: strict-origin-when-cross-origin`: other sites see our origin, never a path
 *   (paths hold workload and scenario ids).
 * - `Content-Security-Policy: frame-ancestors 'none'` and its legacy twin `X-Frame-Options: DENY`:
 *   no site may frame the app (clickjacking of its forms).
 * - `Permissions-Policy`: the app uses no camera, microphone, location, payment or USB; nothing it
 *   embeds may ask for them.
 * No script/style CSP yet. Tried in Chromium against a production build (2026-12-02) with
 * `default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src
 * 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';
 * form-action 'self'`: 12 pages load, but every page with a form reports `script-src eval`, from
 * zod 4's `new Function("")` probe (caught, yet reported). Shipping it needs `z.config({ jitless:
 * true })` in the client bundle first; dropping `'unsafe-inline'` for scripts needs per-request
 * nonces (a proxy), which makes every page dynamic.
 */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

/**
 * PGlite (WASM Postgres), the Prisma driver adapters and `pg` load native-ish assets
 * (WASM files, dynamic requires) that must not be bundled: Node resolves them at run time.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  reactStrictMode: true,
  experimental: {
    serverActions: {
      // The largest form upload is a catalog CSV of up to 2.5 MB (the whole bundled catalog exports
      // to ~1.3 MB) plus its multipart framing; each form checks its own, smaller limit with a message
      // before posting, so only a hand-made post reaches this one. Next refuses the excess while
      // streaming, without buffering it.
      bodySizeLimit: "3mb",
    },
  },
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg"],
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
