// api.ts talks to roster directly, the way tests arrange their data: GraphQL
// over HTTP with a bearer token, and the dev mail capture's JSON mailbox
// (/dev/mail.json). The browser side of a test never uses it to check what
// the app shows, only to set the stage and to read emails.
import { randomUUID } from 'node:crypto';

export const baseURL = process.env.ROSTER_URL ?? '';

/** The demo operator that `roster dev` seeds (internal/seed). */
export const demoOperator = { email: 'operator@roster.test', password: 'roster-demo-2026' };

/** The password every user created by the tests gets. */
export const password = 'e2e-password-2026';

/** A GraphQL error as roster sends it: the code is in extensions.code. */
export class GraphQLError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** gql sends one operation and returns its data; it throws on any error. */
export async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(`${baseURL}/graphql`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new GraphQLError(`${e.message} (${e.extensions?.code ?? 'no code'})`, e.extensions?.code);
  }
  if (!res.ok || !body.data) throw new Error(`POST /graphql: HTTP ${res.status}`);
  return body.data;
}

/** unique returns a short random tag for names and addresses. */
export function unique(): string {
  return randomUUID().slice(0, 8);
}

/** A captured email, as /dev/mail.json returns it. */
export interface Mail {
  id: number;
  to: string[];
  subject: string;
  text: string;
  html: string;
  links: string[];
}

/**
 * waitForMail polls the mail capture until a message to `to` satisfies
 * `match` (any message by default) and returns the newest such message.
 */
export async function waitForMail(to: string, match: (m: Mail) => boolean = () => true, timeoutMs = 15_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${baseURL}/dev/mail.json?to=${encodeURIComponent(to)}`);
    if (!res.ok) throw new Error(`GET /dev/mail.json: HTTP ${res.status} (is this roster dev with its mail capture?)`);
    const found = ((await res.json()) as Mail[]).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no email to ${to} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** mailCount returns how many messages were captured for `to`. */
export async function mailCount(to: string): Promise<number> {
  const res = await fetch(`${baseURL}/dev/mail.json?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as Mail[]).length;
}

/** linkWith returns the mail's first link whose path is `path` (e.g. /accept-invitation). */
export function linkWith(mail: Mail, path: string): string {
  const link = mail.links.find((l) => new URL(l).pathname.endsWith(path));
  if (!link) throw new Error(`no ${path} link in "${mail.subject}": ${mail.links.join(', ')}`);
  return link;
}

/** tokenOf returns the token query parameter of a link from an email. */
export function tokenOf(link: string): string {
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

export async function signIn(email: string, pw: string): Promise<{ token: string; userId: string }> {
  const d = await gql(
    `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token user { id } } }`,
    { email, password: pw },
  );
  return { token: d.signIn.token, userId: d.signIn.user.id };
}

export type Role = 'OWNER' | 'ADMINISTRATOR' | 'FINANCE_MANAGER' | 'USER';

/** A user the test created, with the credentials to sign in. */
export interface Person {
  id: string;
  email: string;
  name: string;
  password: string;
  role: Role;
  /** A session token; empty for a USER, who has no panel access. */
  token: string;
}

/** A fresh account made for one test: its Owner is signed in through the API. */
export interface TestAccount {
  id: string;
  name: string;
  owner: Person;
}

/** acceptFromMail reads the newest invitation to email and accepts it as a new user. */
async function acceptFromMail(email: string, name: string, role: Role): Promise<Person> {
  const mail = await waitForMail(email, (m) => m.links.some((l) => l.includes('/app/accept-invitation')));
  const token = tokenOf(linkWith(mail, '/app/accept-invitation'));
  const d = await gql(
    `mutation($token: String!, $name: String, $password: String) {
      acceptInvitation(token: $token, name: $name, password: $password) { user { id } token }
    }`,
    { token, name, password },
  );
  return { id: d.acceptInvitation.user.id, email, name, password, role, token: d.acceptInvitation.token ?? '' };
}

/**
 * createAccount makes an account as the demo operator and registers its
 * Owner through the invitation email, as a real Owner would.
 */
export async function createAccount(
  operatorToken: string,
  label: string,
  { ownerName = 'Olive Owner', userDirectory = 'LOCAL' }: { ownerName?: string; userDirectory?: 'LOCAL' | 'EXTERNAL' } = {},
): Promise<TestAccount> {
  const tag = unique();
  // The server collapses runs of spaces in names; so does the label here.
  const name = `${label.replace(/\s+/g, ' ').trim()} ${tag}`;
  const ownerEmail = `owner-${tag}@e2e.test`;
  const d = await gql(
    `mutation($name: String!, $ownerEmail: String!, $dir: UserDirectory) {
      createAccount(name: $name, ownerEmail: $ownerEmail, userDirectory: $dir) { account { id } }
    }`,
    { name, ownerEmail, dir: userDirectory },
    operatorToken,
  );
  const owner = await acceptFromMail(ownerEmail, ownerName, 'OWNER');
  return { id: d.createAccount.account.id, name, owner };
}

/** addMember invites a new address with role as the Owner and registers it through the email. */
export async function addMember(account: TestAccount, role: Role, name: string): Promise<Person> {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}-${unique()}@e2e.test`;
  const d = await gql(
    `mutation($accountId: ID!, $emails: String!, $role: Role!) {
      inviteUsers(accountId: $accountId, emails: $emails, role: $role) { created { id } rejected { address message } }
    }`,
    { accountId: account.id, emails: email, role },
    account.owner.token,
  );
  if (d.inviteUsers.created.length !== 1) throw new Error(`inviteUsers ${email}: ${JSON.stringify(d.inviteUsers.rejected)}`);
  return acceptFromMail(email, name, role);
}

export type NotificationKind = 'TECHNICAL' | 'BILLING';

/** setRecipients makes one of the account's notification lists exactly these users. */
export async function setRecipients(account: TestAccount, kind: NotificationKind, userIds: string[]): Promise<void> {
  await gql(
    `mutation($accountId: ID!, $kind: NotificationKind!, $userIds: [ID!]!) {
      setNotificationRecipients(accountId: $accountId, kind: $kind, userIds: $userIds) { __typename }
    }`,
    { accountId: account.id, kind, userIds },
    account.owner.token,
  );
}

/** deactivateMembers deactivates members of the account as its Owner. */
export async function deactivateMembers(account: TestAccount, userIds: string[], token = account.owner.token): Promise<void> {
  const d = await gql(
    `mutation($accountId: ID!, $userIds: [ID!]!) {
      deactivateMembers(accountId: $accountId, userIds: $userIds) { results { error { code message } } }
    }`,
    { accountId: account.id, userIds },
    token,
  );
  const failed = d.deactivateMembers.results.filter((r: any) => r.error);
  if (failed.length) throw new Error(`deactivateMembers: ${JSON.stringify(failed)}`);
}
