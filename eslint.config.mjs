import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The layers of docs/architecture.md, enforced: each entry names the imports a layer may not make.
 * Type-only imports (row and plan shapes) are allowed where noted; values are not.
 */
const lib = (...names) => names.flatMap((name) => [`@/lib/${name}`, `@/lib/${name}/*`]);
const UI = ["@/components", "@/components/*", "@/app", "@/app/*"];
const forbid = (group, message, allowTypeImports = false) => ({ group, message, allowTypeImports });
const LAYERS = [
  {
    files: ["lib/model/**"],
    patterns: [
      forbid(
        [...lib("catalog", "entities", "db", "planning", "forms", "export", "compare", "tfvars", "api", "services", "actions"), ...UI, "next", "next/*", "react", "react-dom", "@prisma/*", "server-only"],
        "lib/model is the pure model: no catalog data, persistence, framework or UI (docs/architecture.md).",
      ),
    ],
  },
  {
    files: ["lib/catalog/**", "lib/entities/**", "lib/export/**", "lib/forms/**", "lib/planning/**", "lib/compare/**", "lib/tfvars/**", "lib/policy/**"],
    patterns: [
      forbid(
        [...lib("db", "api", "services", "actions"), ...UI, "@prisma/*"],
        "Pure layers (catalog, entities, export, forms, planning, compare, tfvars, policy) never reach persistence, routes, services or UI (docs/architecture.md).",
      ),
    ],
  },
  {
    files: ["lib/db/**"],
    patterns: [
      forbid(
        [...lib("model", "catalog", "planning", "forms", "export", "compare", "tfvars", "api", "services", "actions"), ...UI],
        "lib/db is persistence only: it stores rows and knows no model, catalog or planning (docs/architecture.md).",
      ),
    ],
  },
  {
    files: ["lib/services/**"],
    patterns: [forbid([...lib("api", "actions"), ...UI], "Services are called by actions, routes and pages, never the other way (docs/architecture.md).")],
  },
  {
    files: ["lib/api/**", "lib/actions/**", "app/**", "components/**"],
    patterns: [
      forbid(lib("db"), "Actions, routes, pages and components reach the database through lib/services (docs/architecture.md).", true),
      forbid(lib("model"), "Pages, routes and actions read plans through lib/planning and lib/services; the model runs only there (docs/architecture.md).", true),
    ],
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...LAYERS.map(({ files, patterns }) => ({
    files,
    ignores: ["**/*.test.ts", "**/*.test.tsx", "**/testing/**"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] },
  })),
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/db/generated/**",
    ".data/**",
    ".scratch/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
