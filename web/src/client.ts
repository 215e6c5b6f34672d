import { Client, fetchExchange, subscriptionExchange, type Exchange } from 'urql';
import { cacheExchange, type Cache, type KeyingConfig } from '@urql/exchange-graphcache';
import { createClient as createWSClient } from 'graphql-ws';
import schema from './gql/schema.json';

// Types without an id are embedded in their parent (graphcache keys them by
// the path they were reached by); the list is derived from the schema so a
// new type never triggers a "no key" warning.
const keys: KeyingConfig = {};
type IntrospectionField = { name: string };
type IntrospectionType = { kind: string; name: string; fields?: IntrospectionField[] | null };
for (const t of (schema as unknown as { __schema: { types: IntrospectionType[] } }).__schema.types) {
  if (t.kind === 'OBJECT' && !t.name.startsWith('__') && !(t.fields ?? []).some((f) => f.name === 'id')) {
    keys[t.name] = () => null;
  }
}

// invalidateField drops every cached variant (all arguments) of one field of
// an entity, so the queries that read it refetch.
export function invalidateField(cache: Cache, entity: { __typename: string; id: string }, field: string) {
  const key = cache.keyOfEntity(entity);
  if (!key) return;
  for (const f of cache.inspectFields(key)) {
    if (f.fieldName === field) cache.invalidate(key, f.fieldName, f.arguments ?? undefined);
  }
}

function account(id: unknown) {
  return { __typename: 'Account', id: String(id) };
}

// After a mutation that changes an account's lists, the lists are refetched
// (the mutation payloads carry the changed items, not the new page).
function touchMembers(cache: Cache, accountId: unknown) {
  const a = account(accountId);
  for (const f of ['members', 'technicalContacts', 'billingContacts', 'auditLog', 'invitations']) invalidateField(cache, a, f);
}

function touchInvitations(cache: Cache, accountId: unknown) {
  invalidateField(cache, account(accountId), 'invitations');
  invalidateField(cache, account(accountId), 'auditLog');
}

function touchUsers(cache: Cache) {
  for (const f of cache.inspectFields('Query')) {
    if (f.fieldName === 'users' || f.fieldName === 'deactivationImpact' || f.fieldName === 'auditLog') {
      cache.invalidate('Query', f.fieldName, f.arguments ?? undefined);
    }
  }
}

function touchQuery(cache: Cache, field: string) {
  for (const f of cache.inspectFields('Query')) {
    if (f.fieldName === field) cache.invalidate('Query', f.fieldName, f.arguments ?? undefined);
  }
}

function touchAllAccounts(cache: Cache) {
  for (const f of cache.inspectFields('Query')) {
    if (f.fieldName === 'accounts') cache.invalidate('Query', f.fieldName, f.arguments ?? undefined);
  }
}

type Args = Record<string, unknown>;

// newClient builds the client of one session: a new token gets a new client,
// so nothing one user saw stays in the cache of the next.
export function newClient(token: string | null, onUnauthenticated: () => void): Client {
  const wsURL = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
  const ws = token
    ? createWSClient({
        url: wsURL,
        lazy: true,
        retryAttempts: 20,
        shouldRetry: () => true,
        connectionParams: { Authorization: `Bearer ${token}` },
      })
    : null;
  const exchanges: Exchange[] = [
    cacheExchange({
      schema,
      keys,
      updates: {
        Mutation: {
          deactivateMembers: (_r, a: Args, c) => touchMembers(c, a.accountId),
          activateMembers: (_r, a: Args, c) => touchMembers(c, a.accountId),
          deleteMembers: (_r, a: Args, c) => touchMembers(c, a.accountId),
          detachUser: (_r, a: Args, c) => touchMembers(c, a.accountId),
          changeMemberRole: (_r, a: Args, c) => touchMembers(c, a.accountId),
          transferOwnership: (_r, a: Args, c) => {
            touchMembers(c, a.accountId);
            invalidateField(c, account(a.accountId), 'viewerCan');
            invalidateField(c, account(a.accountId), 'viewerMembership');
          },
          setNotificationRecipients: (_r, a: Args, c) => touchMembers(c, a.accountId),
          inviteUsers: (_r, a: Args, c) => touchInvitations(c, a.accountId),
          resendInvitation: (_r, a: Args, c) => touchInvitations(c, a.accountId),
          revokeInvitation: (_r, a: Args, c) => touchInvitations(c, a.accountId),
          updateAccount: (_r, a: Args, c) => {
            invalidateField(c, account(a.accountId), 'viewerCan');
            invalidateField(c, account(a.accountId), 'auditLog');
            touchAllAccounts(c);
          },
          createAccount: (_r, _a, c) => touchAllAccounts(c),
          sendNotification: (_r, a: Args, c) => invalidateField(c, account(a.accountId), 'notifications'),
          deactivateUser: (_r, _a, c) => touchUsers(c),
          activateUser: (_r, _a, c) => touchUsers(c),
          setMembershipStatuses: (_r, _a, c) => touchUsers(c),
          deactivateUsers: (_r, _a, c) => touchUsers(c),
          activateUsers: (_r, _a, c) => touchUsers(c),
          deleteUsers: (r, _a, c) => {
            const results = (r.deleteUsers as { results?: { userId: string; done: boolean }[] } | null)?.results ?? [];
            for (const x of results) if (x.done) c.invalidate({ __typename: 'User', id: x.userId });
            touchUsers(c);
          },
          createWebhookEndpoint: (_r, _a, c) => touchQuery(c, 'webhookEndpoints'),
          updateWebhookEndpoint: (_r, a: Args, c) => invalidateField(c, { __typename: 'WebhookEndpoint', id: String(a.id) }, 'deliveries'),
          deleteWebhookEndpoint: (_r, a: Args, c) => {
            c.invalidate({ __typename: 'WebhookEndpoint', id: String(a.id) });
            touchQuery(c, 'webhookEndpoints');
          },
          createScimToken: (_r, a: Args, c) => {
            invalidateField(c, account(a.accountId), 'scimTokens');
            invalidateField(c, account(a.accountId), 'auditLog');
          },
          revokeScimToken: (_r, a: Args, c) => invalidateField(c, account(a.accountId), 'auditLog'),
          deleteUser: (r, _a, c) => {
            const id = (r.deleteUser as { deletedUserId?: string } | null)?.deletedUserId;
            if (id) c.invalidate({ __typename: 'User', id });
            touchUsers(c);
          },
        },
      },
    }),
    fetchExchange,
  ];
  if (ws) {
    exchanges.push(
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    );
  }
  return new Client({
    url: '/graphql',
    exchanges,
    requestPolicy: 'cache-and-network',
    fetchOptions: (): RequestInit => (token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      if (token && res.headers.get('WWW-Authenticate')?.includes('invalid_token')) onUnauthenticated();
      return res;
    },
  });
}
