// Package model holds the GraphQL-only types: payloads, pages and connections.
package model

import (
	"sync"

	"github.com/google/uuid"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/invite"
	"github.com/rosterhq/roster/internal/user"
)

// UserConnection is a page of the user explorer; its total count is computed
// only when asked for.
type UserConnection struct {
	Edges    []*UserEdge
	PageInfo *PageInfo
	Filter   user.Filter
	Total    Total
}

// AccountConnection is a page of accounts; its total count is computed only
// when asked for.
type AccountConnection struct {
	Edges    []*AccountEdge
	PageInfo *PageInfo
	Filter   account.Filter
	Total    Total
}

// InvitationConnection is a page of an account's invitations; its total
// count is computed only when asked for.
type InvitationConnection struct {
	Edges     []*InvitationEdge
	PageInfo  *PageInfo
	AccountID uuid.UUID
	Status    *invite.Status
}

// Total computes a connection's count once, however many of its fields
// (totalCount, totalCountExact) a query asks for.
type Total struct {
	once  sync.Once
	count db.Count
	err   error
}

// Get returns the count, calling count the first time only.
func (t *Total) Get(count func() (db.Count, error)) (db.Count, error) {
	t.once.Do(func() { t.count, t.err = count() })
	return t.count, t.err
}
