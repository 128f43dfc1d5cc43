import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The layers of docs/architecture.md, enforced: each entry names the imports a layer may not make.
 * Type-only imports of lib/db (row shapes) are allowed where noted; values are not.
 */
const lib = (...names) => names.flatMap((name) => [`@/lib/${name}`, `@/lib/${name}/*`]);
const UI = ["@/components", "@/components/*", "@/app", "@/app/*"];
const LAYERS = [
  {
    files: ["lib/model/**"],
    group: [...lib("catalog", "entities", "db", "planning", "forms", "export", "services", "actions"), ...UI, "next", "next/*", "react", "react-dom", "@prisma/*", "server-only"],
    message: "lib/model is the pure model: no catalog data, persistence, framework or UI (docs/architecture.md).",
  },
  {
    files: ["lib/catalog/**", "lib/entities/**", "lib/export/**", "lib/forms/**", "lib/planning/**"],
    group: [...lib("db", "services", "actions"), ...UI, "@prisma/*"],
    message: "Pure layers (catalog, entities, export, forms, planning) never reach persistence, services or UI (docs/architecture.md).",
  },
  {
    files: ["lib/db/**"],
    group: [...lib("model", "catalog", "planning", "forms", "export", "services", "actions"), ...UI],
    message: "lib/db is persistence only: it stores rows and knows no model, catalog or planning (docs/architecture.md).",
  },
  {
    files: ["lib/services/**"],
    group: [...lib("actions"), ...UI],
    message: "Services are called by actions, routes and pages, never the other way (docs/architecture.md).",
  },
  {
    files: ["lib/actions/**", "app/**", "components/**"],
    group: lib("db"),
    allowTypeImports: true,
    message: "Actions, routes, pages and components reach the database through lib/services (docs/architecture.md).",
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
  ...LAYERS.map(({ files, group, message, allowTypeImports = false }) => ({
    files,
    ignores: ["**/*.test.ts", "**/*.test.tsx", "**/testing/**"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group, message, allowTypeImports }] }] },
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
