package member

import (
	"context"
	"errors"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/account"
	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/db"
)

// UpdateAccount changes an account's settings as actor, under the account's
// row lock, with the actor's membership read again under it. Renaming,
// toggling requireDeactivationBeforeDelete and choosing the SCIM default
// role need AccountUpdateSettings (the Owner, operators); switching the user directory needs
// AccountChangeUserDirectory (operators). Only settings that differ from the
// current ones count, each audited (see account.Update); a switch to EXTERNAL
// governs the account's members from the next request, since every rule reads
// the account afresh. It returns NOT_FOUND for an unknown account,
// INVALID_INPUT when nothing is asked, for a name that is empty, longer than
// 200 characters or holds control characters (user.NormalizeName, applied by
// account.Changes.Diff), for an unknown directory or a SCIM default role
// that is not one of account.ScimRoles, and FORBIDDEN for a change the actor may not make.
func (s *Service) UpdateAccount(ctx context.Context, by Actor, accountID uuid.UUID, c account.Changes) (account.Account, error) {
	if c == (account.Changes{}) {
		return account.Account{}, apperr.New(apperr.InvalidInput, "Give at least one of name, userDirectory, requireDeactivationBeforeDelete and scimDefaultRole.")
	}
	var out account.Account
	actor := by
	err := db.InTx(ctx, s.Pool, func(tx pgx.Tx) error {
		before, err := account.GetForUpdate(ctx, tx, accountID)
		if err != nil {
			return err
		}
		if actor, err = ActorIn(ctx, tx, accountID, actor.UserID, actor.IsOperator); err != nil {
			return err
		}
		diff, err := c.Diff(before)
		if err != nil {
			return err
		}
		if diff.Name != nil || diff.RequireDeactivationBeforeDelete != nil || diff.ScimDefaultRole != nil {
			if err := CheckAccount(AccountUpdateSettings, actor, before); err != nil {
				return err
			}
		}
		if diff.UserDirectory != nil {
			if err := CheckAccount(AccountChangeUserDirectory, actor, before); err != nil {
				return err
			}
		}
		if diff == (account.Changes{}) {
			out = before
			return nil
		}
		out, err = account.Update(ctx, tx, actor.UserID, before, diff)
		return err
	})
	return out, err
}

// ActorIn returns the user as the actor of a rule in the account, with their
// membership read (and locked) in tx, so that a change made since the request
// started counts. It returns database errors as is.
func ActorIn(ctx context.Context, tx pgx.Tx, accountID, userID uuid.UUID, isOperator bool) (Actor, error) {
	actor := Actor{UserID: userID, IsOperator: isOperator}
	m, err := get(ctx, tx, accountID, userID)
	switch {
	case err == nil:
		actor.Membership = &m.Membership
	case !errors.Is(err, errNoMember):
		return Actor{}, err
	}
	return actor, nil
}
