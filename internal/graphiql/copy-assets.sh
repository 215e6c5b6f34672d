#!/usr/bin/env bash
# copy-assets.sh installs the pinned GraphiQL packages (npm ci, only when
# node_modules is missing or older than package-lock.json) and copies the
# browser files that graphiql.go embeds into dist/. `make assets` runs it.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
  touch node_modules/.package-lock.json
fi

# dist name <- node_modules source; keep in sync with files in graphiql.go.
assets=(
  react.production.min.js:react/umd/react.production.min.js
  react-dom.production.min.js:react-dom/umd/react-dom.production.min.js
  graphiql.min.js:graphiql/graphiql.min.js
  graphiql.min.css:graphiql/graphiql.min.css
  plugin-explorer.umd.js:@graphiql/plugin-explorer/dist/index.umd.js
  plugin-explorer.css:@graphiql/plugin-explorer/dist/style.css
)

mkdir -p dist
find dist -mindepth 1 ! -name README.md -delete
for a in "${assets[@]}"; do
  # Drop sourceMappingURL comments: the maps are not shipped.
  sed '/^\/\/# sourceMappingURL=/d' "node_modules/${a#*:}" > "dist/${a%%:*}"
done
echo "graphiql: copied ${#assets[@]} assets into $(pwd)/dist"
