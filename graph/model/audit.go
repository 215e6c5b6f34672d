package model

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// AuditAction is what an audit event records, in the dotted form the trail
// stores (member.role_changed); GraphQL shows it as the AuditAction enum value
// (MEMBER_ROLE_CHANGED).
type AuditAction string

// AuditActions are every action the code records, in the stored form; a test
// keeps them equal to the schema's AuditAction values and to the actions the
// code writes.
var AuditActions = []AuditAction{
	"account.created",
	"account.deactivation_rule_changed",
	"account.ownership_transferred",
	"account.renamed",
	"account.scim_default_role_changed",
	"account.scim_token_created",
	"account.scim_token_revoked",
	"account.user_directory_changed",
	"credential.added",
	"credential.purged",
	"invitation.accepted",
	"invitation.created",
	"invitation.expired",
	"invitation.resent",
	"invitation.revoked",
	"member.activated",
	"member.deactivated",
	"member.deleted",
	"member.detached",
	"member.directory_updated",
	"member.provisioned",
	"member.role_changed",
	"notification.sent",
	"recipients.replaced_by_owner",
	"recipients.set",
	"seed.bulk",
	"seed.demo",
	"user.access_email_failed",
	"user.access_link_issued",
	"user.activated",
	"user.deactivated",
	"user.deleted",
	"user.password_changed",
	"user.password_reset",
	"user.password_reset_email_sent",
	"user.renamed",
	"user.signed_in",
	"user.signed_out",
	"user.welcome_email_sent",
	"webhook.endpoint_created",
	"webhook.endpoint_deleted",
	"webhook.endpoint_updated",
	"webhook.secret_rotated",
	"webhook.delivery_redelivered",
}

// EnumName returns the action's AuditAction enum value.
func (a AuditAction) EnumName() string {
	return strings.ToUpper(strings.ReplaceAll(string(a), ".", "_"))
}

// MarshalGQL writes the enum value.
func (a AuditAction) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(a.EnumName())) }

// UnmarshalGQL reads an enum value into the stored form.
func (a *AuditAction) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("AuditAction must be a string, not %T", v)
	}
	for _, known := range AuditActions {
		if known.EnumName() == s {
			*a = known
			return nil
		}
	}
	return fmt.Errorf("%q is not an AuditAction", s)
}
