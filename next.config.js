/**
 * PGlite (WASM Postgres), the Prisma driver adapters and `pg` load native-ish assets
 * (WASM files, dynamic requires) that must not be bundled: Node resolves them at run time.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg"],
};

export default nextConfig;
