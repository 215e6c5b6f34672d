/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AccountSwitcher($search: String) {\n    accounts(first: 50, search: $search) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n      totalCount\n      totalCountExact\n    }\n  }\n": typeof types.AccountSwitcherDocument,
    "\n  mutation SignOut {\n    signOut {\n      ok\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  subscription AccountChanged($accountId: ID!) {\n    accountChanged(accountId: $accountId) {\n      kind\n      refetch\n      userIds\n      invitationIds\n      memberCount\n    }\n  }\n": typeof types.AccountChangedDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      accountName\n      inviterName\n      email\n      role\n      status\n      expired\n      expiresAt\n      existingUser\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($token: String!, $name: String, $password: String) {\n    acceptInvitation(token: $token, name: $name, password: $password) {\n      token\n      role\n      account {\n        id\n        name\n      }\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query AccountHeader($id: ID!) {\n    account(id: $id) {\n      id\n      name\n      userDirectory\n      requireDeactivationBeforeDelete\n      createdAt\n      viewerMembership {\n        role\n        status\n      }\n      viewerCan {\n        invite\n        manageMembers\n        manageRecipients\n        transferOwnership\n        readAuditLog\n        updateSettings\n        changeUserDirectory\n      }\n    }\n  }\n": typeof types.AccountHeaderDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email) {\n      ok\n    }\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  query FirstAccount {\n    accounts(first: 1) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.FirstAccountDocument,
    "\n  mutation InviteUsers($accountId: ID!, $emails: String!, $role: Role!) {\n    inviteUsers(accountId: $accountId, emails: $emails, role: $role) {\n      created {\n        id\n        email\n        role\n      }\n      resent {\n        id\n        email\n        role\n      }\n      rejected {\n        address\n        code\n        message\n      }\n    }\n  }\n": typeof types.InviteUsersDocument,
    "\n  mutation UpdateProfile($name: String!) {\n    updateProfile(name: $name) {\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      ok\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      ok\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query Members($accountId: ID!, $page: Int!, $pageSize: Int!, $filter: MemberFilter) {\n    account(id: $accountId) {\n      id\n      members(page: $page, pageSize: $pageSize, filter: $filter) {\n        totalCount\n        page\n        pageCount\n        items {\n          role\n          status\n          since\n          onlyActiveRecipientFor\n          user {\n            id\n            name\n            email\n            status\n            lastSignInAt\n          }\n          viewerCan {\n            deactivate\n            activate\n            delete\n            detach\n            changeRole\n          }\n        }\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  mutation DeactivateMembers($accountId: ID!, $userIds: [ID!]!) {\n    deactivateMembers(accountId: $accountId, userIds: $userIds) {\n      ...MemberResults\n    }\n  }\n": typeof types.DeactivateMembersDocument,
    "\n  mutation ActivateMembers($accountId: ID!, $userIds: [ID!]!) {\n    activateMembers(accountId: $accountId, userIds: $userIds) {\n      ...MemberResults\n    }\n  }\n": typeof types.ActivateMembersDocument,
    "\n  mutation DeleteMembers($accountId: ID!, $userIds: [ID!]!) {\n    deleteMembers(accountId: $accountId, userIds: $userIds) {\n      ...MemberResults\n    }\n  }\n": typeof types.DeleteMembersDocument,
    "\n  mutation DetachUser($accountId: ID!, $userId: ID!) {\n    detachUser(accountId: $accountId, userId: $userId) {\n      ...MemberResults\n    }\n  }\n": typeof types.DetachUserDocument,
    "\n  fragment MemberResults on MemberResultsPayload {\n    totalCount\n    results {\n      userId\n      removed\n      error {\n        code\n        message\n      }\n      member {\n        role\n        status\n        user {\n          id\n          name\n        }\n      }\n    }\n    warnings {\n      kind\n      account {\n        id\n        name\n      }\n      users {\n        id\n        name\n        email\n      }\n    }\n  }\n": typeof types.MemberResultsFragmentDoc,
    "\n  mutation ChangeMemberRole($accountId: ID!, $userId: ID!, $role: Role!) {\n    changeMemberRole(accountId: $accountId, userId: $userId, role: $role) {\n      member {\n        role\n        user {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation TransferOwnership($accountId: ID!, $toUserId: ID!) {\n    transferOwnership(accountId: $accountId, toUserId: $toUserId) {\n      owner {\n        user {\n          id\n          name\n        }\n      }\n      previousOwner {\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.TransferOwnershipDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      isOperator\n      status\n      lastSignInAt\n    }\n  }\n": typeof types.ViewerDocument,
};
const documents: Documents = {
    "\n  query AccountSwitcher($search: String) {\n    accounts(first: 50, search: $search) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n      totalCount\n      totalCountExact\n    }\n  }\n": types.AccountSwitcherDocument,
    "\n  mutation SignOut {\n    signOut {\n      ok\n    }\n  }\n": types.SignOutDocument,
    "\n  subscription AccountChanged($accountId: ID!) {\n    accountChanged(accountId: $accountId) {\n      kind\n      refetch\n      userIds\n      invitationIds\n      memberCount\n    }\n  }\n": types.AccountChangedDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      accountName\n      inviterName\n      email\n      role\n      status\n      expired\n      expiresAt\n      existingUser\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($token: String!, $name: String, $password: String) {\n    acceptInvitation(token: $token, name: $name, password: $password) {\n      token\n      role\n      account {\n        id\n        name\n      }\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query AccountHeader($id: ID!) {\n    account(id: $id) {\n      id\n      name\n      userDirectory\n      requireDeactivationBeforeDelete\n      createdAt\n      viewerMembership {\n        role\n        status\n      }\n      viewerCan {\n        invite\n        manageMembers\n        manageRecipients\n        transferOwnership\n        readAuditLog\n        updateSettings\n        changeUserDirectory\n      }\n    }\n  }\n": types.AccountHeaderDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email) {\n      ok\n    }\n  }\n": types.RequestPasswordResetDocument,
    "\n  query FirstAccount {\n    accounts(first: 1) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.FirstAccountDocument,
    "\n  mutation InviteUsers($accountId: ID!, $emails: String!, $role: Role!) {\n    inviteUsers(accountId: $accountId, emails: $emails, role: $role) {\n      created {\n        id\n        email\n        role\n      }\n      resent {\n        id\n        email\n        role\n      }\n      rejected {\n        address\n        code\n        message\n      }\n    }\n  }\n": types.InviteUsersDocument,
    "\n  mutation UpdateProfile($name: String!) {\n    updateProfile(name: $name) {\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      ok\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      ok\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      expiresAt\n    }\n  }\n": types.SignInDocument,
    "\n  query Members($accountId: ID!, $page: Int!, $pageSize: Int!, $filter: MemberFilter) {\n    account(id: $accountId) {\n      id\n      members(page: $page, pageSize: $pageSize, filter: $filter) {\n        totalCount\n        page\n        pageCount\n        items {\n          role\n          status\n          since\n          onlyActiveRecipientFor\n          user {\n            id\n            name\n            email\n            status\n            lastSignInAt\n          }\n          viewerCan {\n            deactivate\n            activate\n            delete\n            detach\n            changeRole\n          }\n        }\n      }\n    }\n  }\n": types.MembersDocument,
    "\n  mutation DeactivateMembers($accountId: ID!, $userIds: [ID!]!) {\n    deactivateMembers(accountId: $accountId, userIds: $userIds) {\n      ...MemberResults\n    }\n  }\n": types.DeactivateMembersDocument,
    "\n  mutation ActivateMembers($accountId: ID!, $userIds: [ID!]!) {\n    activateMembers(accountId: $accountId, userIds: $userIds) {\n      ...MemberResults\n    }\n  }\n": types.ActivateMembersDocument,
    "\n  mutation DeleteMembers($accountId: ID!, $userIds: [ID!]!) {\n    deleteMembers(accountId: $accountId, userIds: $userIds) {\n      ...MemberResults\n    }\n  }\n": types.DeleteMembersDocument,
    "\n  mutation DetachUser($accountId: ID!, $userId: ID!) {\n    detachUser(accountId: $accountId, userId: $userId) {\n      ...MemberResults\n    }\n  }\n": types.DetachUserDocument,
    "\n  fragment MemberResults on MemberResultsPayload {\n    totalCount\n    results {\n      userId\n      removed\n      error {\n        code\n        message\n      }\n      member {\n        role\n        status\n        user {\n          id\n          name\n        }\n      }\n    }\n    warnings {\n      kind\n      account {\n        id\n        name\n      }\n      users {\n        id\n        name\n        email\n      }\n    }\n  }\n": types.MemberResultsFragmentDoc,
    "\n  mutation ChangeMemberRole($accountId: ID!, $userId: ID!, $role: Role!) {\n    changeMemberRole(accountId: $accountId, userId: $userId, role: $role) {\n      member {\n        role\n        user {\n          id\n        }\n      }\n    }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  mutation TransferOwnership($accountId: ID!, $toUserId: ID!) {\n    transferOwnership(accountId: $accountId, toUserId: $toUserId) {\n      owner {\n        user {\n          id\n          name\n        }\n      }\n      previousOwner {\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.TransferOwnershipDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      isOperator\n      status\n      lastSignInAt\n    }\n  }\n": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountSwitcher($search: String) {\n    accounts(first: 50, search: $search) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n      totalCount\n      totalCountExact\n    }\n  }\n"): (typeof documents)["\n  query AccountSwitcher($search: String) {\n    accounts(first: 50, search: $search) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n      totalCount\n      totalCountExact\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AccountChanged($accountId: ID!) {\n    accountChanged(accountId: $accountId) {\n      kind\n      refetch\n      userIds\n      invitationIds\n      memberCount\n    }\n  }\n"): (typeof documents)["\n  subscription AccountChanged($accountId: ID!) {\n    accountChanged(accountId: $accountId) {\n      kind\n      refetch\n      userIds\n      invitationIds\n      memberCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      accountName\n      inviterName\n      email\n      role\n      status\n      expired\n      expiresAt\n      existingUser\n    }\n  }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      accountName\n      inviterName\n      email\n      role\n      status\n      expired\n      expiresAt\n      existingUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!, $name: String, $password: String) {\n    acceptInvitation(token: $token, name: $name, password: $password) {\n      token\n      role\n      account {\n        id\n        name\n      }\n      user {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!, $name: String, $password: String) {\n    acceptInvitation(token: $token, name: $name, password: $password) {\n      token\n      role\n      account {\n        id\n        name\n      }\n      user {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountHeader($id: ID!) {\n    account(id: $id) {\n      id\n      name\n      userDirectory\n      requireDeactivationBeforeDelete\n      createdAt\n      viewerMembership {\n        role\n        status\n      }\n      viewerCan {\n        invite\n        manageMembers\n        manageRecipients\n        transferOwnership\n        readAuditLog\n        updateSettings\n        changeUserDirectory\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccountHeader($id: ID!) {\n    account(id: $id) {\n      id\n      name\n      userDirectory\n      requireDeactivationBeforeDelete\n      createdAt\n      viewerMembership {\n        role\n        status\n      }\n      viewerCan {\n        invite\n        manageMembers\n        manageRecipients\n        transferOwnership\n        readAuditLog\n        updateSettings\n        changeUserDirectory\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirstAccount {\n    accounts(first: 1) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FirstAccount {\n    accounts(first: 1) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUsers($accountId: ID!, $emails: String!, $role: Role!) {\n    inviteUsers(accountId: $accountId, emails: $emails, role: $role) {\n      created {\n        id\n        email\n        role\n      }\n      resent {\n        id\n        email\n        role\n      }\n      rejected {\n        address\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteUsers($accountId: ID!, $emails: String!, $role: Role!) {\n    inviteUsers(accountId: $accountId, emails: $emails, role: $role) {\n      created {\n        id\n        email\n        role\n      }\n      resent {\n        id\n        email\n        role\n      }\n      rejected {\n        address\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($name: String!) {\n    updateProfile(name: $name) {\n      user {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($name: String!) {\n    updateProfile(name: $name) {\n      user {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members($accountId: ID!, $page: Int!, $pageSize: Int!, $filter: MemberFilter) {\n    account(id: $accountId) {\n      id\n      members(page: $page, pageSize: $pageSize, filter: $filter) {\n        totalCount\n        page\n        pageCount\n        items {\n          role\n          status\n          since\n          onlyActiveRecipientFor\n          user {\n            id\n            name\n            email\n            status\n            lastSignInAt\n          }\n          viewerCan {\n            deactivate\n            activate\n            delete\n            detach\n            changeRole\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Members($accountId: ID!, $page: Int!, $pageSize: Int!, $filter: MemberFilter) {\n    account(id: $accountId) {\n      id\n      members(page: $page, pageSize: $pageSize, filter: $filter) {\n        totalCount\n        page\n        pageCount\n        items {\n          role\n          status\n          since\n          onlyActiveRecipientFor\n          user {\n            id\n            name\n            email\n            status\n            lastSignInAt\n          }\n          viewerCan {\n            deactivate\n            activate\n            delete\n            detach\n            changeRole\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateMembers($accountId: ID!, $userIds: [ID!]!) {\n    deactivateMembers(accountId: $accountId, userIds: $userIds) {\n      ...MemberResults\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateMembers($accountId: ID!, $userIds: [ID!]!) {\n    deactivateMembers(accountId: $accountId, userIds: $userIds) {\n      ...MemberResults\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateMembers($accountId: ID!, $userIds: [ID!]!) {\n    activateMembers(accountId: $accountId, userIds: $userIds) {\n      ...MemberResults\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateMembers($accountId: ID!, $userIds: [ID!]!) {\n    activateMembers(accountId: $accountId, userIds: $userIds) {\n      ...MemberResults\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMembers($accountId: ID!, $userIds: [ID!]!) {\n    deleteMembers(accountId: $accountId, userIds: $userIds) {\n      ...MemberResults\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteMembers($accountId: ID!, $userIds: [ID!]!) {\n    deleteMembers(accountId: $accountId, userIds: $userIds) {\n      ...MemberResults\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DetachUser($accountId: ID!, $userId: ID!) {\n    detachUser(accountId: $accountId, userId: $userId) {\n      ...MemberResults\n    }\n  }\n"): (typeof documents)["\n  mutation DetachUser($accountId: ID!, $userId: ID!) {\n    detachUser(accountId: $accountId, userId: $userId) {\n      ...MemberResults\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberResults on MemberResultsPayload {\n    totalCount\n    results {\n      userId\n      removed\n      error {\n        code\n        message\n      }\n      member {\n        role\n        status\n        user {\n          id\n          name\n        }\n      }\n    }\n    warnings {\n      kind\n      account {\n        id\n        name\n      }\n      users {\n        id\n        name\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment MemberResults on MemberResultsPayload {\n    totalCount\n    results {\n      userId\n      removed\n      error {\n        code\n        message\n      }\n      member {\n        role\n        status\n        user {\n          id\n          name\n        }\n      }\n    }\n    warnings {\n      kind\n      account {\n        id\n        name\n      }\n      users {\n        id\n        name\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($accountId: ID!, $userId: ID!, $role: Role!) {\n    changeMemberRole(accountId: $accountId, userId: $userId, role: $role) {\n      member {\n        role\n        user {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeMemberRole($accountId: ID!, $userId: ID!, $role: Role!) {\n    changeMemberRole(accountId: $accountId, userId: $userId, role: $role) {\n      member {\n        role\n        user {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferOwnership($accountId: ID!, $toUserId: ID!) {\n    transferOwnership(accountId: $accountId, toUserId: $toUserId) {\n      owner {\n        user {\n          id\n          name\n        }\n      }\n      previousOwner {\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TransferOwnership($accountId: ID!, $toUserId: ID!) {\n    transferOwnership(accountId: $accountId, toUserId: $toUserId) {\n      owner {\n        user {\n          id\n          name\n        }\n      }\n      previousOwner {\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      isOperator\n      status\n      lastSignInAt\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      isOperator\n      status\n      lastSignInAt\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;