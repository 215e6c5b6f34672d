#!/usr/bin/env bash
# build.sh installs the admin app's pinned packages (npm ci, only when
# node_modules is missing or older than package-lock.json), checks that the
# generated GraphQL types (src/gql) are current and that TypeScript compiles
# (`npm run check`), and builds the app into dist/, which web.go embeds.
# `make assets` runs it; the build is reproducible, so `make check-assets`
# can compare dist/ with the committed one.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
  touch node_modules/.package-lock.json
fi

npm run --silent check
npx vite build --logLevel warn
echo "web: built the admin app into $(pwd)/dist"
