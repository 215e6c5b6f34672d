// Package graph holds the GraphQL resolvers, the access directives and the
// per-request dataloaders. Resolvers stay thin: the rules live in internal/.
package graph

//go:generate go tool gqlgen generate

import (
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rosterhq/roster/internal/auth"
	"github.com/rosterhq/roster/internal/invite"
	"github.com/rosterhq/roster/internal/live"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/notify"
	"github.com/rosterhq/roster/internal/scim"
	"github.com/rosterhq/roster/internal/webhook"
)

// Resolver holds what the resolvers need; one is shared by all requests.
type Resolver struct {
	Pool    *pgxpool.Pool
	Auth    *auth.Service
	Invite  *invite.Service
	Members *member.Service
	// Webhooks changes the webhook endpoints.
	Webhooks *webhook.Service
	// Scim creates and revokes the accounts' SCIM tokens.
	Scim   *scim.Tokens
	FanOut notify.FanOut
	Logger *slog.Logger
	Now    func() time.Time
	// Live fans changes out to subscriptions; nil serves no subscriptions.
	Live *live.Hub
}
