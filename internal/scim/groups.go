package scim

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	filter "github.com/scim2/filter-parser/v2"

	"github.com/rosterhq/roster/internal/apperr"
	"github.com/rosterhq/roster/internal/db"
	"github.com/rosterhq/roster/internal/member"
)

// Groups are the roles a directory assigns: one group per role but OWNER,
// with the role's name as id and displayName. A member is in the group of
// their role; adding them to a group gives them its role, removing them
// gives them the account's SCIM default role. The Owner is in no group and
// cannot be added to one (ownership moves only by a transfer in the panel).
var groupRoles = []member.Role{member.RoleAdministrator, member.RoleFinanceManager, member.RoleUser}

// MaxGroupMembers is the most members a Group resource lists, and the
// largest group a PUT or a replace of members may rewrite; past it, use
// /Users?filter=groups.value eq "ROLE" to page through the members, and
// add/remove operations to change them.
const MaxGroupMembers = 10000

// maxMemberChanges bounds the members one Group request adds or removes.
const maxMemberChanges = 1000

// groupRole returns the role of a group id, 404 for any other.
func groupRole(id string) (member.Role, error) {
	r := member.Role(strings.ToUpper(id))
	if !slices.Contains(groupRoles, r) {
		return "", errf(http.StatusNotFound, "", "No such group: the groups are %s.", strings.Join(roleNames(), ", "))
	}
	return r, nil
}

func roleNames() []string {
	out := make([]string, len(groupRoles))
	for i, r := range groupRoles {
		out[i] = string(r)
	}
	return out
}

// groupMember is one member of a group as the Group resource lists it.
type groupMember struct {
	ID       uuid.UUID
	UserName string
}

// groupMembers returns up to MaxGroupMembers+1 members of the account with role, by id.
func groupMembers(ctx context.Context, q db.DBTX, accountID uuid.UUID, role member.Role) ([]groupMember, error) {
	rows, err := q.Query(ctx, `SELECT m.user_id, coalesce(si.user_name, u.email) FROM memberships m JOIN users u ON u.id = m.user_id
		LEFT JOIN scim_identities si ON si.account_id = m.account_id AND si.user_id = m.user_id
		WHERE m.account_id = $1 AND m.role = $2 ORDER BY m.user_id LIMIT $3`, accountID, role, MaxGroupMembers+1)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (groupMember, error) {
		var g groupMember
		return g, r.Scan(&g.ID, &g.UserName)
	})
}

// listGroups returns the groups matching the filter (empty: all), in role order.
func listGroups(ctx context.Context, q db.DBTX, accountID uuid.UUID, rawFilter string) ([]member.Role, error) {
	cond, args := "TRUE", []any{accountID}
	if rawFilter != "" {
		var err error
		if cond, args, err = translate(groupColumns, GroupURN, rawFilter, accountID); err != nil {
			return nil, err
		}
	}
	rows, err := q.Query(ctx, `SELECT g.role FROM (VALUES ('ADMINISTRATOR', 1), ('FINANCE_MANAGER', 2), ('USER', 3)) AS g(role, ord)
		WHERE $1::uuid IS NOT NULL AND `+cond+` ORDER BY g.ord`, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[member.Role])
}

// renderGroup returns the Group resource of role; members is nil when the
// response leaves them out.
func renderGroup(role member.Role, members []groupMember, base string) map[string]any {
	res := map[string]any{
		"schemas":     []string{GroupURN},
		"id":          string(role),
		"displayName": string(role),
		"meta":        map[string]any{"resourceType": "Group", "location": base + "/Groups/" + string(role)},
	}
	if members != nil {
		list := make([]map[string]any, 0, min(len(members), MaxGroupMembers))
		for i, m := range members {
			if i == MaxGroupMembers {
				break
			}
			list = append(list, map[string]any{"value": m.ID.String(), "display": m.UserName, "type": "User",
				"$ref": base + "/Users/" + m.ID.String()})
		}
		res["members"] = list
	}
	return res
}

