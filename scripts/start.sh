#!/usr/bin/env bash
# `pnpm start`: build, migrate and seed the embedded database with the demo, then serve the
# production build on PORT (default 3000).
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm exec turbo run build --filter=@rapport/web --output-logs=errors-only
pnpm --filter @rapport/web --silent seed
exec pnpm --filter @rapport/web --silent start
