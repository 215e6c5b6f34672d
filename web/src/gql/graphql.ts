/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * A JSON object with string keys, for example {"name": "Ada", "role": "USER"}:
   * the state an audit event recorded. Its keys depend on the action. In
   * TypeScript: Record<string, unknown>.
   */
  Map: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /**
   * A date and time: an RFC 3339 (ISO 8601) string in UTC with up to nanosecond
   * precision, for example "2026-03-01T09:30:00.123456Z". Accepted as input in any
   * offset. In TypeScript: string.
   */
  Time: { input: string; output: string; }
};

/** The result of acceptInvitation. */
export type AcceptInvitationPayload = {
  __typename?: 'AcceptInvitationPayload';
  /** The account joined. */
  account: Account;
  /** The role the user holds in the account now. */
  role: Role;
  /** A session token, when the caller was not signed in and the user has panel access (through this role or another). */
  token?: Maybe<Scalars['String']['output']>;
  /** The user who accepted: newly registered or existing. */
  user: User;
};

/** A customer account of the control panel: its members, invitations, notification lists and audit trail. */
export type Account = {
  __typename?: 'Account';
  /** The account's audit trail, newest first. */
  auditLog: AuditEventConnection;
  /** Who receives the account's billing notifications. */
  billingContacts: Array<Recipient>;
  /** When the account was created. */
  createdAt: Scalars['Time']['output'];
  /** The account's ID. */
  id: Scalars['ID']['output'];
  /** The account's invitations, newest first. */
  invitations: InvitationConnection;
  /** One member of the account, with viewerCan; null when the user is not a member. */
  member?: Maybe<Member>;
  /** The account's members, a page at a time (pageSize at most 100). */
  members: MemberPage;
  /** The account's display name. */
  name: Scalars['String']['output'];
  /** Notifications sent to the account, newest first, with each recipient's outcome. */
  notifications: NotificationConnection;
  /** Deleting an ACTIVE member fails with MEMBER_ACTIVE: deactivate first. */
  requireDeactivationBeforeDelete: Scalars['Boolean']['output'];
  /** The role the account's external directory gives the members it adds over SCIM (never OWNER); USER unless changed with updateAccount. */
  scimDefaultRole: Role;
  /** The account's SCIM tokens, newest first, revoked ones included (at most 100): for its Owner and operators. */
  scimTokens: Array<ScimToken>;
  /** Service credentials of the account's members (of one member when userId is given). */
  serviceCredentials: Array<ServiceCredential>;
  /** Who receives the account's technical notifications. */
  technicalContacts: Array<Recipient>;
  /** Where the account's users come from; EXTERNAL accounts change member statuses in their directory, not here. */
  userDirectory: UserDirectory;
  /** What the viewer may do to the account as a whole, by the same rules the mutations apply: grey buttons out before the click. */
  viewerCan: AccountPermissions;
  /** The viewer's own membership, null for an operator who is not a member. */
  viewerMembership?: Maybe<Membership>;
};


/** A customer account of the control panel: its members, invitations, notification lists and audit trail. */
export type AccountAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A customer account of the control panel: its members, invitations, notification lists and audit trail. */
export type AccountInvitationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<InvitationStatus>;
};


/** A customer account of the control panel: its members, invitations, notification lists and audit trail. */
export type AccountMemberArgs = {
  userId: Scalars['ID']['input'];
};


/** A customer account of the control panel: its members, invitations, notification lists and audit trail. */
export type AccountMembersArgs = {
  filter?: InputMaybe<MemberFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  pageSize?: InputMaybe<Scalars['Int']['input']>;
};


/** A customer account of the control panel: its members, invitations, notification lists and audit trail. */
export type AccountNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A customer account of the control panel: its members, invitations, notification lists and audit trail. */
export type AccountServiceCredentialsArgs = {
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** One change of an account, as committed. */
export type AccountChange = {
  __typename?: 'AccountChange';
  /** The account. */
  accountId: Scalars['ID']['output'];
  /** For INVITATIONS_CHANGED: the invitations concerned. */
  invitationIds: Array<Scalars['ID']['output']>;
  /** For INVITATIONS_CHANGED: each invitation of invitationIds now. */
  invitations: Array<InvitationUpdate>;
  /** What changed. */
  kind: AccountChangeKind;
  /** The account's members.totalCount (no filter) after the change. */
  memberCount: Scalars['Int']['output'];
  /** For MEMBERS_CHANGED: each user of userIds as a member now, removed ones with removed: true. */
  members: Array<MemberUpdate>;
  /** For RECIPIENTS_CHANGED: for each user of userIds, which lists they are on now. */
  recipients: Array<RecipientUpdate>;
  /** True when the change was too large to list (or, for RESYNC, unknown): the id lists are empty; refetch what is shown. */
  refetch: Scalars['Boolean']['output'];
  /** For MEMBERS_CHANGED and RECIPIENTS_CHANGED: the users concerned. */
  userIds: Array<Scalars['ID']['output']>;
};

/** What an AccountChange is about. */
export type AccountChangeKind =
  /** Invitations were made, resent, revoked, accepted, expired, or their email's delivery moved on: see invitations. */
  | 'INVITATIONS_CHANGED'
  /** Members were added, removed, or changed role, status, name or email (or were deactivated or activated platform-wide): see members. */
  | 'MEMBERS_CHANGED'
  /** Technical or billing contacts changed: see recipients. */
  | 'RECIPIENTS_CHANGED'
  /** Changes may have been missed (the server lost its database connection for a moment): refetch what is shown. */
  | 'RESYNC';

/** A page of accounts, ordered by name. */
export type AccountConnection = {
  __typename?: 'AccountConnection';
  /** The accounts of this page, each with its cursor. */
  edges: Array<AccountEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /**
   * How many accounts match. Exact when totalCountExact is true. Counts that no
   * maintained counter covers (a search, or a mix of filters) stop at 1,000:
   * past that, totalCount is 1,000 and totalCountExact is false, so show it
   * as "1,000+".
   */
  totalCount: Scalars['Int']['output'];
  /** False when totalCount is a lower bound (see totalCount). */
  totalCountExact: Scalars['Boolean']['output'];
};

/** One account of a page, with its cursor. */
export type AccountEdge = {
  __typename?: 'AccountEdge';
  /** Pass as after to continue after this account. */
  cursor: Scalars['String']['output'];
  /** The account. */
  node: Account;
};

/** What the viewer may do to an account as a whole, by the same rules the mutations apply (internal/member.CheckAccount). */
export type AccountPermissions = {
  __typename?: 'AccountPermissions';
  /** Whether updateAccount may switch the account's userDirectory. */
  changeUserDirectory: Scalars['Boolean']['output'];
  /** Whether inviteUsers and resendInvitation would be allowed (false in an EXTERNAL account). */
  invite: Scalars['Boolean']['output'];
  /** Whether the viewer may manage members: deactivateMembers, activateMembers, deleteMembers, detachUser, changeMemberRole (each member's own viewerCan says which apply to that member). */
  manageMembers: Scalars['Boolean']['output'];
  /** Whether setNotificationRecipients would be allowed. */
  manageRecipients: Scalars['Boolean']['output'];
  /** Whether the viewer may list, create and revoke the account's SCIM tokens (scimTokens, createScimToken, revokeScimToken): its Owner and operators. */
  manageScimTokens: Scalars['Boolean']['output'];
  /** Whether the viewer may read the account's auditLog. */
  readAuditLog: Scalars['Boolean']['output'];
  /** Whether transferOwnership would be allowed. */
  transferOwnership: Scalars['Boolean']['output'];
  /** Whether updateAccount may rename the account and toggle requireDeactivationBeforeDelete. */
  updateSettings: Scalars['Boolean']['output'];
};

/** The result of activateUser. */
export type ActivateUserPayload = {
  __typename?: 'ActivateUserPayload';
  /** The user, ACTIVE again. */
  user: User;
};

/** The result of activateUsers. */
export type ActivateUsersPayload = {
  __typename?: 'ActivateUsersPayload';
  /** One result per requested user, in the order requested. */
  results: Array<UserResult>;
};

/** The result of addServiceCredential. */
export type AddServiceCredentialPayload = {
  __typename?: 'AddServiceCredentialPayload';
  /** The recorded credential. */
  serviceCredential: ServiceCredential;
};

/**
 * What an audit event records. The trail stores the dotted form (for example
 * member.role_changed is MEMBER_ROLE_CHANGED).
 */
export type AuditAction =
  /** An operator created the account (and invited its Owner). */
  | 'ACCOUNT_CREATED'
  /** The account's requireDeactivationBeforeDelete was switched on or off (updateAccount). */
  | 'ACCOUNT_DEACTIVATION_RULE_CHANGED'
  /** The account's ownership passed to another member. */
  | 'ACCOUNT_OWNERSHIP_TRANSFERRED'
  /** The account was renamed (updateAccount). */
  | 'ACCOUNT_RENAMED'
  /** The SCIM default role of the account changed (updateAccount). */
  | 'ACCOUNT_SCIM_DEFAULT_ROLE_CHANGED'
  /** A SCIM token of the account was created (createScimToken). */
  | 'ACCOUNT_SCIM_TOKEN_CREATED'
  /** A SCIM token of the account was revoked (revokeScimToken). */
  | 'ACCOUNT_SCIM_TOKEN_REVOKED'
  /** The account's user directory was switched between LOCAL and EXTERNAL (updateAccount). */
  | 'ACCOUNT_USER_DIRECTORY_CHANGED'
  /** A service credential of a member was recorded. */
  | 'CREDENTIAL_ADDED'
  /** A detached member's service credentials were purged. */
  | 'CREDENTIAL_PURGED'
  /** An invitation was accepted: the invitee became a member. */
  | 'INVITATION_ACCEPTED'
  /** An address was invited. */
  | 'INVITATION_CREATED'
  /** A pending invitation ran out of time. */
  | 'INVITATION_EXPIRED'
  /** An invitation was mailed again with a fresh link. */
  | 'INVITATION_RESENT'
  /** A pending invitation was ended. */
  | 'INVITATION_REVOKED'
  /** A member was activated in the account. */
  | 'MEMBER_ACTIVATED'
  /** A member was deactivated in the account. */
  | 'MEMBER_DEACTIVATED'
  /** A member was removed from the account. */
  | 'MEMBER_DELETED'
  /** A member was removed and their service credentials purged. */
  | 'MEMBER_DETACHED'
  /** The account's directory changed what it records about a member (userName, externalId, name, email) over SCIM. */
  | 'MEMBER_DIRECTORY_UPDATED'
  /** The account's directory added a member over SCIM. */
  | 'MEMBER_PROVISIONED'
  /** A member's role changed. */
  | 'MEMBER_ROLE_CHANGED'
  /** A notification was sent to one of the account's lists. */
  | 'NOTIFICATION_SENT'
  /** The Owner took a removed member's place on a notification list. */
  | 'RECIPIENTS_REPLACED_BY_OWNER'
  /** A notification list was set. */
  | 'RECIPIENTS_SET'
  /** Bulk demonstration data was loaded (roster seed). */
  | 'SEED_BULK'
  /** The demonstration data set was loaded (roster seed). */
  | 'SEED_DEMO'
  /** A welcome or password reset email could not be delivered. */
  | 'USER_ACCESS_EMAIL_FAILED'
  /** A welcome or password reset link was issued for an email. */
  | 'USER_ACCESS_LINK_ISSUED'
  /** A user was activated platform-wide. */
  | 'USER_ACTIVATED'
  /** A user was deactivated platform-wide. */
  | 'USER_DEACTIVATED'
  /** A user was deleted. */
  | 'USER_DELETED'
  /** A user changed their password. */
  | 'USER_PASSWORD_CHANGED'
  /** A user set a new password through a reset or welcome link. */
  | 'USER_PASSWORD_RESET'
  /** A password reset email was requested for the user. */
  | 'USER_PASSWORD_RESET_EMAIL_SENT'
  /** A user was renamed. */
  | 'USER_RENAMED'
  /** A user signed in. */
  | 'USER_SIGNED_IN'
  /** A user signed out. */
  | 'USER_SIGNED_OUT'
  /** A welcome email was requested for the user. */
  | 'USER_WELCOME_EMAIL_SENT'
  /** An operator sent a finished webhook delivery again (redeliverWebhookDelivery). */
  | 'WEBHOOK_DELIVERY_REDELIVERED'
  /** An operator added a webhook endpoint (its URL and event types in after). */
  | 'WEBHOOK_ENDPOINT_CREATED'
  /** An operator deleted a webhook endpoint. */
  | 'WEBHOOK_ENDPOINT_DELETED'
  /** An operator changed a webhook endpoint (what changed in before and after). */
  | 'WEBHOOK_ENDPOINT_UPDATED'
  /** An operator rotated a webhook endpoint's signing secret (never recorded). */
  | 'WEBHOOK_SECRET_ROTATED';

/** One recorded change: who did what to whom, with the state before and after. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  /** The account the change happened in; null for platform-wide changes. */
  accountId?: Maybe<Scalars['ID']['output']>;
  /** What happened. */
  action: AuditAction;
  /** The user who made the change; null for the system (jobs), a deleted user, or the account's directory (then actorScimTokenId is set). */
  actorId?: Maybe<Scalars['ID']['output']>;
  /** The SCIM token through which the account's external directory made the change; null for changes made otherwise. */
  actorScimTokenId?: Maybe<Scalars['ID']['output']>;
  /** The relevant state after the change; null when the object was removed. */
  after?: Maybe<Scalars['Map']['output']>;
  /** The relevant state before the change; null when the object was created. */
  before?: Maybe<Scalars['Map']['output']>;
  /** The event's ID. */
  id: Scalars['ID']['output'];
  /** When the change was committed. */
  occurredAt: Scalars['Time']['output'];
  /** The ID of the request that made the change (the X-Request-Id header), for matching logs. */
  requestId: Scalars['String']['output'];
  /** The user the change was about, when there is one. */
  targetUserId?: Maybe<Scalars['ID']['output']>;
};