// memberChange is what a Group request does: members to add, members to
// remove, or (replace) the exact membership.
type memberChange struct {
	add, remove []uuid.UUID
	replace     *[]uuid.UUID
}

// memberIDs reads a list of member objects ({"value": id}).
func memberIDs(v any) ([]uuid.UUID, error) {
	var list []any
	switch v := v.(type) {
	case []any:
		list = v
	case map[string]any:
		list = []any{v}
	case nil:
		return nil, nil
	default:
		return nil, invalidValue("members is a list of objects with a value (a user id).")
	}
	out := make([]uuid.UUID, 0, len(list))
	for _, item := range list {
		obj, ok := item.(map[string]any)
		if !ok {
			return nil, invalidValue("members is a list of objects with a value (a user id).")
		}
		s, _ := lowerKeys(obj)["value"].(string)
		id, err := uuid.Parse(s)
		if err != nil {
			return nil, invalidValue("No member of this account has id %q.", shorten(s))
		}
		out = append(out, id)
	}
	return out, nil
}

// filteredIDs reads the ids of a members[value eq "…"] path, or of an or of such.
func filteredIDs(e filter.Expression) ([]uuid.UUID, error) {
	switch e := e.(type) {
	case *filter.LogicalExpression:
		if strings.EqualFold(string(e.Operator), "or") {
			l, err := filteredIDs(e.Left)
			if err != nil {
				return nil, err
			}
			r, err := filteredIDs(e.Right)
			return append(l, r...), err
		}
	case *filter.AttributeExpression:
		s, ok := e.CompareValue.(string)
		if strings.EqualFold(e.AttributePath.AttributeName, "value") && strings.EqualFold(string(e.Operator), "eq") && ok {
			id, err := uuid.Parse(s)
			if err != nil {
				return nil, nil // matches no member
			}
			return []uuid.UUID{id}, nil
		}
	}
	return nil, invalidPath("A members path filters on value eq a user id.")
}

// applyGroupOp adds one PATCH operation (or a PUT body, as a replace
// without a path) of the group of role to c.
func applyGroupOp(c *memberChange, role member.Role, op, path string, value any) error {
	if path == "" {
		obj, ok := value.(map[string]any)
		if !ok {
			return invalidValue("An operation without a path has an object of attributes as its value.")
		}
		for k, v := range obj {
			switch lk := strings.ToLower(k); lk {
			case "schemas", "meta", "id", "externalid":
			case "members", "displayname":
				if err := applyGroupOp(c, role, op, k, v); err != nil {
					return err
				}
			default:
				return invalidPath("Groups have no attribute %q.", shorten(k))
			}
		}
		return nil
	}
	p, err := filter.ParsePath([]byte(path))
	if err != nil {
		return invalidPath("%q is not an attribute path.", shorten(path))
	}
	if uri := p.AttributePath.URI(); uri != "" && !strings.EqualFold(uri, GroupURN) {
		return invalidPath("Groups have no attributes of schema %q.", uri)
	}
	switch strings.ToLower(p.AttributePath.AttributeName) {
	case "displayname":
		if s, ok := value.(string); op != opRemove && ok && strings.EqualFold(s, string(role)) {
			return nil
		}
		return mutability("A group's displayName is its role's name and cannot change.")
	case "members":
	default:
		return invalidPath("Groups have no attribute %q.", p.AttributePath.AttributeName)
	}
	var ids []uuid.UUID
	if p.ValueExpression != nil {
		if ids, err = filteredIDs(p.ValueExpression); err != nil {
			return err
		}
		if op != opRemove {
			return invalidPath("Add to members with the path members and a list of members as value.")
		}
	} else if ids, err = memberIDs(value); err != nil {
		return err
	}
	switch op {
	case opAdd:
		c.add = append(c.add, ids...)
	case opRemove:
		if p.ValueExpression == nil && value == nil {
			ids = nil // every member: known once the group is read
			c.replace = &ids
			return nil
		}
		c.remove = append(c.remove, ids...)
	case opReplace:
		c.replace = &ids
		c.add, c.remove = nil, nil
	}
	return nil
}

