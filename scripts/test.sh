#!/usr/bin/env bash
# `pnpm test`: every check CI runs, in the order a failure is cheapest to find: lint, typecheck,
# unit and api tests (PGlite; PostgreSQL too when a server answers), the Storybook build and its
# story tests in Chromium, then the end-to-end journeys in Chromium against the production build.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# Browser tests are never skipped: find Chromium, install Debian's package when we can, else stop.
if [[ -z "${CHROMIUM_PATH:-}" ]]; then
  if ! command -v chromium >/dev/null 2>&1; then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
      step "Installing Debian's chromium for the browser tests"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
    else
      echo "Chromium is required for the Storybook and end-to-end tests and was not found." >&2
      echo "Install Debian's package (sudo apt-get install --no-install-recommends chromium) or set CHROMIUM_PATH." >&2
      exit 1
    fi
  fi
  CHROMIUM_PATH=$(command -v chromium)
fi
export CHROMIUM_PATH
echo "Chromium: $CHROMIUM_PATH ($("$CHROMIUM_PATH" --version 2>/dev/null | head -n1))"

# The PostgreSQL suites run when a server answers (CI machines have one; a laptop may not).
PG_URL=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}
if node scripts/pg-answers.mjs "$PG_URL"; then
  pg_available=1
else
  pg_available=0
  echo "PostgreSQL does not answer at $PG_URL: the PostgreSQL suites are skipped (PGlite suites still run)."
fi

step "Lint, typecheck, unit and api tests (PGlite)"
pnpm exec turbo run lint typecheck test --concurrency=2 --continue --output-logs=new-only

if [[ $pg_available == 1 ]]; then
  step "db and api suites against PostgreSQL ($PG_URL)"
  TEST_DATABASE_URL=$PG_URL pnpm exec turbo run test --filter=@rapport/db --filter=@rapport/api --concurrency=1 --output-logs=new-only --force
fi

step "Storybook: static build, then every story as a test in Chromium"
pnpm --filter @rapport/ui build-storybook
pnpm --filter @rapport/ui test:storybook

step "End-to-end journeys in Chromium against the production build"
pnpm exec turbo run build --filter=@rapport/web --output-logs=errors-only
pnpm --filter @rapport/web test:e2e

step "All checks passed"
