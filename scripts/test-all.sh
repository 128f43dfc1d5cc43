#!/usr/bin/env bash
# Every test suite, in the order that fails fastest: static checks, unit, integration
# (real PostgreSQL + embedded PGlite), then a production build driven by Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
rm -rf test-results && mkdir -p test-results

step() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; }

step "prisma generate";  npm run --silent db:generate
step "typecheck";        npm run --silent typecheck
step "lint";             npx eslint --max-warnings 0 .
step "unit + integration (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
step "production build"; npx next build
step "end-to-end (playwright, chromium)"
npx playwright test
step "summary";          node scripts/test-summary.mjs