// changeGroup applies c to the group of role, all or nothing: added members
// get the role, removed ones the account's SCIM default role (a removal from
// the default role's own group changes nothing). It returns 400
// invalidValue for an id that is no member of the account or for too many
// changes, and 403 for the Owner.
func (s *Service) changeGroup(ctx context.Context, tok *Token, role member.Role, c memberChange) error {
	return s.Members.InDirectory(ctx, member.DirectoryActor(tok.AccountID, tok.ID), func(d *member.DirectoryTx) error {
		acct := d.Account()
		add, remove := c.add, c.remove
		// kept are the members the request leaves in the group: a removal
		// of one of them changes nothing.
		kept := map[uuid.UUID]bool{}
		for _, id := range c.add {
			kept[id] = true
		}
		if c.replace != nil {
			current, err := groupMembers(ctx, d.Tx(), acct.ID, role)
			if err != nil {
				return err
			}
			if len(current) > MaxGroupMembers {
				return invalidValue("This group has more than %d members: change it with add and remove operations.", MaxGroupMembers)
			}
			in := make(map[uuid.UUID]bool, len(current))
			for _, m := range current {
				in[m.ID] = true
			}
			// Only the difference counts as changes: a directory that sends
			// a group's whole (unchanged) membership changes nothing.
			add = nil
			for _, id := range append(append([]uuid.UUID{}, *c.replace...), c.add...) {
				if !kept[id] && !in[id] {
					add = append(add, id)
				}
				kept[id] = true
			}
			remove = append([]uuid.UUID{}, c.remove...)
			for _, m := range current {
				if !kept[m.ID] {
					remove = append(remove, m.ID)
				}
			}
		}
		if len(add)+len(remove) > maxMemberChanges {
			return invalidValue("One request changes at most %d group members.", maxMemberChanges)
		}
		for _, id := range add {
			if _, err := d.ChangeRole(ctx, id, role); err != nil {
				if e := apperr.As(err); e != nil && e.Code == apperr.NotFound {
					return invalidValue("No member of this account has id %s.", id)
				}
				return err
			}
		}
		fallback := member.Role(acct.ScimDefaultRole)
		for _, id := range remove {
			if kept[id] || fallback == role {
				continue
			}
			m, err := d.Member(ctx, id)
			if e := apperr.As(err); e != nil && e.Code == apperr.NotFound {
				continue // not a member: not in the group either
			}
			if err != nil {
				return err
			}
			if m.Role != role {
				continue
			}
			if _, err := d.ChangeRole(ctx, id, fallback); err != nil {
				return err
			}
		}
		return nil
	})
}

// patchGroup applies a PATCH request to the group of role.
func (s *Service) patchGroup(ctx context.Context, tok *Token, role member.Role, body map[string]any) error {
	ops, err := decodePatch(body)
	if err != nil {
		return err
	}
	var c memberChange
	for _, op := range ops {
		if err := applyGroupOp(&c, role, op.Op, op.Path, op.Value); err != nil {
			return err
		}
	}
	return s.changeGroup(ctx, tok, role, c)
}

// replaceGroup applies a PUT: the body's members become the group's.
func (s *Service) replaceGroup(ctx context.Context, tok *Token, role member.Role, body map[string]any) error {
	if err := requireSchema(body, GroupURN); err != nil {
		return err
	}
	b := lowerKeys(body)
	if name, _ := b["displayname"].(string); !strings.EqualFold(name, string(role)) {
		return mutability("A group's displayName is its role's name (%s) and cannot change.", role)
	}
	ids, err := memberIDs(b["members"])
	if err != nil {
		return err
	}
	return s.changeGroup(ctx, tok, role, memberChange{replace: &ids})
}
