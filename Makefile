# Roster. `make run` starts everything for a newcomer; `make test` runs every test.
GO ?= go

.PHONY: run test e2e screenshots build assets check-assets assets-committed generate check-generated vet scim-check bench bench-http bench-scale bench-emails clean

run: assets
	$(GO) build -o bin/roster ./cmd/roster
	./bin/roster dev

build: assets
	$(GO) build -o bin/roster ./cmd/roster

# GraphiQL, React and the graphql-http audit come from the npm registry,
# pinned by the committed package-lock.json files. The admin app (web/) is
# checked (generated types current, tsc clean) and built into web/dist.
assets:
	bash internal/graphiql/copy-assets.sh
	bash web/build.sh

# The copied assets are committed (so `go build` and `go test ./...` work on a
# fresh clone); CI checks they are what the package-lock pins.
check-assets: assets assets-committed

# assets-committed checks, without building, that the built assets are
# committed: CI runs it after `make test`, which builds them once.
assets-committed:
	git diff --exit-code -- internal/graphiql/dist || (echo "internal/graphiql/dist differs from package-lock.json: run 'make assets' and commit" >&2; exit 1)
	git diff --exit-code -- web/dist web/src/gql || (echo "web/dist or web/src/gql differs from what the sources build: run 'make assets' and commit" >&2; exit 1)
	test -z "$$(git status --porcelain -- web/dist web/src/gql)" || (git status --porcelain -- web/dist web/src/gql; echo "the web build made files that are not committed: run 'make assets' and commit" >&2; exit 1)

test: assets
	$(GO) run ./cmd/pgtest $(GO) test -count=1 -timeout 15m ./...
	$(GO) build -o bin/roster ./cmd/roster
	$(SCIM_CHECK)
	$(E2E) -- $(E2E_ARGS)

# The admin app's end-to-end tests (web/e2e): Playwright and Debian's chromium
# against `roster dev` built from this tree, with a private PostgreSQL and mail
# capture. E2E_ARGS go to `playwright test` (e.g. E2E_ARGS='-g invite').
E2E = $(GO) run ./cmd/e2e -roster bin/roster
e2e: build
	$(E2E) -- $(E2E_ARGS)

# Screenshots of the main screens into docs/screenshots (README, Admin app).
screenshots: build
	$(E2E) -- --config playwright.screenshots.config.ts

generate:
	$(GO) generate ./...

# Fails when generated code is not current.
check-generated: generate
	git diff --exit-code -- graph/ || (echo "generated code is stale: run 'make generate' and commit" >&2; exit 1)
	test -z "$$(git status --porcelain -- graph/)" || (git status --porcelain -- graph/; echo "generate produced new files: commit them" >&2; exit 1)

vet:
	$(GO) vet ./...

# The independent SCIM 2.0 conformance check (README, SCIM 2.0 provisioning):
# internal/scim/conformance/check.mjs sends the requests of Okta's SCIM test
# plan and of Microsoft Entra ID's SCIM validator to `roster dev` built from
# this tree (fresh PostgreSQL, an EXTERNAL account and token made over
# GraphQL) and judges every answer with SCIMMY's RFC 7643/7644 definitions,
# pinned by its package-lock.json (npm ci runs when node_modules is stale).
# The web assets roster embeds are committed: no `make assets` needed here.
SCIM_CHECK = $(GO) run ./cmd/e2e -roster bin/roster -node internal/scim/conformance -- check.mjs
scim-check:
	$(GO) build -o bin/roster ./cmd/roster
	$(SCIM_CHECK)

bench:
	$(GO) run ./cmd/pgtest $(GO) test -run '^$$' -bench . -benchtime 20x ./...

# Load benchmarks of the shipped binary (README, Performance): each starts its
# own PostgreSQL under .roster/bench unless DATABASE_URL names a server.
bench-http:
	$(GO) run ./cmd/rosterbench http

bench-scale:
	$(GO) run ./cmd/rosterbench scale

bench-emails:
	$(GO) run ./cmd/rosterbench emails

clean:
	rm -rf bin web/node_modules internal/graphiql/node_modules internal/httpcompat/audit/node_modules cmd/rosterbench/postgraphile/node_modules web/e2e/node_modules internal/scim/conformance/node_modules
