package scim

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/member"
)

// Schema and message URNs of RFC 7643 and RFC 7644.
const (
	UserURN                  = "urn:ietf:params:scim:schemas:core:2.0:User"
	GroupURN                 = "urn:ietf:params:scim:schemas:core:2.0:Group"
	ListResponseURN          = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
	PatchOpURN               = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
	SearchRequestURN         = "urn:ietf:params:scim:api:messages:2.0:SearchRequest"
	ErrorURN                 = "urn:ietf:params:scim:api:messages:2.0:Error"
	ServiceProviderConfigURN = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"
	ResourceTypeURN          = "urn:ietf:params:scim:schemas:core:2.0:ResourceType"
	SchemaURN                = "urn:ietf:params:scim:schemas:core:2.0:Schema"
)

// userState is one member of the account as the directory sees it: what the
// directory recorded (scim_identities), or for a member it never touched,
// the platform user's email as userName and email and their name.
type userState struct {
	ID          uuid.UUID
	UserName    string
	ExternalID  *string
	GivenName   *string
	FamilyName  *string
	Formatted   *string
	DisplayName *string
	Email       string
	Active      bool
	Role        member.Role
	Created     time.Time
	Modified    time.Time
}

// userSelect reads userStates of the account $1 from memberships m, users u
// and scim_identities si.
const userSelect = `SELECT m.user_id, coalesce(si.user_name, u.email), si.external_id, si.given_name, si.family_name,
		CASE WHEN si.user_id IS NULL THEN nullif(u.name, '') ELSE si.formatted_name END,
		CASE WHEN si.user_id IS NULL THEN nullif(u.name, '') ELSE si.display_name END,
		coalesce(si.email, u.email), m.status = 'ACTIVE', m.role, m.created_at, ` + lastModifiedSQL + `
	FROM memberships m JOIN users u ON u.id = m.user_id
	LEFT JOIN scim_identities si ON si.account_id = m.account_id AND si.user_id = m.user_id`

func scanUser(r pgx.Row) (userState, error) {
	var s userState
	err := r.Scan(&s.ID, &s.UserName, &s.ExternalID, &s.GivenName, &s.FamilyName, &s.Formatted, &s.DisplayName,
		&s.Email, &s.Active, &s.Role, &s.Created, &s.Modified)
	if errors.Is(err, pgx.ErrNoRows) {
		return s, errNoUser
	}
	return s, err
}

var errNoUser = errf(http.StatusNotFound, "", "No such user in this account.")

// getUser returns one member of the account as a userState, or a 404 error
// for any id that is not a member of the account (whether or not a user
// with that id exists elsewhere).
func getUser(ctx context.Context, q db.DBTX, accountID, userID uuid.UUID) (userState, error) {
	return scanUser(q.QueryRow(ctx, userSelect+` WHERE m.account_id = $1 AND m.user_id = $2`, accountID, userID))
}

// listUsers returns one page of the account's members matching the filter
// (empty: all), ordered by id, and how many match in all.
func listUsers(ctx context.Context, q db.DBTX, accountID uuid.UUID, rawFilter string, startIndex, count int) ([]userState, int, error) {
	cond, args := "TRUE", []any{accountID}
	joined := `memberships m JOIN users u ON u.id = m.user_id
		LEFT JOIN scim_identities si ON si.account_id = m.account_id AND si.user_id = m.user_id`
	// The matching members are counted over memberships alone unless the
	// filter reads users or the directory's records: the index lookups of
	// userName, emails and externalId, and the membership's own attributes,
	// need no join.
	from := "memberships m"
	if rawFilter != "" {
		f, sql, err := parseFilter(userColumns, UserURN, rawFilter, accountID)
		if err != nil {
			return nil, 0, err
		}
		cond, args = sql, f.args
		if f.joined {
			from = joined
		}
	}
	var total int
	if rawFilter == "" {
		var err error
		if total, err = member.Total(ctx, q, accountID); err != nil {
			return nil, 0, err
		}
	} else if err := q.QueryRow(ctx, `SELECT count(*) FROM `+from+` WHERE m.account_id = $1 AND `+cond,
		db.PlanEachTime(args...)...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if count == 0 || startIndex > total {
		return nil, total, nil
	}
	// The page's ids first (without a filter, from the primary key alone),
	// then their rows: the rows skipped by OFFSET are never joined.
	from = joined
	if rawFilter == "" {
		from = "memberships m"
	}
	pageArgs := append(append([]any{}, args...), count, startIndex-1)
	rows, err := q.Query(ctx, `WITH p AS MATERIALIZED (SELECT m.user_id FROM `+from+` WHERE m.account_id = $1 AND `+cond+
		fmt.Sprintf(` ORDER BY m.user_id LIMIT $%d OFFSET $%d)`, len(pageArgs)-1, len(pageArgs))+
		userSelect+` WHERE m.account_id = $1 AND m.user_id IN (SELECT user_id FROM p) ORDER BY m.user_id`, db.PlanEachTime(pageArgs...)...)
	if err != nil {
		return nil, 0, err
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (userState, error) { return scanUser(r) })
	return list, total, err
}

// render returns the User resource of s (RFC 7643 §4.1). base is the URL of
// /scim/v2.
func (s userState) render(base string) map[string]any {
	res := map[string]any{
		"schemas":  []string{UserURN},
		"id":       s.ID.String(),
		"userName": s.UserName,
		"active":   s.Active,
		"emails":   []map[string]any{{"value": s.Email, "type": "work", "primary": true}},
		"meta": map[string]any{"resourceType": "User", "created": s.Created.UTC().Format(time.RFC3339),
			"lastModified": s.Modified.UTC().Format(time.RFC3339), "location": base + "/Users/" + s.ID.String()},
	}
	if s.ExternalID != nil {
		res["externalId"] = *s.ExternalID
	}
	name := map[string]any{}
	for k, v := range map[string]*string{"givenName": s.GivenName, "familyName": s.FamilyName, "formatted": s.Formatted} {
		if v != nil {
			name[k] = *v
		}
	}
	if len(name) > 0 {
		res["name"] = name
	}
	if s.DisplayName != nil {
		res["displayName"] = *s.DisplayName
	}
	groups := []map[string]any{}
	if s.Role != member.RoleOwner {
		groups = append(groups, map[string]any{"value": string(s.Role), "display": string(s.Role), "type": "direct",
			"$ref": base + "/Groups/" + string(s.Role)})
	}
	res["groups"] = groups
	return res
}