/** A page of audit events, newest first. */
export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  /** The events of this page, each with its cursor. */
  edges: Array<AuditEventEdge>;
  /** Where this page sits in the whole trail. */
  pageInfo: PageInfo;
};

/** One audit event of a page, with its cursor. */
export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  /** Pass as after to continue after this event. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: AuditEvent;
};

/** Narrows the audit trail; every given field must match. */
export type AuditFilter = {
  /** Only events in this account. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Only events with this action. */
  action?: InputMaybe<AuditAction>;
  /** Only events made by this user. */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** Only events about this user. */
  targetUserId?: InputMaybe<Scalars['ID']['input']>;
};

/** The result of changeMemberRole. */
export type ChangeMemberRolePayload = {
  __typename?: 'ChangeMemberRolePayload';
  /** The member with the new role. */
  member: Member;
};

/** The result of changePassword. */
export type ChangePasswordPayload = {
  __typename?: 'ChangePasswordPayload';
  /** Always true: the password is changed and the user's other sessions have ended. */
  ok: Scalars['Boolean']['output'];
};

/** The result of createAccount. */
export type CreateAccountPayload = {
  __typename?: 'CreateAccountPayload';
  /** The new account. */
  account: Account;
  /** The invitation mailed to the future Owner. */
  invitation: Invitation;
};

/** The result of createScimToken. */
export type CreateScimTokenPayload = {
  __typename?: 'CreateScimTokenPayload';
  /** The bearer token to configure in the directory. Shown this once: it cannot be read again. */
  secret: Scalars['String']['output'];
  /** The new token. */
  token: ScimToken;
};

/** The result of createWebhookEndpoint. */
export type CreateWebhookEndpointPayload = {
  __typename?: 'CreateWebhookEndpointPayload';
  /** The new endpoint. */
  endpoint: WebhookEndpoint;
  /** The signing secret (whsec_…), shown this once: give it to the receiver, which verifies webhook-signature with it. */
  secret: Scalars['String']['output'];
};

/** The result of deactivateUser. */
export type DeactivateUserPayload = {
  __typename?: 'DeactivateUserPayload';
  /** The accounts, by name, in which the user's membership is ACTIVE: each loses a working member (the membership keeps its status). */
  activeIn: Array<Account>;
  /** Whether the user was deactivated; false when confirmation was required and not given. */
  deactivated: Scalars['Boolean']['output'];
  /** The user, in their state after the call. */
  user: User;
  /** Notification lists left (or that would be left) without an ACTIVE recipient. */
  warnings: Array<RecipientWarning>;
};

/** The result of deactivateUsers. */
export type DeactivateUsersPayload = {
  __typename?: 'DeactivateUsersPayload';
  /** One result per requested user, in the order requested. */
  results: Array<UserResult>;
  /** Notification lists left (or that would be left) without an ACTIVE recipient by deactivating these users together. */
  warnings: Array<RecipientWarning>;
};

/** The result of deleteUser. */
export type DeleteUserPayload = {
  __typename?: 'DeleteUserPayload';
  /** The ID of the deleted user. */
  deletedUserId: Scalars['ID']['output'];
};

/** The result of deleteUsers. */
export type DeleteUsersPayload = {
  __typename?: 'DeleteUsersPayload';
  /** One result per requested user, in the order requested. */
  results: Array<UserResult>;
};

/** The result of deleteWebhookEndpoint. */
export type DeleteWebhookEndpointPayload = {
  __typename?: 'DeleteWebhookEndpointPayload';
  /** The ID of the deleted endpoint. */
  deletedEndpointId: Scalars['ID']['output'];
};

/** What happened to one recipient of a notification. */
export type DeliveryOutcome =
  /** Failed for good: a permanent refusal or too many attempts. */
  | 'FAILED'
  /** Waiting for a worker. */
  | 'QUEUED'
  /** Failed temporarily; will be tried again. */
  | 'RETRYING'
  /** Accepted by the SMTP server. */
  | 'SENT'
  /** Not sent: the recipient was inactive in the account or platform-wide (see reason). */
  | 'SKIPPED';

/** Where the newest email of an invitation is. */
export type DeliveryState =
  /** Failed for good: a permanent refusal or too many attempts. */
  | 'FAILED'
  /** Waiting for a worker. */
  | 'QUEUED'
  /** Failed temporarily; will be tried again. */
  | 'RETRYING'
  /** Accepted by the SMTP server. */
  | 'SENT'
  /** Not sent: the recipient is deactivated platform-wide or the invitation ended first. */
  | 'SUPPRESSED';

/** The delivery state of an invitation's newest email. */
export type EmailDelivery = {
  __typename?: 'EmailDelivery';
  /** How many times sending was tried. */
  attempts: Scalars['Int']['output'];
  /** When the SMTP server accepted it; null until then. */
  deliveredAt?: Maybe<Scalars['Time']['output']>;
  /** The last sending error, when there was one. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** Where the email is. */
  state: DeliveryState;
};

/**
 * A stable, machine-readable reason a request or one item of it failed. A
 * GraphQL error carries it in extensions.code; ItemError and RejectedAddress
 * carry it in code. Each mutation's description lists the codes it can return;
 * INVALID_INPUT (a malformed query or argument), LIMIT_EXCEEDED (a query over
 * the complexity or size limit) and INTERNAL can come from any field. New values
 * may be added: treat an unknown one like INTERNAL.
 */
export type ErrorCode =
  /** The user already belongs to the account. */
  | 'ALREADY_MEMBER'
  /** The operation has consequences that must be confirmed: repeat it with confirm: true. */
  | 'CONFIRMATION_REQUIRED'
  /** The change conflicts with the current state (for example: already active, already inactive). */
  | 'CONFLICT'
  /** The account's users come from an external directory: change them there. */
  | 'EXTERNALLY_MANAGED'
  /** The caller's role, status or operator flag does not allow the operation. */
  | 'FORBIDDEN'
  /** An unexpected server error; extensions.requestId identifies it for support. */
  | 'INTERNAL'
  /** An argument is malformed or out of range, or the query itself is invalid. */
  | 'INVALID_INPUT'
  /** The invitation or link has expired; ask for a new one. */
  | 'INVITATION_EXPIRED'
  /** The invitation was already accepted or revoked. */
  | 'INVITATION_USED'
  /** A size limit, quota or throttle was exceeded; extensions.resetsAt says when to retry where it applies. */
  | 'LIMIT_EXCEEDED'
  /** The account requires deactivating a member before deleting them. */
  | 'MEMBER_ACTIVE'
  /** The object does not exist or the caller may not see it (also an unknown or used link). */
  | 'NOT_FOUND'
  /** The operation would act on the account's Owner: transfer ownership first. */
  | 'OWNER_PROTECTED'
  /** The caller tried to deactivate, delete or otherwise act on themselves. */
  | 'SELF_ACTION'
  /** No valid session: sign in and send the token as 'Authorization: Bearer <token>'; also wrong credentials or a wrong current password. */
  | 'UNAUTHENTICATED'
  /** The user is deactivated platform-wide. */
  | 'USER_INACTIVE';

/** An invitation of an email address to join an account with a role. */
export type Invitation = {
  __typename?: 'Invitation';
  /** When the invitation was created. */
  createdAt: Scalars['Time']['output'];
  /** The newest email's delivery. An email not sent because its recipient is deactivated platform-wide shows as SENT except to operators: anything else would reveal a user of another tenant. */
  delivery: EmailDelivery;
  /** The invited address. */
  email: Scalars['String']['output'];
  /** True once the link has run out of time. */
  expired: Scalars['Boolean']['output'];
  /** When the link stops working. */
  expiresAt: Scalars['Time']['output'];
  /** The invitation's ID. */
  id: Scalars['ID']['output'];
  /** The name of who invited. */
  inviterName: Scalars['String']['output'];
  /** The role the invitee gets on accepting. */
  role: Role;
  /** The invitation's state. */
  status: InvitationStatus;
};

