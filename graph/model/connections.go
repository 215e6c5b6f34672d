// Package model holds the GraphQL-only types: payloads, pages and connections.
package model

import (
	"github.com/google/uuid"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/invite"
	"github.com/rosterhq/roster/internal/user"
)

// UserConnection is a page of the user explorer; its total count is computed
// only when asked for.
type UserConnection struct {
	Edges    []*UserEdge
	PageInfo *PageInfo
	Filter   user.Filter
}

// AccountConnection is a page of accounts; its total count is computed only
// when asked for.
type AccountConnection struct {
	Edges    []*AccountEdge
	PageInfo *PageInfo
	Filter   account.Filter
}

// InvitationConnection is a page of an account's invitations; its total
// count is computed only when asked for.
type InvitationConnection struct {
	Edges     []*InvitationEdge
	PageInfo  *PageInfo
	AccountID uuid.UUID
	Status    *invite.Status
}
