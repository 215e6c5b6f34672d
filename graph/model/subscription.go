package model

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/rosterhq/roster/internal/invite"
	"github.com/rosterhq/roster/internal/member"
	"github.com/rosterhq/roster/internal/user"
)

// AccountChangeKind is what an AccountChange is about.
type AccountChangeKind string

// The kinds of AccountChange.
const (
	AccountChangeMembers     AccountChangeKind = "MEMBERS_CHANGED"
	AccountChangeInvitations AccountChangeKind = "INVITATIONS_CHANGED"
	AccountChangeRecipients  AccountChangeKind = "RECIPIENTS_CHANGED"
	AccountChangeResync      AccountChangeKind = "RESYNC"
)

// IsValid reports whether k is a kind of the schema.
func (k AccountChangeKind) IsValid() bool {
	switch k {
	case AccountChangeMembers, AccountChangeInvitations, AccountChangeRecipients, AccountChangeResync:
		return true
	}
	return false
}

// UnmarshalGQL reads the enum value.
func (k *AccountChangeKind) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok || !AccountChangeKind(s).IsValid() {
		return fmt.Errorf("%v is not a valid AccountChangeKind", v)
	}
	*k = AccountChangeKind(s)
	return nil
}

// MarshalGQL writes the enum value.
func (k AccountChangeKind) MarshalGQL(w io.Writer) {
	_, _ = io.WriteString(w, strconv.Quote(string(k)))
}

// AccountChange is one event of the accountChanged subscription. An
// AccountChange made by FinalError carries only an error: resolving it
// answers that error, which ends a stream with a code on transports that
// have no other way to say it (Server-Sent Events).
type AccountChange struct {
	kind          AccountChangeKind
	err           error
	AccountID     uuid.UUID
	Refetch       bool
	UserIds       []uuid.UUID
	InvitationIds []uuid.UUID
	Members       []*MemberUpdate
	Invitations   []*InvitationUpdate
	Recipients    []*RecipientUpdate
	MemberCount   int
}

// NewAccountChange returns an empty change of kind k in the account.
func NewAccountChange(k AccountChangeKind, accountID uuid.UUID) *AccountChange {
	return &AccountChange{kind: k, AccountID: accountID, UserIds: []uuid.UUID{}, InvitationIds: []uuid.UUID{},
		Members: []*MemberUpdate{}, Invitations: []*InvitationUpdate{}, Recipients: []*RecipientUpdate{}}
}

// FinalError returns a change that resolves to err.
func FinalError(err error) *AccountChange { return &AccountChange{err: err} }

// Kind returns what changed, or the error of a FinalError.
func (c *AccountChange) Kind() (AccountChangeKind, error) {
	if c.err != nil {
		return "", c.err
	}
	return c.kind, nil
}

// MemberUpdate is a member as a change left them.
type MemberUpdate struct {
	UserID  uuid.UUID
	Removed bool
	Email   string
	Name    string
	Role    *member.Role
	// Status is the effective status (member.Member.EffectiveStatus).
	Status        *member.Status
	AccountStatus *member.Status
	UserStatus    *user.Status
}

// InvitationUpdate is an invitation as a change left it.
type InvitationUpdate struct {
	ID            uuid.UUID
	Removed       bool
	Email         string
	Role          *member.Role
	Status        *invite.Status
	Expired       bool
	ExpiresAt     *time.Time
	DeliveryState *invite.DeliveryState
}

// RecipientUpdate says which notification lists a user is on after a change.
type RecipientUpdate struct {
	UserID    uuid.UUID
	Technical bool
	Billing   bool
}