/** A page of invitations, newest first. */
export type InvitationConnection = {
  __typename?: 'InvitationConnection';
  /** The invitations of this page, each with its cursor. */
  edges: Array<InvitationEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many invitations match, in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One invitation of a page, with its cursor. */
export type InvitationEdge = {
  __typename?: 'InvitationEdge';
  /** Pass as after to continue after this invitation. */
  cursor: Scalars['String']['output'];
  /** The invitation. */
  node: Invitation;
};

/** What an invitation link shows before it is accepted. */
export type InvitationPreview = {
  __typename?: 'InvitationPreview';
  /** The name of the account the link invites to. */
  accountName: Scalars['String']['output'];
  /** The invited address. */
  email: Scalars['String']['output'];
  /** Whether the address already has a user (then only its password is asked). */
  existingUser: Scalars['Boolean']['output'];
  /** True once the link has run out of time. */
  expired: Scalars['Boolean']['output'];
  /** When the link stops working. */
  expiresAt: Scalars['Time']['output'];
  /** The name of who invited. */
  inviterName: Scalars['String']['output'];
  /** The role the invitee gets on accepting. */
  role: Role;
  /** The invitation's state. */
  status: InvitationStatus;
};

/** An invitation's state. */
export type InvitationStatus =
  /** Accepted: the invitee is a member. */
  | 'ACCEPTED'
  /** Ran out of time before it was accepted; can be resent. */
  | 'EXPIRED'
  /** Sent and not yet accepted. */
  | 'PENDING'
  /** Ended by an administrator; the link no longer works. */
  | 'REVOKED';

/** An invitation as the change left it. */
export type InvitationUpdate = {
  __typename?: 'InvitationUpdate';
  /** Where the newest email is; null when removed. */
  deliveryState?: Maybe<DeliveryState>;
  /** The invited address; empty when removed. */
  email: Scalars['String']['output'];
  /** True once the link has run out of time. */
  expired: Scalars['Boolean']['output'];
  /** When the link stops working; null when removed. */
  expiresAt?: Maybe<Scalars['Time']['output']>;
  /** The invitation's ID. */
  id: Scalars['ID']['output'];
  /** True when the invitation no longer exists: the other fields are then empty or null. */
  removed: Scalars['Boolean']['output'];
  /** The role the invitee gets on accepting; null when removed. */
  role?: Maybe<Role>;
  /** The invitation's state; null when removed. */
  status?: Maybe<InvitationStatus>;
};

/** The result of inviteUsers: one entry per address. */
export type InviteUsersPayload = {
  __typename?: 'InviteUsersPayload';
  /** New invitations. */
  created: Array<Invitation>;
  /** Addresses not invited, each with its reason. */
  rejected: Array<RejectedAddress>;
  /** Pending invitations mailed again with a fresh link. */
  resent: Array<Invitation>;
};

/** Why one item of a bulk call was refused. */
export type ItemError = {
  __typename?: 'ItemError';
  /** The reason, the same value a GraphQL error would carry in extensions.code. */
  code: ErrorCode;
  /** A sentence for the user that says what to do. */
  message: Scalars['String']['output'];
};

/** A user as a member of one account. */
export type Member = {
  __typename?: 'Member';
  /** The membership's own status in the account, kept while the user is deactivated platform-wide: activating the user (activateUser) brings this status back. deactivateMembers and activateMembers change this one. */
  accountStatus: MembershipStatus;
  /** Why status is INACTIVE; null when ACTIVE. */
  inactiveReason?: Maybe<MemberInactiveReason>;
  /** The lists of this account whose only ACTIVE recipient is this member: warn before deactivating or deleting them. */
  onlyActiveRecipientFor: Array<NotificationKind>;
  /** The member's role in the account. */
  role: Role;
  /** When the user joined the account. */
  since: Scalars['Time']['output'];
  /** What the members list shows and its status filter matches: ACTIVE only when the membership is ACTIVE in the account and the user is ACTIVE platform-wide. A user deactivated platform-wide shows as INACTIVE in every account (inactiveReason tells why). */
  status: MembershipStatus;
  /** The user. */
  user: User;
  /** What the viewer may do to this member, by the same rules the mutations apply. */
  viewerCan: MemberPermissions;
};

/** Narrows a members list; every given field must match. */
export type MemberFilter = {
  /** Only members with this role. */
  role?: InputMaybe<Role>;
  /** A substring of the name or email, case-insensitive. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only members whose status (Member.status: INACTIVE includes users deactivated platform-wide) is this one. */
  status?: InputMaybe<MembershipStatus>;
};

/** Why a member shows as INACTIVE. */
export type MemberInactiveReason =
  /** Deactivated in this account (deactivateMembers); the user is ACTIVE platform-wide. */
  | 'ACCOUNT'
  /** Deactivated both in this account and platform-wide: activateUser alone leaves the membership INACTIVE. */
  | 'ACCOUNT_AND_PLATFORM'
  /** Deactivated platform-wide (deactivateUser); the membership is ACTIVE underneath and comes back with activateUser. */
  | 'PLATFORM';

/** One page of an account's members: the Owner first, then by name and email. */
export type MemberPage = {
  __typename?: 'MemberPage';
  /** The members of this page. */
  items: Array<Member>;
  /** The page number, from 1. */
  page: Scalars['Int']['output'];
  /** How many pages there are at this page size. */
  pageCount: Scalars['Int']['output'];
  /** How many members match, in all pages. Always exact. */
  totalCount: Scalars['Int']['output'];
};

/** What the viewer may do to one member. */
export type MemberPermissions = {
  __typename?: 'MemberPermissions';
  /** Whether activateMembers would succeed for this member: false for a user deactivated platform-wide (USER_INACTIVE), whom an operator brings back with activateUser. */
  activate: Scalars['Boolean']['output'];
  /** Whether changeMemberRole would succeed for this member. */
  changeRole: Scalars['Boolean']['output'];
  /** Whether deactivateMembers would succeed for this member. */
  deactivate: Scalars['Boolean']['output'];
  /** Whether deleteMembers would succeed for this member. */
  delete: Scalars['Boolean']['output'];
  /** Whether detachUser would succeed for this member. */
  detach: Scalars['Boolean']['output'];
  /** Whether transferOwnership to this member would succeed: the viewer may transfer the account's ownership (Account.viewerCan.transferOwnership) and the member is ACTIVE, in the account and platform-wide, and not the Owner already. */
  transferOwnership: Scalars['Boolean']['output'];
};

/** The outcome of a bulk member mutation for one user. */
export type MemberResult = {
  __typename?: 'MemberResult';
  /** Why this user was refused; null on success. */
  error?: Maybe<ItemError>;
  /** The member's new state; null when removed or refused. */
  member?: Maybe<Member>;
  /** Whether the member was removed from the account. */
  removed: Scalars['Boolean']['output'];
  /** The user the result is about, as requested. */
  userId: Scalars['ID']['output'];
};

/** The result of a bulk member mutation: one result per requested user. */
export type MemberResultsPayload = {
  __typename?: 'MemberResultsPayload';
  /** One result per requested user, in the order requested. */
  results: Array<MemberResult>;
  /** The account's members.totalCount (no filter) after the change, so a client can fix its pager at once. */
  totalCount: Scalars['Int']['output'];
  /** Lists of this account that no ACTIVE recipient serves any more. */
  warnings: Array<RecipientWarning>;
};

/** A member as the change left them. */
export type MemberUpdate = {
  __typename?: 'MemberUpdate';
  /** The membership's own status in the account (Member.accountStatus); null when removed. */
  accountStatus?: Maybe<MembershipStatus>;
  /** The user's email; empty when removed. */
  email: Scalars['String']['output'];
  /** The user's name; empty when removed. */
  name: Scalars['String']['output'];
  /** True when the user is no longer a member: the other fields are then empty or null. */
  removed: Scalars['Boolean']['output'];
  /** The role in the account; null when removed. */
  role?: Maybe<Role>;
  /** The status the members list shows (Member.status: INACTIVE also for a user deactivated platform-wide); null when removed. */
  status?: Maybe<MembershipStatus>;
  /** The user's ID. */
  userId: Scalars['ID']['output'];
  /** The user's platform-wide status; null when removed. */
  userStatus?: Maybe<UserStatus>;
};

/** One of a user's memberships, seen from the user. */
export type Membership = {
  __typename?: 'Membership';
  /** The account. */
  account: Account;
  /** The user's role in the account. */
  role: Role;
  /** When the user joined the account. */
  since: Scalars['Time']['output'];
  /** Whether the membership is ACTIVE in the account. */
  status: MembershipStatus;
};

/** Names one membership: a user in an account. */
export type MembershipRef = {
  /** The account's ID. */
  accountId: Scalars['ID']['input'];
  /** The user's ID. */
  userId: Scalars['ID']['input'];
};

/** The outcome of setMembershipStatuses for one membership. */
export type MembershipResult = {
  __typename?: 'MembershipResult';
  /** The account, as requested. */
  accountId: Scalars['ID']['output'];
  /** Why this membership was refused; null on success. */
  error?: Maybe<ItemError>;
  /** The account's members.totalCount (no filter) after the change. */
  memberCount: Scalars['Int']['output'];
  /** The membership in its new state; null when refused. */
  membership?: Maybe<Membership>;
  /** The user, as requested. */
  userId: Scalars['ID']['output'];
};

/** The result of setMembershipStatuses. */
export type MembershipResultsPayload = {
  __typename?: 'MembershipResultsPayload';
  /** One result per requested membership, in the order requested. */
  results: Array<MembershipResult>;
};

/** A membership's status in its account. */
export type MembershipStatus =
  /** The member has the access their role gives and receives notifications. */
  | 'ACTIVE'
  /** The member stays listed but has no access and gets no notifications. */
  | 'INACTIVE';

/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Accepts an invitation. A new address registers with name and password; an
   * address that already has a user proves it with its password (or by being
   * signed in as that user). Returns a session token when the caller was not
   * signed in and the user has panel access (through this role or another).
   * Error codes: NOT_FOUND, INVITATION_USED, INVITATION_EXPIRED, UNAUTHENTICATED, FORBIDDEN, USER_INACTIVE, ALREADY_MEMBER, CONFLICT, INVALID_INPUT, LIMIT_EXCEEDED.
   */
  acceptInvitation: AcceptInvitationPayload;
  /** Activates deactivated members with the role they had. One result per member. Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT, LIMIT_EXCEEDED. Per item (ItemError.code): NOT_FOUND, FORBIDDEN, SELF_ACTION, OWNER_PROTECTED, EXTERNALLY_MANAGED, USER_INACTIVE, CONFLICT. */
  activateMembers: MemberResultsPayload;
  /** Restores a user deactivated platform-wide. Sends nothing. Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT. */
  activateUser: ActivateUserPayload;
  /** Restores several users deactivated platform-wide, in one transaction, each by activateUser's rules; sends nothing. Repeated ids are acted on once and answered at each place. Error codes: UNAUTHENTICATED, FORBIDDEN, INVALID_INPUT, LIMIT_EXCEEDED. Per item (ItemError.code): NOT_FOUND, CONFLICT. */
  activateUsers: ActivateUsersPayload;
  /** Records a service credential of a member, so that detaching them purges it. Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT. */
  addServiceCredential: AddServiceCredentialPayload;
  /** Gives a member another role (never OWNER: use transferOwnership). Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT, SELF_ACTION, OWNER_PROTECTED, CONFLICT. */
  changeMemberRole: ChangeMemberRolePayload;
  /** Changes the signed-in user's password; their other sessions end. Error codes: UNAUTHENTICATED, INVALID_INPUT, LIMIT_EXCEEDED. */
  changePassword: ChangePasswordPayload;
  /** Creates an account and invites its Owner (in an EXTERNAL account too). Error codes: UNAUTHENTICATED, FORBIDDEN, INVALID_INPUT, CONFLICT. */
  createAccount: CreateAccountPayload;
  /**
   * Creates a SCIM token with which the account's external directory (Okta,
   * Microsoft Entra ID, …) provisions its members at /scim/v2. The secret is in
   * this payload only: Roster keeps its SHA-256. Only for an EXTERNAL account,
   * by its Owner or a platform operator; an account holds at most 5 tokens that
   * are not revoked (LIMIT_EXCEEDED), and a LOCAL account none (CONFLICT).
   * Audited (ACCOUNT_SCIM_TOKEN_CREATED).
   * Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT, CONFLICT, LIMIT_EXCEEDED.
   */
  createScimToken: CreateScimTokenPayload;
  /**
   * Adds a webhook endpoint: Roster posts the events of the chosen types to its
   * URL, signed per the Standard Webhooks specification with a secret returned
   * here once (keep it: it cannot be read again, only rotated). The URL must be
   * https (plain http only for localhost, unless WEBHOOK_ALLOW_HTTP), without
   * user name, password or fragment; at most 50 endpoints exist.
   * Error codes: UNAUTHENTICATED, FORBIDDEN, INVALID_INPUT, LIMIT_EXCEEDED.
   */
  createWebhookEndpoint: CreateWebhookEndpointPayload;
  /** Deactivates members: they stay listed, lose access at once and get no notifications. One result per member. Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT, LIMIT_EXCEEDED. Per item (ItemError.code): NOT_FOUND, FORBIDDEN, SELF_ACTION, OWNER_PROTECTED, EXTERNALLY_MANAGED, CONFLICT. */
  deactivateMembers: MemberResultsPayload;
  /**
   * Deactivates a user platform-wide: no sign-in, every session ends, no email;
   * account-level statuses are kept. When the user is ACTIVE in at least one
   * account, or the deactivation leaves notification lists without an active
   * recipient, and confirm is not true, nothing changes: the payload names those
   * accounts (activeIn) and lists the warnings, and the error has code
   * CONFIRMATION_REQUIRED.
   * Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, SELF_ACTION, CONFLICT, CONFIRMATION_REQUIRED.
   */
  deactivateUser: DeactivateUserPayload;
  /**
   * Deactivates several users platform-wide at once (the user explorer's bulk
   * action), in one transaction, each by deactivateUser's rules: a user refused
   * on their own (per item) leaves the others to proceed. Confirmation is asked
   * for the call as a whole: when any user is ACTIVE in an account, or
   * deactivating them together leaves notification lists without an active
   * recipient, and confirm is not true, nothing changes for anyone; each result
   * then names the accounts where its user is ACTIVE (activeIn), those users'
   * results carry CONFIRMATION_REQUIRED, the others none (done false), the
   * payload lists the warnings, and the error has code CONFIRMATION_REQUIRED.
   * Repeated ids are acted on once and answered at each place.
   * Error codes: UNAUTHENTICATED, FORBIDDEN, INVALID_INPUT, LIMIT_EXCEEDED, CONFIRMATION_REQUIRED.
   * Per item (ItemError.code): NOT_FOUND, SELF_ACTION, CONFLICT, CONFIRMATION_REQUIRED.
   */
  deactivateUsers: DeactivateUsersPayload;
  /** Removes members from the account (at most 100). One result per member; the Owner takes removed members' places as notification recipients. Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT, LIMIT_EXCEEDED. Per item (ItemError.code): NOT_FOUND, FORBIDDEN, SELF_ACTION, OWNER_PROTECTED, EXTERNALLY_MANAGED, MEMBER_ACTIVE. */
  deleteMembers: MemberResultsPayload;
  /** Deletes a user deactivated platform-wide, permanently. Cannot be undone. Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, SELF_ACTION, CONFLICT, OWNER_PROTECTED. */
  deleteUser: DeleteUserPayload;
  /** Deletes several users deactivated platform-wide, permanently, in one transaction, each by deleteUser's rules (a user refused on their own leaves the others to proceed). Cannot be undone. Repeated ids are acted on once and answered at each place. Error codes: UNAUTHENTICATED, FORBIDDEN, INVALID_INPUT, LIMIT_EXCEEDED. Per item (ItemError.code): NOT_FOUND, SELF_ACTION, CONFLICT, OWNER_PROTECTED. */
  deleteUsers: DeleteUsersPayload;
  /** Deletes an endpoint with its deliveries; those not yet made are dropped. Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND. */
  deleteWebhookEndpoint: DeleteWebhookEndpointPayload;
  /** Removes a member and permanently purges their service credentials in the account (in the background); webhook endpoints subscribed to MEMBER_DETACHED are told, so the services purge theirs. Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT. Per item (ItemError.code): NOT_FOUND, FORBIDDEN, SELF_ACTION, OWNER_PROTECTED, EXTERNALLY_MANAGED, MEMBER_ACTIVE. */
  detachUser: MemberResultsPayload;
  /**
   * Invites addresses (separated by spaces, commas, semicolons or line breaks) to
   * the account with a role. Addresses with a pending invitation get it again.
   * Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT, LIMIT_EXCEEDED, CONFLICT, EXTERNALLY_MANAGED (the account's users come from an external directory). Per item (RejectedAddress.code): INVALID_INPUT, ALREADY_MEMBER.
   */
  inviteUsers: InviteUsersPayload;
  /**
   * Sends a finished delivery (SUCCEEDED, FAILED or CANCELLED) again, for
   * example after the receiver was fixed: it is PENDING once more, its attempts
   * counted from zero, with the same event, body and webhook-id (a receiver
   * that already processed it deduplicates). Audited.
   * Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (the delivery is
   * still PENDING or RETRYING, or its endpoint is disabled).
   */
  redeliverWebhookDelivery: RedeliverWebhookDeliveryPayload;
  /** Mails a password reset link if the address belongs to an active user. Always answers true. Error codes: INVALID_INPUT, LIMIT_EXCEEDED. */
  requestPasswordReset: RequestPasswordResetPayload;
  /** Mails a pending or expired invitation again with a fresh link and expiry; the old link stops working. Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVITATION_USED, CONFLICT, LIMIT_EXCEEDED, EXTERNALLY_MANAGED. */
  resendInvitation: ResendInvitationPayload;
  /** Sets a new password with the token of a reset or welcome link; every session of the user ends. Error codes: NOT_FOUND, INVITATION_EXPIRED, INVALID_INPUT, USER_INACTIVE, LIMIT_EXCEEDED. */
  resetPassword: ResetPasswordPayload;
  /** Ends a pending invitation; its link stops working. Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT. */
  revokeInvitation: RevokeInvitationPayload;
  /**
   * Revokes a SCIM token at once: its next request is refused (401). By the
   * account's Owner or a platform operator; CONFLICT when already revoked.
   * Audited (ACCOUNT_SCIM_TOKEN_REVOKED).
   * Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT.
   */
  revokeScimToken: RevokeScimTokenPayload;
  /**
   * Gives an endpoint a new signing secret, returned here once. For 24 hours the
   * previous secret signs too (webhook-signature carries both signatures), so the
   * receiver can switch without losing a delivery; rotating again within them
   * ends the older one at once.
   * Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND.
   */
  rotateWebhookEndpointSecret: RotateWebhookEndpointSecretPayload;
  /** Sends a notification to one of the account's lists, one email per recipient, in the background. Inactive recipients are skipped and the skip recorded. Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT. */
  sendNotification: SendNotificationPayload;
  /** Mails a user who has signed in before a password reset link (operators, or administrators of one of the user's accounts). Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, USER_INACTIVE, CONFLICT. */
  sendPasswordResetEmail: SendPasswordResetEmailPayload;
  /** Mails a user who never signed in a link to set their password (operators, or administrators of one of the user's accounts). Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, USER_INACTIVE, CONFLICT. */
  sendWelcomeEmail: SendWelcomeEmailPayload;
  /** Activates or deactivates memberships across accounts. One result per item. Error codes: UNAUTHENTICATED, FORBIDDEN, INVALID_INPUT, LIMIT_EXCEEDED. Per item (ItemError.code): NOT_FOUND, OWNER_PROTECTED, EXTERNALLY_MANAGED, USER_INACTIVE, CONFLICT. */
  setMembershipStatuses: MembershipResultsPayload;
  /** Makes the account's technical or billing list exactly these members (any role, USER included). Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT, LIMIT_EXCEEDED. */
  setNotificationRecipients: SetNotificationRecipientsPayload;
  /** Checks the credentials and returns a session token to send as 'Authorization: Bearer <token>'. Error codes: INVALID_INPUT, UNAUTHENTICATED, USER_INACTIVE, FORBIDDEN, LIMIT_EXCEEDED. */
  signIn: SignInPayload;
  /** Ends the current session. Error codes: UNAUTHENTICATED. */
  signOut: SignOutPayload;
  /** Makes an ACTIVE member the Owner; the previous Owner becomes an Administrator. Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT, CONFLICT, USER_INACTIVE. */
  transferOwnership: TransferOwnershipPayload;
  /**
   * Changes an account's settings; omitted arguments stay as they are, and each
   * setting that actually changes is audited (ACCOUNT_RENAMED,
   * ACCOUNT_USER_DIRECTORY_CHANGED, ACCOUNT_DEACTIVATION_RULE_CHANGED,
   * ACCOUNT_SCIM_DEFAULT_ROLE_CHANGED). The account's Owner may rename it, toggle
   * requireDeactivationBeforeDelete and choose scimDefaultRole; only platform
   * operators may switch userDirectory (sending the current value is no change,
   * so a settings form may send them all). Switching to EXTERNAL
   * governs the members from the next request: inviteUsers, resendInvitation,
   * deactivateMembers, activateMembers, deleteMembers and detachUser refuse with
   * EXTERNALLY_MANAGED. Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT.
   */
  updateAccount: UpdateAccountPayload;
  /** Renames the signed-in user. Error codes: UNAUTHENTICATED, INVALID_INPUT. */
  updateProfile: UpdateProfilePayload;
  /** Renames any user. Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT. */
  updateUser: UpdateUserPayload;
  /**
   * Changes an endpoint; omitted arguments stay as they are, and each change is
   * audited. A disabled endpoint receives nothing: deliveries not yet made are
   * cancelled, and enabling it again sends only later events.
   * Error codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT.
   */
  updateWebhookEndpoint: UpdateWebhookEndpointPayload;
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationAcceptInvitationArgs = {
  name?: InputMaybe<Scalars['String']['input']>;
  password?: InputMaybe<Scalars['String']['input']>;
  token: Scalars['String']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationActivateMembersArgs = {
  accountId: Scalars['ID']['input'];
  userIds: Array<Scalars['ID']['input']>;
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationActivateUserArgs = {
  userId: Scalars['ID']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationActivateUsersArgs = {
  userIds: Array<Scalars['ID']['input']>;
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationAddServiceCredentialArgs = {
  accountId: Scalars['ID']['input'];
  kind: Scalars['String']['input'];
  name: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationChangeMemberRoleArgs = {
  accountId: Scalars['ID']['input'];
  role: Role;
  userId: Scalars['ID']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationCreateAccountArgs = {
  name: Scalars['String']['input'];
  ownerEmail: Scalars['String']['input'];
  requireDeactivationBeforeDelete?: InputMaybe<Scalars['Boolean']['input']>;
  userDirectory?: InputMaybe<UserDirectory>;
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationCreateScimTokenArgs = {
  accountId: Scalars['ID']['input'];
  description: Scalars['String']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationCreateWebhookEndpointArgs = {
  description?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  eventTypes: Array<WebhookEventType>;
  url: Scalars['String']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationDeactivateMembersArgs = {
  accountId: Scalars['ID']['input'];
  userIds: Array<Scalars['ID']['input']>;
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationDeactivateUserArgs = {
  confirm?: InputMaybe<Scalars['Boolean']['input']>;
  userId: Scalars['ID']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationDeactivateUsersArgs = {
  confirm?: InputMaybe<Scalars['Boolean']['input']>;
  userIds: Array<Scalars['ID']['input']>;
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationDeleteMembersArgs = {
  accountId: Scalars['ID']['input'];
  userIds: Array<Scalars['ID']['input']>;
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationDeleteUserArgs = {
  userId: Scalars['ID']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationDeleteUsersArgs = {
  userIds: Array<Scalars['ID']['input']>;
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationDeleteWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationDetachUserArgs = {
  accountId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationInviteUsersArgs = {
  accountId: Scalars['ID']['input'];
  emails: Scalars['String']['input'];
  role: Role;
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationRedeliverWebhookDeliveryArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationResendInvitationArgs = {
  accountId: Scalars['ID']['input'];
  invitationId: Scalars['ID']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationResetPasswordArgs = {
  password: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationRevokeInvitationArgs = {
  accountId: Scalars['ID']['input'];
  invitationId: Scalars['ID']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationRevokeScimTokenArgs = {
  accountId: Scalars['ID']['input'];
  tokenId: Scalars['ID']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationRotateWebhookEndpointSecretArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationSendNotificationArgs = {
  accountId: Scalars['ID']['input'];
  body: Scalars['String']['input'];
  kind: NotificationKind;
  subject: Scalars['String']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationSendPasswordResetEmailArgs = {
  userId: Scalars['ID']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationSendWelcomeEmailArgs = {
  userId: Scalars['ID']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationSetMembershipStatusesArgs = {
  items: Array<MembershipRef>;
  status: MembershipStatus;
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationSetNotificationRecipientsArgs = {
  accountId: Scalars['ID']['input'];
  kind: NotificationKind;
  userIds: Array<Scalars['ID']['input']>;
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationSignInArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationTransferOwnershipArgs = {
  accountId: Scalars['ID']['input'];
  toUserId: Scalars['ID']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationUpdateAccountArgs = {
  accountId: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  requireDeactivationBeforeDelete?: InputMaybe<Scalars['Boolean']['input']>;
  scimDefaultRole?: InputMaybe<Role>;
  userDirectory?: InputMaybe<UserDirectory>;
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationUpdateProfileArgs = {
  name: Scalars['String']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationUpdateUserArgs = {
  name: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};


/** The entry points for changing data. Each field says who may use it and which error codes it can return. */
export type MutationUpdateWebhookEndpointArgs = {
  description?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  eventTypes?: InputMaybe<Array<WebhookEventType>>;
  id: Scalars['ID']['input'];
  url?: InputMaybe<Scalars['String']['input']>;
};

/** A message sent to one of an account's notification lists. */
export type Notification = {
  __typename?: 'Notification';
  /** The message text. */
  body: Scalars['String']['output'];
  /** When it was sent. */
  createdAt: Scalars['Time']['output'];
  /** The outcome for each recipient. */
  deliveries: Array<NotificationDelivery>;
  /** Whether every recipient's outcome is recorded yet. */
  fannedOut: Scalars['Boolean']['output'];
  /** The notification's ID. */
  id: Scalars['ID']['output'];
  /** The list it was sent to. */
  kind: NotificationKind;
  /** The email subject. */
  subject: Scalars['String']['output'];
};

/** A page of notifications, newest first. */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  /** The notifications of this page, each with its cursor. */
  edges: Array<NotificationEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** What happened to one recipient of a notification. */
export type NotificationDelivery = {
  __typename?: 'NotificationDelivery';
  /** How many times sending was tried. */
  attempts: Scalars['Int']['output'];
  /** The address it was (or would have been) sent to. */
  email: Scalars['String']['output'];
  /** The delivery's state. */
  outcome: DeliveryOutcome;
  /** Why a recipient was skipped, or the last error. */
  reason?: Maybe<Scalars['String']['output']>;
  /** When the outcome last changed. */
  updatedAt: Scalars['Time']['output'];
  /** Null when the user was deleted since. */
  user?: Maybe<User>;
};

/** One notification of a page, with its cursor. */
export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  /** Pass as after to continue after this notification. */
  cursor: Scalars['String']['output'];
  /** The notification. */
  node: Notification;
};

/** A list of notification recipients. */
export type NotificationKind =
  /** Invoices, payments and subscriptions. */
  | 'BILLING'
  /** Incidents, maintenance and technical changes. */
  | 'TECHNICAL';

/** Where a page sits in a list paged by cursors. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the page's last item: pass as after for the next page; null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether items precede this page (true whenever after was given). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the page's first item; null for an empty page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A right within one account. */
export type Permission =
  /** Invite, activate, deactivate, remove members and change their roles and the notification lists (Owner, Administrators). */
  | 'MANAGE_MEMBERS'
  /** See the account: members, invitations, contacts, notifications, audit trail (Owner, Administrators, Finance managers). */
  | 'READ_ACCOUNT'
  /** Make another member the Owner (the Owner only). */
  | 'TRANSFER_OWNERSHIP'
  /** Change the account's settings: its name and requireDeactivationBeforeDelete (the Owner only; the user directory is the operators' alone). */
  | 'UPDATE_ACCOUNT';

/** The entry points for reading. Each field says who may use it. */
export type Query = {
  __typename?: 'Query';
  /** One account. */
  account: Account;
  /** Accounts: every account for an operator, the viewer's own otherwise. */
  accounts: AccountConnection;
  /** The audit trail across accounts, newest first. */
  auditLog: AuditEventConnection;
  /** The accounts and lists where this user is the only ACTIVE notification recipient: what deactivating them would silence. */
  deactivationImpact: Array<RecipientWarning>;
  /** What the registration page needs to show for an invitation link. */
  invitation: InvitationPreview;
  /** One user: operators see everyone; others see themselves and the members of accounts they can read. */
  user: User;
  /** The user explorer: every user on the platform. */
  users: UserConnection;
  /** The signed-in user; null when anonymous. */
  viewer?: Maybe<User>;
  /** One webhook endpoint. Error codes: NOT_FOUND. */
  webhookEndpoint: WebhookEndpoint;
  /** Every webhook endpoint, newest first (at most 50 exist). */
  webhookEndpoints: Array<WebhookEndpoint>;
};


/** The entry points for reading. Each field says who may use it. */
export type QueryAccountArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for reading. Each field says who may use it. */
export type QueryAccountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** The entry points for reading. Each field says who may use it. */
export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry points for reading. Each field says who may use it. */
export type QueryDeactivationImpactArgs = {
  userId: Scalars['ID']['input'];
};


/** The entry points for reading. Each field says who may use it. */
export type QueryInvitationArgs = {
  token: Scalars['String']['input'];
};


/** The entry points for reading. Each field says who may use it. */
export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points for reading. Each field says who may use it. */
export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry points for reading. Each field says who may use it. */
export type QueryWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
};

/** One entry of a notification list. */
export type Recipient = {
  __typename?: 'Recipient';
  /** When they were put on the list. */
  addedAt: Scalars['Time']['output'];
  /** The list. */
  kind: NotificationKind;
  /** Null when the user is no longer a member (until the Owner takes the place). */
  membershipStatus?: Maybe<MembershipStatus>;
  /** Whether the list's mail reaches them now: ACTIVE in the account and platform-wide. */
  receivesMail: Scalars['Boolean']['output'];
  /** The recipient. */
  user: User;
  /** The user's platform-wide status. */
  userStatus: UserStatus;
};

/** Which notification lists a user is on after a change. */
export type RecipientUpdate = {
  __typename?: 'RecipientUpdate';
  /** Whether the user is a billing contact of the account. */
  billing: Scalars['Boolean']['output'];
  /** Whether the user is a technical contact of the account. */
  technical: Scalars['Boolean']['output'];
  /** The user's ID. */
  userId: Scalars['ID']['output'];
};

/** A notification list left (or about to be left) without an ACTIVE recipient. */
export type RecipientWarning = {
  __typename?: 'RecipientWarning';
  /** The account whose list it is. */
  account: Account;
  /** The list. */
  kind: NotificationKind;
  /** The recipients whose deactivation or removal causes it. */
  users: Array<User>;
};

/** The result of redeliverWebhookDelivery. */
export type RedeliverWebhookDeliveryPayload = {
  __typename?: 'RedeliverWebhookDeliveryPayload';
  /** The delivery, PENDING again. */
  delivery: WebhookDelivery;
};

/** An address of an inviteUsers call that was not invited as new, and why. */
export type RejectedAddress = {
  __typename?: 'RejectedAddress';
  /** The address as entered (shortened when very long). */
  address: Scalars['String']['output'];
  /** Why: INVALID_INPUT for a malformed address, ALREADY_MEMBER for a member of the account. */
  code: ErrorCode;
  /** A sentence for the user that says what to do. */
  message: Scalars['String']['output'];
};

/** The result of requestPasswordReset. */
export type RequestPasswordResetPayload = {
  __typename?: 'RequestPasswordResetPayload';
  /** Always true, whether or not the address belongs to a user, so that the answer reveals nothing. */
  ok: Scalars['Boolean']['output'];
};

/** The result of resendInvitation. */
export type ResendInvitationPayload = {
  __typename?: 'ResendInvitationPayload';
  /** The invitation with its fresh link and expiry. */
  invitation: Invitation;
};

/** The result of resetPassword. */
export type ResetPasswordPayload = {
  __typename?: 'ResetPasswordPayload';
  /** Always true: the password is set and every session of the user has ended. */
  ok: Scalars['Boolean']['output'];
};

/** The result of revokeInvitation. */
export type RevokeInvitationPayload = {
  __typename?: 'RevokeInvitationPayload';
  /** The invitation, now REVOKED. */
  invitation: Invitation;
};

/** The result of revokeScimToken. */
export type RevokeScimTokenPayload = {
  __typename?: 'RevokeScimTokenPayload';
  /** The token, now revoked. */
  token: ScimToken;
};

/** A member's role in one account. */
export type Role =
  /** Full access to the account: users, contacts, subscriptions. */
  | 'ADMINISTRATOR'
  /** Sees everything, changes nothing. */
  | 'FINANCE_MANAGER'
  /** Everything; exactly one per account; changes only through an ownership transfer. */
  | 'OWNER'
  /** No panel access; a notification recipient. */
  | 'USER';

/** The result of rotateWebhookEndpointSecret. */
export type RotateWebhookEndpointSecretPayload = {
  __typename?: 'RotateWebhookEndpointSecretPayload';
  /** The endpoint, with its new secretRotatedAt and previousSecretExpiresAt. */
  endpoint: WebhookEndpoint;
  /** The new signing secret (whsec_…), shown this once. */
  secret: Scalars['String']['output'];
};

/**
 * A bearer token of one account's external directory for the SCIM API
 * (/scim/v2). It works only while the account is EXTERNAL and until revoked.
 */
export type ScimToken = {
  __typename?: 'ScimToken';
  /** When the token was created. */
  createdAt: Scalars['Time']['output'];
  /** Who created it; null when that user was deleted or the viewer may not see them. */
  createdBy?: Maybe<User>;
  /** What the token is for. */
  description: Scalars['String']['output'];
  /** The token's ID; SCIM changes name it as the audit events' actorScimTokenId. */
  id: Scalars['ID']['output'];
  /** When the token was last used, to the minute; null when never. */
  lastUsedAt?: Maybe<Scalars['Time']['output']>;
  /** Whether the token was revoked. */
  revoked: Scalars['Boolean']['output'];
  /** When the token was revoked; null while it works. */
  revokedAt?: Maybe<Scalars['Time']['output']>;
};

/** The result of sendNotification. */
export type SendNotificationPayload = {
  __typename?: 'SendNotificationPayload';
  /** The notification; its deliveries fill in as the background jobs run. */
  notification: Notification;
};

/** The result of sendPasswordResetEmail. */
export type SendPasswordResetEmailPayload = {
  __typename?: 'SendPasswordResetEmailPayload';
  /** Always true: the email is queued. */
  ok: Scalars['Boolean']['output'];
};

/** The result of sendWelcomeEmail. */
export type SendWelcomeEmailPayload = {
  __typename?: 'SendWelcomeEmailPayload';
  /** Always true: the email is queued. */
  ok: Scalars['Boolean']['output'];
};

/** A credential (API key, SSH key, …) a member holds in an account, purged when the member is detached. */
export type ServiceCredential = {
  __typename?: 'ServiceCredential';
  /** When it was recorded. */
  createdAt: Scalars['Time']['output'];
  /** The credential's ID. */
  id: Scalars['ID']['output'];
  /** What kind of credential it is, for example api_key. */
  kind: Scalars['String']['output'];
  /** Its display name. */
  name: Scalars['String']['output'];
  /** The member who holds it. */
  user: User;
};

/** The result of setNotificationRecipients. */
export type SetNotificationRecipientsPayload = {
  __typename?: 'SetNotificationRecipientsPayload';
  /** The list as it is now. */
  recipients: Array<Recipient>;
};

/** The result of signIn. */
export type SignInPayload = {
  __typename?: 'SignInPayload';
  /** When the session ends unless the user signs out first. */
  expiresAt: Scalars['Time']['output'];
  /** The bearer token of the new session. Shown once. */
  token: Scalars['String']['output'];
  /** The signed-in user. */
  user: User;
};

/** The result of signOut. */
export type SignOutPayload = {
  __typename?: 'SignOutPayload';
  /** Always true: the session has ended. */
  ok: Scalars['Boolean']['output'];
};

/**
 * Live updates, over the graphql-transport-ws WebSocket protocol (connect to
 * /graphql with subprotocol graphql-transport-ws and send the session token as
 * connection_init payload {"Authorization": "Bearer <token>"}, or as the
 * upgrade request's Authorization header) or GraphQL over Server-Sent Events
 * (POST /graphql with Accept: text/event-stream).
 */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * What changes in an account's members, invitations and notification
   * recipients, in the order the changes were committed, whichever process or
   * background job made them. Each event carries the ids that changed and their
   * state now, enough to update a visible page without refetching it. The
   * caller's session and membership are checked again before every event: a
   * caller deactivated (in the account or platform-wide), removed, or whose
   * session is revoked gets a final error (FORBIDDEN or UNAUTHENTICATED) and
   * the stream ends. A client that leaves too many events unread is dropped
   * with LIMIT_EXCEEDED, as is a subscription past the per-connection or
   * per-server limit. Error codes: UNAUTHENTICATED, FORBIDDEN, LIMIT_EXCEEDED.
   */
  accountChanged: AccountChange;
};


/**
 * Live updates, over the graphql-transport-ws WebSocket protocol (connect to
 * /graphql with subprotocol graphql-transport-ws and send the session token as
 * connection_init payload {"Authorization": "Bearer <token>"}, or as the
 * upgrade request's Authorization header) or GraphQL over Server-Sent Events
 * (POST /graphql with Accept: text/event-stream).
 */
export type SubscriptionAccountChangedArgs = {
  accountId: Scalars['ID']['input'];
};

/** The result of transferOwnership. */
export type TransferOwnershipPayload = {
  __typename?: 'TransferOwnershipPayload';
  /** The new Owner. */
  owner: Member;
  /** The previous Owner, now an Administrator. */
  previousOwner: Member;
};

/** The result of updateAccount. */
export type UpdateAccountPayload = {
  __typename?: 'UpdateAccountPayload';
  /** The account with its settings as they now stand. */
  account: Account;
};

/** The result of updateProfile. */
export type UpdateProfilePayload = {
  __typename?: 'UpdateProfilePayload';
  /** The signed-in user, renamed. */
  user: User;
};

/** The result of updateUser. */
export type UpdateUserPayload = {
  __typename?: 'UpdateUserPayload';
  /** The user, renamed. */
  user: User;
};

/** The result of updateWebhookEndpoint. */
export type UpdateWebhookEndpointPayload = {
  __typename?: 'UpdateWebhookEndpointPayload';
  /** The endpoint, changed. */
  endpoint: WebhookEndpoint;
};

/** A person who can be a member of accounts; one per email address across the platform. */
export type User = {
  __typename?: 'User';
  /** When the user was created. */
  createdAt: Scalars['Time']['output'];
  /** The user's email address, unique on the platform. */
  email: Scalars['String']['output'];
  /** The user's ID. */
  id: Scalars['ID']['output'];
  /** Whether the user is a platform operator. */
  isOperator: Scalars['Boolean']['output'];
  /** Null until the first sign-in. */
  lastSignInAt?: Maybe<Scalars['Time']['output']>;
  /** The user's memberships that the viewer may see. */
  memberships: Array<Membership>;
  /** The user's display name. */
  name: Scalars['String']['output'];
  /** The user's platform-wide status. */
  status: UserStatus;
};

/** A page of users, ordered by email. */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** The users of this page, each with its cursor. */
  edges: Array<UserEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /**
   * How many users match. Exact when totalCountExact is true. Counts that no
   * maintained counter covers (a search, or a mix of filters) stop at 1,000:
   * past that, totalCount is 1,000 and totalCountExact is false, so show it
   * as "1,000+".
   */
  totalCount: Scalars['Int']['output'];
  /** False when totalCount is a lower bound (see totalCount). */
  totalCountExact: Scalars['Boolean']['output'];
};

/** Where an account's users come from. */
export type UserDirectory =
  /** An external directory manages the users, over SCIM (/scim/v2): inviting, activating, deactivating and removing members in the panel is refused (EXTERNALLY_MANAGED). */
  | 'EXTERNAL'
  /** Users are managed here. */
  | 'LOCAL';

/** One user of a page, with its cursor. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** Pass as after to continue after this user. */
  cursor: Scalars['String']['output'];
  /** The user. */
  node: User;
};

/** Narrows the user explorer; every given field must match. */
export type UserFilter = {
  /** Only members of this account. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Only users holding this role (in the given account, or in any). */
  role?: InputMaybe<Role>;
  /** A substring of the name or email, case-insensitive. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only users with this platform-wide status. */
  status?: InputMaybe<UserStatus>;
};

/** The outcome of a platform-wide bulk action (deactivateUsers, activateUsers, deleteUsers) for one user. */
export type UserResult = {
  __typename?: 'UserResult';
  /** For deactivateUsers: the accounts, by name, in which the user's membership is ACTIVE (each loses a working member; the membership keeps its status). Empty for the other actions. */
  activeIn: Array<Account>;
  /** Whether this call deactivated, activated or deleted the user. */
  done: Scalars['Boolean']['output'];
  /** Why this user was refused or not acted on; null on success. */
  error?: Maybe<ItemError>;
  /** The user in their state after the call; null when not found or deleted. */
  user?: Maybe<User>;
  /** The user the result is about, as requested. */
  userId: Scalars['ID']['output'];
};

/** A user's platform-wide status. */
export type UserStatus =
  /** The user can sign in and receives email. */
  | 'ACTIVE'
  /** Deactivated platform-wide: no sign-in, no email; memberships keep their own statuses. */
  | 'INACTIVE';

/** One event sent, or to be sent, to one endpoint. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** How many attempts were made. */
  attempts: Scalars['Int']['output'];
  /** When an attempt succeeded; null until then. */
  deliveredAt?: Maybe<Scalars['Time']['output']>;
  /** The event's ID, sent as webhook-id: the same on every attempt (and at every endpoint), so receivers deduplicate by it. */
  eventId: Scalars['ID']['output'];
  /** The event's type. */
  eventType: WebhookEventType;
  /** The delivery's ID. */
  id: Scalars['ID']['output'];
  /** When the last attempt was made; null before the first. */
  lastAttemptAt?: Maybe<Scalars['Time']['output']>;
  /** Why the last attempt failed (the status and the start of the answer's body, or the network error); null after a success. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** The HTTP status of the last answer; null when none came (network error, timeout). */
  lastStatusCode?: Maybe<Scalars['Int']['output']>;
  /** When the next attempt is due; null once finished. */
  nextAttemptAt?: Maybe<Scalars['Time']['output']>;
  /** When the change happened. */
  occurredAt: Scalars['Time']['output'];
  /** The JSON body posted, byte for byte. */
  payload: Scalars['String']['output'];
  /** Where the delivery stands. */
  status: WebhookDeliveryStatus;
};

/** A page of an endpoint's deliveries, newest first. */
export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  /** The deliveries of this page, each with its cursor. */
  edges: Array<WebhookDeliveryEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** One delivery of a page, with its cursor. */
export type WebhookDeliveryEdge = {
  __typename?: 'WebhookDeliveryEdge';
  /** Pass as after to continue after this delivery. */
  cursor: Scalars['String']['output'];
  /** The delivery. */
  node: WebhookDelivery;
};

/** Where a webhook delivery stands. */
export type WebhookDeliveryStatus =
  /** Not sent: the endpoint was disabled before it went out. */
  | 'CANCELLED'
  /** The last allowed attempt (the 8th, about 28 hours after the first) failed. */
  | 'FAILED'
  /** Not attempted yet. */
  | 'PENDING'
  /** The last attempt failed; another follows at nextAttemptAt. */
  | 'RETRYING'
  /** The endpoint answered an attempt with a 2xx status. */
  | 'SUCCEEDED';

/** A URL that receives signed webhook events of some types. */
export type WebhookEndpoint = {
  __typename?: 'WebhookEndpoint';
  /** When the endpoint was created. */
  createdAt: Scalars['Time']['output'];
  /** The endpoint's deliveries, newest first; finished ones are kept 30 days. */
  deliveries: WebhookDeliveryConnection;
  /** What the endpoint is for. */
  description: Scalars['String']['output'];
  /** Whether the endpoint receives events. */
  enabled: Scalars['Boolean']['output'];
  /** The event types posted here. */
  eventTypes: Array<WebhookEventType>;
  /** The endpoint's ID. */
  id: Scalars['ID']['output'];
  /** Until when the previous secret still signs too, after a rotation; null when it no longer does. */
  previousSecretExpiresAt?: Maybe<Scalars['Time']['output']>;
  /** When the current signing secret was made. */
  secretRotatedAt: Scalars['Time']['output'];
  /** When the endpoint was last changed. */
  updatedAt: Scalars['Time']['output'];
  /** Where the events are posted. */
  url: Scalars['String']['output'];
};


/** A URL that receives signed webhook events of some types. */
export type WebhookEndpointDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<WebhookDeliveryStatus>;
};

/**
 * The kind of change a webhook event reports; its JSON "type" is the dotted
 * form shown with each value. Every body is
 * {"id", "type", "version": 1, "occurredAt", "data": {"accountId", "userId"}}
 * (accountId for member events only; detachedAt too for member.detached).
 */
export type WebhookEventType =
  /** member.activated: a membership was activated again in its account. */
  | 'MEMBER_ACTIVATED'
  /** member.deactivated: a membership was deactivated in its account. */
  | 'MEMBER_DEACTIVATED'
  /** member.deleted: a membership was removed from its account (deleteMembers). */
  | 'MEMBER_DELETED'
  /** member.detached: a membership was removed by detachUser; purge what your service made for the member in the account up to data.detachedAt. */
  | 'MEMBER_DETACHED'
  /** user.activated: a user was activated again platform-wide. */
  | 'USER_ACTIVATED'
  /** user.deactivated: a user was deactivated platform-wide. */
  | 'USER_DEACTIVATED'
  /** user.deleted: a user was deleted for good, with every membership (no member.deleted follows). */
  | 'USER_DELETED';

export type AccountSwitcherQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type AccountSwitcherQuery = { __typename?: 'Query', accounts: { __typename?: 'AccountConnection', totalCount: number, totalCountExact: boolean, edges: Array<{ __typename?: 'AccountEdge', node: { __typename?: 'Account', id: string, name: string } }> } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { __typename?: 'Mutation', signOut: { __typename?: 'SignOutPayload', ok: boolean } };

export type AccountSwitcherCurrentQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AccountSwitcherCurrentQuery = { __typename?: 'Query', account: { __typename?: 'Account', id: string, name: string } };

export type AccountChangedSubscriptionVariables = Exact<{
  accountId: Scalars['ID']['input'];
}>;


export type AccountChangedSubscription = { __typename?: 'Subscription', accountChanged: { __typename?: 'AccountChange', kind: AccountChangeKind, refetch: boolean, userIds: Array<string>, invitationIds: Array<string>, memberCount: number } };

export type OperatorAccountsQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type OperatorAccountsQuery = { __typename?: 'Query', accounts: { __typename?: 'AccountConnection', totalCount: number, totalCountExact: boolean, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'AccountEdge', node: { __typename?: 'Account', id: string, name: string, userDirectory: UserDirectory, requireDeactivationBeforeDelete: boolean, createdAt: string } }> } };

export type CreateAccountMutationVariables = Exact<{
  name: Scalars['String']['input'];
  ownerEmail: Scalars['String']['input'];
  userDirectory?: InputMaybe<UserDirectory>;
  requireDeactivationBeforeDelete?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type CreateAccountMutation = { __typename?: 'Mutation', createAccount: { __typename?: 'CreateAccountPayload', account: { __typename?: 'Account', id: string, name: string }, invitation: { __typename?: 'Invitation', id: string, email: string } } };

export type UserResultsFragment = { __typename?: 'UserResult', userId: string, done: boolean, user?: { __typename?: 'User', id: string, name: string, email: string, status: UserStatus } | null, activeIn: Array<{ __typename?: 'Account', id: string, name: string }>, error?: { __typename?: 'ItemError', code: ErrorCode, message: string } | null };

export type DeactivateUsersMutationVariables = Exact<{
  userIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  confirm: Scalars['Boolean']['input'];
}>;


export type DeactivateUsersMutation = { __typename?: 'Mutation', deactivateUsers: { __typename?: 'DeactivateUsersPayload', results: Array<{ __typename?: 'UserResult', userId: string, done: boolean, user?: { __typename?: 'User', id: string, name: string, email: string, status: UserStatus } | null, activeIn: Array<{ __typename?: 'Account', id: string, name: string }>, error?: { __typename?: 'ItemError', code: ErrorCode, message: string } | null }>, warnings: Array<{ __typename?: 'RecipientWarning', kind: NotificationKind, account: { __typename?: 'Account', id: string, name: string }, users: Array<{ __typename?: 'User', id: string, name: string, email: string }> }> } };

export type ActivateUsersMutationVariables = Exact<{
  userIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type ActivateUsersMutation = { __typename?: 'Mutation', activateUsers: { __typename?: 'ActivateUsersPayload', results: Array<{ __typename?: 'UserResult', userId: string, done: boolean, user?: { __typename?: 'User', id: string, name: string, email: string, status: UserStatus } | null, activeIn: Array<{ __typename?: 'Account', id: string, name: string }>, error?: { __typename?: 'ItemError', code: ErrorCode, message: string } | null }> } };

export type DeleteUsersMutationVariables = Exact<{
  userIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type DeleteUsersMutation = { __typename?: 'Mutation', deleteUsers: { __typename?: 'DeleteUsersPayload', results: Array<{ __typename?: 'UserResult', userId: string, done: boolean, user?: { __typename?: 'User', id: string, name: string, email: string, status: UserStatus } | null, activeIn: Array<{ __typename?: 'Account', id: string, name: string }>, error?: { __typename?: 'ItemError', code: ErrorCode, message: string } | null }> } };

export type OperatorUserQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OperatorUserQuery = { __typename?: 'Query', user: { __typename?: 'User', id: string, name: string, email: string, status: UserStatus, isOperator: boolean, lastSignInAt?: string | null, createdAt: string, memberships: Array<{ __typename?: 'Membership', role: Role, status: MembershipStatus, since: string, account: { __typename?: 'Account', id: string, name: string, userDirectory: UserDirectory, member?: { __typename?: 'Member', viewerCan: { __typename?: 'MemberPermissions', activate: boolean, deactivate: boolean } } | null } }> }, deactivationImpact: Array<{ __typename?: 'RecipientWarning', kind: NotificationKind, account: { __typename?: 'Account', id: string, name: string }, users: Array<{ __typename?: 'User', id: string, name: string }> }> };

export type DeactivateUserMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
  confirm: Scalars['Boolean']['input'];
}>;


export type DeactivateUserMutation = { __typename?: 'Mutation', deactivateUser: { __typename?: 'DeactivateUserPayload', deactivated: boolean, user: { __typename?: 'User', id: string, status: UserStatus }, activeIn: Array<{ __typename?: 'Account', id: string, name: string }>, warnings: Array<{ __typename?: 'RecipientWarning', kind: NotificationKind, account: { __typename?: 'Account', id: string, name: string }, users: Array<{ __typename?: 'User', id: string, name: string }> }> } };

export type ActivateUserMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
}>;


export type ActivateUserMutation = { __typename?: 'Mutation', activateUser: { __typename?: 'ActivateUserPayload', user: { __typename?: 'User', id: string, status: UserStatus } } };

export type DeleteUserMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
}>;


export type DeleteUserMutation = { __typename?: 'Mutation', deleteUser: { __typename?: 'DeleteUserPayload', deletedUserId: string } };

export type SendWelcomeEmailMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
}>;


export type SendWelcomeEmailMutation = { __typename?: 'Mutation', sendWelcomeEmail: { __typename?: 'SendWelcomeEmailPayload', ok: boolean } };

export type SendPasswordResetEmailMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
}>;


export type SendPasswordResetEmailMutation = { __typename?: 'Mutation', sendPasswordResetEmail: { __typename?: 'SendPasswordResetEmailPayload', ok: boolean } };

export type UpdateUserMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
}>;


export type UpdateUserMutation = { __typename?: 'Mutation', updateUser: { __typename?: 'UpdateUserPayload', user: { __typename?: 'User', id: string, name: string } } };

export type SetMembershipStatusesMutationVariables = Exact<{
  items: Array<MembershipRef> | MembershipRef;
  status: MembershipStatus;
}>;


export type SetMembershipStatusesMutation = { __typename?: 'Mutation', setMembershipStatuses: { __typename?: 'MembershipResultsPayload', results: Array<{ __typename?: 'MembershipResult', accountId: string, userId: string, error?: { __typename?: 'ItemError', code: ErrorCode, message: string } | null, membership?: { __typename?: 'Membership', status: MembershipStatus, role: Role, account: { __typename?: 'Account', id: string } } | null }> } };

export type ExplorerUsersQueryVariables = Exact<{
  filter?: InputMaybe<UserFilter>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ExplorerUsersQuery = { __typename?: 'Query', users: { __typename?: 'UserConnection', totalCount: number, totalCountExact: boolean, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'UserEdge', node: { __typename?: 'User', id: string, name: string, email: string, status: UserStatus, isOperator: boolean, lastSignInAt?: string | null, memberships: Array<{ __typename?: 'Membership', role: Role, status: MembershipStatus, account: { __typename?: 'Account', id: string, name: string } }> } }> } };

export type ExplorerAccountOptionsQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type ExplorerAccountOptionsQuery = { __typename?: 'Query', accounts: { __typename?: 'AccountConnection', edges: Array<{ __typename?: 'AccountEdge', node: { __typename?: 'Account', id: string, name: string } }> } };

export type WebhookEndpointFieldsFragment = { __typename?: 'WebhookEndpoint', id: string, url: string, description: string, eventTypes: Array<WebhookEventType>, enabled: boolean, secretRotatedAt: string, previousSecretExpiresAt?: string | null, createdAt: string, updatedAt: string };

export type WebhookEndpointsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhookEndpointsQuery = { __typename?: 'Query', webhookEndpoints: Array<{ __typename?: 'WebhookEndpoint', id: string, url: string, description: string, eventTypes: Array<WebhookEventType>, enabled: boolean, secretRotatedAt: string, previousSecretExpiresAt?: string | null, createdAt: string, updatedAt: string }> };

export type WebhookEndpointQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<WebhookDeliveryStatus>;
}>;


export type WebhookEndpointQuery = { __typename?: 'Query', webhookEndpoint: { __typename?: 'WebhookEndpoint', id: string, url: string, description: string, eventTypes: Array<WebhookEventType>, enabled: boolean, secretRotatedAt: string, previousSecretExpiresAt?: string | null, createdAt: string, updatedAt: string, deliveries: { __typename?: 'WebhookDeliveryConnection', pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'WebhookDeliveryEdge', node: { __typename?: 'WebhookDelivery', id: string, eventId: string, eventType: WebhookEventType, occurredAt: string, status: WebhookDeliveryStatus, attempts: number, lastAttemptAt?: string | null, lastStatusCode?: number | null, lastError?: string | null, nextAttemptAt?: string | null, deliveredAt?: string | null } }> } } };

export type CreateWebhookEndpointMutationVariables = Exact<{
  url: Scalars['String']['input'];
  eventTypes: Array<WebhookEventType> | WebhookEventType;
  description?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type CreateWebhookEndpointMutation = { __typename?: 'Mutation', createWebhookEndpoint: { __typename?: 'CreateWebhookEndpointPayload', secret: string, endpoint: { __typename?: 'WebhookEndpoint', id: string, url: string, description: string, eventTypes: Array<WebhookEventType>, enabled: boolean, secretRotatedAt: string, previousSecretExpiresAt?: string | null, createdAt: string, updatedAt: string } } };

export type UpdateWebhookEndpointMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  url?: InputMaybe<Scalars['String']['input']>;
  eventTypes?: InputMaybe<Array<WebhookEventType> | WebhookEventType>;
  description?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type UpdateWebhookEndpointMutation = { __typename?: 'Mutation', updateWebhookEndpoint: { __typename?: 'UpdateWebhookEndpointPayload', endpoint: { __typename?: 'WebhookEndpoint', id: string, url: string, description: string, eventTypes: Array<WebhookEventType>, enabled: boolean, secretRotatedAt: string, previousSecretExpiresAt?: string | null, createdAt: string, updatedAt: string } } };

export type RotateWebhookEndpointSecretMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RotateWebhookEndpointSecretMutation = { __typename?: 'Mutation', rotateWebhookEndpointSecret: { __typename?: 'RotateWebhookEndpointSecretPayload', secret: string, endpoint: { __typename?: 'WebhookEndpoint', id: string, url: string, description: string, eventTypes: Array<WebhookEventType>, enabled: boolean, secretRotatedAt: string, previousSecretExpiresAt?: string | null, createdAt: string, updatedAt: string } } };

export type RedeliverWebhookDeliveryMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RedeliverWebhookDeliveryMutation = { __typename?: 'Mutation', redeliverWebhookDelivery: { __typename?: 'RedeliverWebhookDeliveryPayload', delivery: { __typename?: 'WebhookDelivery', id: string, status: WebhookDeliveryStatus, attempts: number, lastAttemptAt?: string | null, lastStatusCode?: number | null, lastError?: string | null, nextAttemptAt?: string | null, deliveredAt?: string | null } } };

export type DeleteWebhookEndpointMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteWebhookEndpointMutation = { __typename?: 'Mutation', deleteWebhookEndpoint: { __typename?: 'DeleteWebhookEndpointPayload', deletedEndpointId: string } };

export type InvitationPreviewQueryVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type InvitationPreviewQuery = { __typename?: 'Query', invitation: { __typename?: 'InvitationPreview', accountName: string, inviterName: string, email: string, role: Role, status: InvitationStatus, expired: boolean, expiresAt: string, existingUser: boolean } };

export type AcceptInvitationMutationVariables = Exact<{
  token: Scalars['String']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  password?: InputMaybe<Scalars['String']['input']>;
}>;


export type AcceptInvitationMutation = { __typename?: 'Mutation', acceptInvitation: { __typename?: 'AcceptInvitationPayload', token?: string | null, role: Role, account: { __typename?: 'Account', id: string, name: string }, user: { __typename?: 'User', id: string, name: string } } };

export type AcceptedAccountQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AcceptedAccountQuery = { __typename?: 'Query', account: { __typename?: 'Account', id: string } };

export type AccountHeaderQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AccountHeaderQuery = { __typename?: 'Query', account: { __typename?: 'Account', id: string, name: string, userDirectory: UserDirectory, requireDeactivationBeforeDelete: boolean, scimDefaultRole: Role, createdAt: string, viewerMembership?: { __typename?: 'Membership', role: Role, status: MembershipStatus } | null, viewerCan: { __typename?: 'AccountPermissions', invite: boolean, manageMembers: boolean, manageRecipients: boolean, transferOwnership: boolean, readAuditLog: boolean, updateSettings: boolean, changeUserDirectory: boolean, manageScimTokens: boolean } } };

export type AccountAuditQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
}>;


export type AccountAuditQuery = { __typename?: 'Query', account: { __typename?: 'Account', id: string, auditLog: { __typename?: 'AuditEventConnection', pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean }, edges: Array<{ __typename?: 'AuditEventEdge', node: { __typename?: 'AuditEvent', id: string, occurredAt: string, action: AuditAction, actorId?: string | null, targetUserId?: string | null, before?: Record<string, unknown> | null, after?: Record<string, unknown> | null, requestId: string } }> }, members: { __typename?: 'MemberPage', items: Array<{ __typename?: 'Member', user: { __typename?: 'User', id: string, name: string } }> } } };

export type RequestPasswordResetMutationVariables = Exact<{
  email: Scalars['String']['input'];
}>;


export type RequestPasswordResetMutation = { __typename?: 'Mutation', requestPasswordReset: { __typename?: 'RequestPasswordResetPayload', ok: boolean } };

export type FirstAccountQueryVariables = Exact<{ [key: string]: never; }>;


export type FirstAccountQuery = { __typename?: 'Query', accounts: { __typename?: 'AccountConnection', edges: Array<{ __typename?: 'AccountEdge', node: { __typename?: 'Account', id: string } }> } };

export type InvitationsQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
  status?: InputMaybe<InvitationStatus>;
  first: Scalars['Int']['input'];
}>;


export type InvitationsQuery = { __typename?: 'Query', account: { __typename?: 'Account', id: string, invitations: { __typename?: 'InvitationConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean }, edges: Array<{ __typename?: 'InvitationEdge', node: { __typename?: 'Invitation', id: string, email: string, role: Role, status: InvitationStatus, expired: boolean, expiresAt: string, createdAt: string, inviterName: string, delivery: { __typename?: 'EmailDelivery', state: DeliveryState, attempts: number, lastError?: string | null, deliveredAt?: string | null } } }> } } };

export type ResendInvitationMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  invitationId: Scalars['ID']['input'];
}>;


export type ResendInvitationMutation = { __typename?: 'Mutation', resendInvitation: { __typename?: 'ResendInvitationPayload', invitation: { __typename?: 'Invitation', id: string, status: InvitationStatus, expired: boolean, expiresAt: string, delivery: { __typename?: 'EmailDelivery', state: DeliveryState, attempts: number, lastError?: string | null, deliveredAt?: string | null } } } };

export type RevokeInvitationMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  invitationId: Scalars['ID']['input'];
}>;


export type RevokeInvitationMutation = { __typename?: 'Mutation', revokeInvitation: { __typename?: 'RevokeInvitationPayload', invitation: { __typename?: 'Invitation', id: string, status: InvitationStatus } } };

export type InviteUsersMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  emails: Scalars['String']['input'];
  role: Role;
}>;


export type InviteUsersMutation = { __typename?: 'Mutation', inviteUsers: { __typename?: 'InviteUsersPayload', created: Array<{ __typename?: 'Invitation', id: string, email: string, role: Role }>, resent: Array<{ __typename?: 'Invitation', id: string, email: string, role: Role }>, rejected: Array<{ __typename?: 'RejectedAddress', address: string, code: ErrorCode, message: string }> } };

export type AccountNotificationsQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
}>;


export type AccountNotificationsQuery = { __typename?: 'Query', account: { __typename?: 'Account', id: string, notifications: { __typename?: 'NotificationConnection', pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean }, edges: Array<{ __typename?: 'NotificationEdge', node: { __typename?: 'Notification', id: string, kind: NotificationKind, subject: string, body: string, createdAt: string, fannedOut: boolean, deliveries: Array<{ __typename?: 'NotificationDelivery', email: string, outcome: DeliveryOutcome, reason?: string | null, attempts: number, updatedAt: string }> } }> } } };

export type SendNotificationMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  kind: NotificationKind;
  subject: Scalars['String']['input'];
  body: Scalars['String']['input'];
}>;


export type SendNotificationMutation = { __typename?: 'Mutation', sendNotification: { __typename?: 'SendNotificationPayload', notification: { __typename?: 'Notification', id: string } } };

export type UpdateProfileMutationVariables = Exact<{
  name: Scalars['String']['input'];
}>;


export type UpdateProfileMutation = { __typename?: 'Mutation', updateProfile: { __typename?: 'UpdateProfilePayload', user: { __typename?: 'User', id: string, name: string } } };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
}>;


export type ChangePasswordMutation = { __typename?: 'Mutation', changePassword: { __typename?: 'ChangePasswordPayload', ok: boolean } };

export type RecipientsQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
}>;


export type RecipientsQuery = { __typename?: 'Query', account: { __typename?: 'Account', id: string, technicalContacts: Array<{ __typename?: 'Recipient', kind: NotificationKind, membershipStatus?: MembershipStatus | null, userStatus: UserStatus, receivesMail: boolean, addedAt: string, user: { __typename?: 'User', id: string, name: string, email: string } }>, billingContacts: Array<{ __typename?: 'Recipient', kind: NotificationKind, membershipStatus?: MembershipStatus | null, userStatus: UserStatus, receivesMail: boolean, addedAt: string, user: { __typename?: 'User', id: string, name: string, email: string } }> } };

export type RecipientRowFragment = { __typename?: 'Recipient', kind: NotificationKind, membershipStatus?: MembershipStatus | null, userStatus: UserStatus, receivesMail: boolean, addedAt: string, user: { __typename?: 'User', id: string, name: string, email: string } };

export type RecipientCandidatesQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type RecipientCandidatesQuery = { __typename?: 'Query', account: { __typename?: 'Account', id: string, members: { __typename?: 'MemberPage', totalCount: number, items: Array<{ __typename?: 'Member', status: MembershipStatus, user: { __typename?: 'User', id: string, name: string, email: string, status: UserStatus } }> } } };

export type SetNotificationRecipientsMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  kind: NotificationKind;
  userIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type SetNotificationRecipientsMutation = { __typename?: 'Mutation', setNotificationRecipients: { __typename?: 'SetNotificationRecipientsPayload', recipients: Array<{ __typename?: 'Recipient', kind: NotificationKind, membershipStatus?: MembershipStatus | null, userStatus: UserStatus, receivesMail: boolean, addedAt: string, user: { __typename?: 'User', id: string, name: string, email: string } }> } };

export type ResetPasswordMutationVariables = Exact<{
  token: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type ResetPasswordMutation = { __typename?: 'Mutation', resetPassword: { __typename?: 'ResetPasswordPayload', ok: boolean } };

export type ScimTokensQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
}>;


export type ScimTokensQuery = { __typename?: 'Query', account: { __typename?: 'Account', id: string, scimDefaultRole: Role, scimTokens: Array<{ __typename?: 'ScimToken', id: string, description: string, createdAt: string, lastUsedAt?: string | null, revoked: boolean, revokedAt?: string | null, createdBy?: { __typename?: 'User', id: string, name: string } | null }> } };

export type CreateScimTokenMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  description: Scalars['String']['input'];
}>;


export type CreateScimTokenMutation = { __typename?: 'Mutation', createScimToken: { __typename?: 'CreateScimTokenPayload', secret: string, token: { __typename?: 'ScimToken', id: string, description: string, createdAt: string, lastUsedAt?: string | null, revoked: boolean, revokedAt?: string | null } } };

export type RevokeScimTokenMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  tokenId: Scalars['ID']['input'];
}>;


export type RevokeScimTokenMutation = { __typename?: 'Mutation', revokeScimToken: { __typename?: 'RevokeScimTokenPayload', token: { __typename?: 'ScimToken', id: string, revoked: boolean, revokedAt?: string | null } } };

export type UpdateScimDefaultRoleMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  scimDefaultRole: Role;
}>;


export type UpdateScimDefaultRoleMutation = { __typename?: 'Mutation', updateAccount: { __typename?: 'UpdateAccountPayload', account: { __typename?: 'Account', id: string, scimDefaultRole: Role } } };

export type UpdateAccountMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  userDirectory?: InputMaybe<UserDirectory>;
  requireDeactivationBeforeDelete?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type UpdateAccountMutation = { __typename?: 'Mutation', updateAccount: { __typename?: 'UpdateAccountPayload', account: { __typename?: 'Account', id: string, name: string, userDirectory: UserDirectory, requireDeactivationBeforeDelete: boolean, scimDefaultRole: Role } } };

export type SignInMutationVariables = Exact<{
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type SignInMutation = { __typename?: 'Mutation', signIn: { __typename?: 'SignInPayload', token: string, expiresAt: string } };

export type MembersQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
  page: Scalars['Int']['input'];
  pageSize: Scalars['Int']['input'];
  filter?: InputMaybe<MemberFilter>;
}>;


export type MembersQuery = { __typename?: 'Query', account: { __typename?: 'Account', id: string, members: { __typename?: 'MemberPage', totalCount: number, page: number, pageCount: number, items: Array<{ __typename?: 'Member', role: Role, status: MembershipStatus, accountStatus: MembershipStatus, inactiveReason?: MemberInactiveReason | null, since: string, onlyActiveRecipientFor: Array<NotificationKind>, user: { __typename?: 'User', id: string, name: string, email: string, status: UserStatus, lastSignInAt?: string | null }, viewerCan: { __typename?: 'MemberPermissions', deactivate: boolean, activate: boolean, delete: boolean, detach: boolean, changeRole: boolean, transferOwnership: boolean } }> } } };

export type DeactivateMembersMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  userIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type DeactivateMembersMutation = { __typename?: 'Mutation', deactivateMembers: { __typename?: 'MemberResultsPayload', totalCount: number, results: Array<{ __typename?: 'MemberResult', userId: string, removed: boolean, error?: { __typename?: 'ItemError', code: ErrorCode, message: string } | null, member?: { __typename?: 'Member', role: Role, status: MembershipStatus, user: { __typename?: 'User', id: string, name: string } } | null }>, warnings: Array<{ __typename?: 'RecipientWarning', kind: NotificationKind, account: { __typename?: 'Account', id: string, name: string }, users: Array<{ __typename?: 'User', id: string, name: string, email: string }> }> } };

export type ActivateMembersMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  userIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type ActivateMembersMutation = { __typename?: 'Mutation', activateMembers: { __typename?: 'MemberResultsPayload', totalCount: number, results: Array<{ __typename?: 'MemberResult', userId: string, removed: boolean, error?: { __typename?: 'ItemError', code: ErrorCode, message: string } | null, member?: { __typename?: 'Member', role: Role, status: MembershipStatus, user: { __typename?: 'User', id: string, name: string } } | null }>, warnings: Array<{ __typename?: 'RecipientWarning', kind: NotificationKind, account: { __typename?: 'Account', id: string, name: string }, users: Array<{ __typename?: 'User', id: string, name: string, email: string }> }> } };

export type DeleteMembersMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  userIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type DeleteMembersMutation = { __typename?: 'Mutation', deleteMembers: { __typename?: 'MemberResultsPayload', totalCount: number, results: Array<{ __typename?: 'MemberResult', userId: string, removed: boolean, error?: { __typename?: 'ItemError', code: ErrorCode, message: string } | null, member?: { __typename?: 'Member', role: Role, status: MembershipStatus, user: { __typename?: 'User', id: string, name: string } } | null }>, warnings: Array<{ __typename?: 'RecipientWarning', kind: NotificationKind, account: { __typename?: 'Account', id: string, name: string }, users: Array<{ __typename?: 'User', id: string, name: string, email: string }> }> } };

export type DetachUserMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
}>;


export type DetachUserMutation = { __typename?: 'Mutation', detachUser: { __typename?: 'MemberResultsPayload', totalCount: number, results: Array<{ __typename?: 'MemberResult', userId: string, removed: boolean, error?: { __typename?: 'ItemError', code: ErrorCode, message: string } | null, member?: { __typename?: 'Member', role: Role, status: MembershipStatus, user: { __typename?: 'User', id: string, name: string } } | null }>, warnings: Array<{ __typename?: 'RecipientWarning', kind: NotificationKind, account: { __typename?: 'Account', id: string, name: string }, users: Array<{ __typename?: 'User', id: string, name: string, email: string }> }> } };

export type MemberResultsFragment = { __typename?: 'MemberResultsPayload', totalCount: number, results: Array<{ __typename?: 'MemberResult', userId: string, removed: boolean, error?: { __typename?: 'ItemError', code: ErrorCode, message: string } | null, member?: { __typename?: 'Member', role: Role, status: MembershipStatus, user: { __typename?: 'User', id: string, name: string } } | null }>, warnings: Array<{ __typename?: 'RecipientWarning', kind: NotificationKind, account: { __typename?: 'Account', id: string, name: string }, users: Array<{ __typename?: 'User', id: string, name: string, email: string }> }> };

export type ChangeMemberRoleMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
  role: Role;
}>;


export type ChangeMemberRoleMutation = { __typename?: 'Mutation', changeMemberRole: { __typename?: 'ChangeMemberRolePayload', member: { __typename?: 'Member', role: Role, user: { __typename?: 'User', id: string } } } };

export type TransferOwnershipMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  toUserId: Scalars['ID']['input'];
}>;


export type TransferOwnershipMutation = { __typename?: 'Mutation', transferOwnership: { __typename?: 'TransferOwnershipPayload', owner: { __typename?: 'Member', user: { __typename?: 'User', id: string, name: string } }, previousOwner: { __typename?: 'Member', user: { __typename?: 'User', id: string, name: string } } } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer?: { __typename?: 'User', id: string, name: string, email: string, isOperator: boolean, status: UserStatus, lastSignInAt?: string | null } | null };

export const UserResultsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserResults"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<UserResultsFragment, unknown>;
export const WebhookEndpointFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookEndpointFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"secretRotatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"previousSecretExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<WebhookEndpointFieldsFragment, unknown>;
export const RecipientRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecipientRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Recipient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"membershipStatus"}},{"kind":"Field","name":{"kind":"Name","value":"userStatus"}},{"kind":"Field","name":{"kind":"Name","value":"receivesMail"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<RecipientRowFragment, unknown>;
export const MemberResultsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MemberResults"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MemberResultsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"removed"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<MemberResultsFragment, unknown>;
export const AccountSwitcherDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountSwitcher"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCountExact"}}]}}]}}]} as unknown as DocumentNode<AccountSwitcherQuery, AccountSwitcherQueryVariables>;
export const SignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const AccountSwitcherCurrentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountSwitcherCurrent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AccountSwitcherCurrentQuery, AccountSwitcherCurrentQueryVariables>;
export const AccountChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AccountChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"refetch"}},{"kind":"Field","name":{"kind":"Name","value":"userIds"}},{"kind":"Field","name":{"kind":"Name","value":"invitationIds"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}}]} as unknown as DocumentNode<AccountChangedSubscription, AccountChangedSubscriptionVariables>;
export const OperatorAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperatorAccounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCountExact"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"userDirectory"}},{"kind":"Field","name":{"kind":"Name","value":"requireDeactivationBeforeDelete"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OperatorAccountsQuery, OperatorAccountsQueryVariables>;
export const CreateAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ownerEmail"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userDirectory"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserDirectory"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requireDeactivationBeforeDelete"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"ownerEmail"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ownerEmail"}}},{"kind":"Argument","name":{"kind":"Name","value":"userDirectory"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userDirectory"}}},{"kind":"Argument","name":{"kind":"Name","value":"requireDeactivationBeforeDelete"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requireDeactivationBeforeDelete"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<CreateAccountMutation, CreateAccountMutationVariables>;
export const DeactivateUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeactivateUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirm"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deactivateUsers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirm"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirm"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserResults"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserResults"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<DeactivateUsersMutation, DeactivateUsersMutationVariables>;
export const ActivateUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActivateUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activateUsers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserResults"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserResults"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ActivateUsersMutation, ActivateUsersMutationVariables>;
export const DeleteUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUsers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserResults"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserResults"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<DeleteUsersMutation, DeleteUsersMutationVariables>;
export const OperatorUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperatorUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isOperator"}},{"kind":"Field","name":{"kind":"Name","value":"lastSignInAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"userDirectory"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activate"}},{"kind":"Field","name":{"kind":"Name","value":"deactivate"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deactivationImpact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<OperatorUserQuery, OperatorUserQueryVariables>;
export const DeactivateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeactivateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirm"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deactivateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirm"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirm"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deactivated"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeactivateUserMutation, DeactivateUserMutationVariables>;
export const ActivateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActivateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ActivateUserMutation, ActivateUserMutationVariables>;
export const DeleteUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedUserId"}}]}}]}}]} as unknown as DocumentNode<DeleteUserMutation, DeleteUserMutationVariables>;
export const SendWelcomeEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendWelcomeEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendWelcomeEmail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<SendWelcomeEmailMutation, SendWelcomeEmailMutationVariables>;
export const SendPasswordResetEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendPasswordResetEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendPasswordResetEmail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<SendPasswordResetEmailMutation, SendPasswordResetEmailMutationVariables>;
export const UpdateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateUserMutation, UpdateUserMutationVariables>;
export const SetMembershipStatusesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetMembershipStatuses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"items"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MembershipRef"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MembershipStatus"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setMembershipStatuses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"items"},"value":{"kind":"Variable","name":{"kind":"Name","value":"items"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"membership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SetMembershipStatusesMutation, SetMembershipStatusesMutationVariables>;
export const ExplorerUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExplorerUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCountExact"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isOperator"}},{"kind":"Field","name":{"kind":"Name","value":"lastSignInAt"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExplorerUsersQuery, ExplorerUsersQueryVariables>;
export const ExplorerAccountOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExplorerAccountOptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"30"}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExplorerAccountOptionsQuery, ExplorerAccountOptionsQueryVariables>;
export const WebhookEndpointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookEndpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookEndpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookEndpointFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookEndpointFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"secretRotatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"previousSecretExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>;
export const WebhookEndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDeliveryStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookEndpointFields"}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookEndpointFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"secretRotatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"previousSecretExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<WebhookEndpointQuery, WebhookEndpointQueryVariables>;
export const CreateWebhookEndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWebhookEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"url"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"eventTypes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEventType"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"description"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWebhookEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"url"},"value":{"kind":"Variable","name":{"kind":"Name","value":"url"}}},{"kind":"Argument","name":{"kind":"Name","value":"eventTypes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"eventTypes"}}},{"kind":"Argument","name":{"kind":"Name","value":"description"},"value":{"kind":"Variable","name":{"kind":"Name","value":"description"}}},{"kind":"Argument","name":{"kind":"Name","value":"enabled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookEndpointFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookEndpointFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"secretRotatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"previousSecretExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>;
export const UpdateWebhookEndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateWebhookEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"url"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"eventTypes"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEventType"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"description"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateWebhookEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"url"},"value":{"kind":"Variable","name":{"kind":"Name","value":"url"}}},{"kind":"Argument","name":{"kind":"Name","value":"eventTypes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"eventTypes"}}},{"kind":"Argument","name":{"kind":"Name","value":"description"},"value":{"kind":"Variable","name":{"kind":"Name","value":"description"}}},{"kind":"Argument","name":{"kind":"Name","value":"enabled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookEndpointFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookEndpointFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"secretRotatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"previousSecretExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateWebhookEndpointMutation, UpdateWebhookEndpointMutationVariables>;
export const RotateWebhookEndpointSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateWebhookEndpointSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateWebhookEndpointSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookEndpointFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookEndpointFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"secretRotatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"previousSecretExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<RotateWebhookEndpointSecretMutation, RotateWebhookEndpointSecretMutationVariables>;
export const RedeliverWebhookDeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RedeliverWebhookDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeliverWebhookDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}}]}}]}}]}}]} as unknown as DocumentNode<RedeliverWebhookDeliveryMutation, RedeliverWebhookDeliveryMutationVariables>;
export const DeleteWebhookEndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWebhookEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteWebhookEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedEndpointId"}}]}}]}}]} as unknown as DocumentNode<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>;
export const InvitationPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvitationPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"inviterName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"existingUser"}}]}}]}}]} as unknown as DocumentNode<InvitationPreviewQuery, InvitationPreviewQueryVariables>;
export const AcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const AcceptedAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AcceptedAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AcceptedAccountQuery, AcceptedAccountQueryVariables>;
export const AccountHeaderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountHeader"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"userDirectory"}},{"kind":"Field","name":{"kind":"Name","value":"requireDeactivationBeforeDelete"}},{"kind":"Field","name":{"kind":"Name","value":"scimDefaultRole"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMembership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerCan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invite"}},{"kind":"Field","name":{"kind":"Name","value":"manageMembers"}},{"kind":"Field","name":{"kind":"Name","value":"manageRecipients"}},{"kind":"Field","name":{"kind":"Name","value":"transferOwnership"}},{"kind":"Field","name":{"kind":"Name","value":"readAuditLog"}},{"kind":"Field","name":{"kind":"Name","value":"updateSettings"}},{"kind":"Field","name":{"kind":"Name","value":"changeUserDirectory"}},{"kind":"Field","name":{"kind":"Name","value":"manageScimTokens"}}]}}]}}]}}]} as unknown as DocumentNode<AccountHeaderQuery, AccountHeaderQueryVariables>;
export const AccountAuditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountAudit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"targetUserId"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccountAuditQuery, AccountAuditQueryVariables>;
export const RequestPasswordResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPasswordReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const FirstAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FirstAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FirstAccountQuery, FirstAccountQueryVariables>;
export const InvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Invitations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InvitationStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"invitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"inviterName"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<InvitationsQuery, InvitationsQueryVariables>;
export const ResendInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResendInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"invitationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ResendInvitationMutation, ResendInvitationMutationVariables>;
export const RevokeInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"invitationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const InviteUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"emails"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Role"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteUsers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"emails"},"value":{"kind":"Variable","name":{"kind":"Name","value":"emails"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"created"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rejected"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<InviteUsersMutation, InviteUsersMutationVariables>;
export const AccountNotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountNotifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"fannedOut"}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccountNotificationsQuery, AccountNotificationsQueryVariables>;
export const SendNotificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendNotification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subject"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"body"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendNotification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"subject"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subject"}}},{"kind":"Argument","name":{"kind":"Name","value":"body"},"value":{"kind":"Variable","name":{"kind":"Name","value":"body"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<SendNotificationMutation, SendNotificationMutationVariables>;
export const UpdateProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"currentPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}}},{"kind":"Argument","name":{"kind":"Name","value":"newPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const RecipientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Recipients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"technicalContacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecipientRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billingContacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecipientRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecipientRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Recipient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"membershipStatus"}},{"kind":"Field","name":{"kind":"Name","value":"userStatus"}},{"kind":"Field","name":{"kind":"Name","value":"receivesMail"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<RecipientsQuery, RecipientsQueryVariables>;
export const RecipientCandidatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecipientCandidates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecipientCandidatesQuery, RecipientCandidatesQueryVariables>;
export const SetNotificationRecipientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetNotificationRecipients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setNotificationRecipients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecipientRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecipientRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Recipient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"membershipStatus"}},{"kind":"Field","name":{"kind":"Name","value":"userStatus"}},{"kind":"Field","name":{"kind":"Name","value":"receivesMail"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<SetNotificationRecipientsMutation, SetNotificationRecipientsMutationVariables>;
export const ResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const ScimTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScimTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scimDefaultRole"}},{"kind":"Field","name":{"kind":"Name","value":"scimTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ScimTokensQuery, ScimTokensQueryVariables>;
export const CreateScimTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateScimToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"description"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createScimToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"description"},"value":{"kind":"Variable","name":{"kind":"Name","value":"description"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]}}]} as unknown as DocumentNode<CreateScimTokenMutation, CreateScimTokenMutationVariables>;
export const RevokeScimTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeScimToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeScimToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"tokenId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeScimTokenMutation, RevokeScimTokenMutationVariables>;
export const UpdateScimDefaultRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateScimDefaultRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scimDefaultRole"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Role"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"scimDefaultRole"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scimDefaultRole"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scimDefaultRole"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateScimDefaultRoleMutation, UpdateScimDefaultRoleMutationVariables>;
export const UpdateAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userDirectory"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserDirectory"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requireDeactivationBeforeDelete"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"userDirectory"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userDirectory"}}},{"kind":"Argument","name":{"kind":"Name","value":"requireDeactivationBeforeDelete"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requireDeactivationBeforeDelete"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"userDirectory"}},{"kind":"Field","name":{"kind":"Name","value":"requireDeactivationBeforeDelete"}},{"kind":"Field","name":{"kind":"Name","value":"scimDefaultRole"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateAccountMutation, UpdateAccountMutationVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const MembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Members"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"page"}},{"kind":"Field","name":{"kind":"Name","value":"pageCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"accountStatus"}},{"kind":"Field","name":{"kind":"Name","value":"inactiveReason"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"onlyActiveRecipientFor"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastSignInAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerCan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deactivate"}},{"kind":"Field","name":{"kind":"Name","value":"activate"}},{"kind":"Field","name":{"kind":"Name","value":"delete"}},{"kind":"Field","name":{"kind":"Name","value":"detach"}},{"kind":"Field","name":{"kind":"Name","value":"changeRole"}},{"kind":"Field","name":{"kind":"Name","value":"transferOwnership"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MembersQuery, MembersQueryVariables>;
export const DeactivateMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeactivateMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deactivateMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MemberResults"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MemberResults"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MemberResultsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"removed"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<DeactivateMembersMutation, DeactivateMembersMutationVariables>;
export const ActivateMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActivateMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activateMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MemberResults"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MemberResults"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MemberResultsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"removed"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<ActivateMembersMutation, ActivateMembersMutationVariables>;
export const DeleteMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MemberResults"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MemberResults"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MemberResultsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"removed"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteMembersMutation, DeleteMembersMutationVariables>;
export const DetachUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DetachUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detachUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MemberResults"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MemberResults"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MemberResultsPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"removed"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<DetachUserMutation, DetachUserMutationVariables>;
export const ChangeMemberRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeMemberRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Role"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ChangeMemberRoleMutation, ChangeMemberRoleMutationVariables>;
export const TransferOwnershipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransferOwnership"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toUserId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferOwnership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"toUserId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toUserId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousOwner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TransferOwnershipMutation, TransferOwnershipMutationVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"isOperator"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastSignInAt"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;