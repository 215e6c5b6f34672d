import { Anchor, Button, Checkbox, Group, ScrollArea, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Empty, ErrorAlert, Loading, PageTitle, StatusBadge, formatTime, label, roleOptions } from '../components/common';
import { graphql } from '../gql';
import type { Role, UserStatus } from '../gql/graphql';
import { useViewer } from '../viewer';
import { BulkUserActions, type SelectedUser } from './BulkUsers';

const UsersDocument = graphql(`
  query ExplorerUsers($filter: UserFilter, $first: Int!, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      totalCount
      totalCountExact
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          email
          status
          isOperator
          lastSignInAt
          memberships {
            role
            status
            account {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const AccountOptionsDocument = graphql(`
  query ExplorerAccountOptions($search: String) {
    accounts(first: 30, search: $search) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

// OperatorUsersPage is the user explorer: every user on the platform, by
// status, account, role and a search, a page at a time (cursor pagination:
// the pages already seen are kept so Previous works).
export function OperatorUsersPage() {
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search, 300);
  const status = (params.get('status') || null) as UserStatus | null;
  const role = (params.get('role') || null) as Role | null;
  const accountId = params.get('account') || null;
  const [accountSearch, setAccountSearch] = useState('');
  const [debouncedAccount] = useDebouncedValue(accountSearch, 250);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [pageSize, setPageSize] = useState(25);
  const after = cursors[cursors.length - 1] ?? null;
  const filter = { status, role, accountId, search: debounced || null };
  const [selected, setSelected] = useState<Map<string, SelectedUser>>(new Map());
  const [{ data, error, fetching }, refetch] = useQuery({ query: UsersDocument, variables: { filter, first: pageSize, after }, pause: !viewer.isOperator });
  const [{ data: accounts }] = useQuery({ query: AccountOptionsDocument, variables: { search: debouncedAccount || null }, pause: !viewer.isOperator });
  if (!viewer.isOperator) return <Navigate to="/" replace />;

  const set = (k: string, v: string | null) => {
    setCursors([null]);
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (v) n.set(k, v);
        else n.delete(k);
        return n;
      },
      { replace: true },
    );
  };
  const conn = data?.users;
  const rows = conn?.edges.map((e) => e.node) ?? [];
  const selectable = rows.filter((u) => u.id !== viewer.id);
  const allSelected = selectable.length > 0 && selectable.every((u) => selected.has(u.id));
  const someSelected = selectable.some((u) => selected.has(u.id));
  const toggle = (u: SelectedUser) =>
    setSelected((s) => {
      const n = new Map(s);
      if (n.has(u.id)) n.delete(u.id);
      else n.set(u.id, u);
      return n;
    });
  // The selection keeps the state each user had when shown; rows refreshed
  // by the cache update it.
  const current = [...selected.values()].map((u) => {
    const row = rows.find((r) => r.id === u.id);
    return row ? { id: row.id, name: row.name, email: row.email, status: row.status } : u;
  });
  const accountOptions = (accounts?.accounts.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.name }));
  if (accountId && !accountOptions.some((o) => o.value === accountId)) accountOptions.unshift({ value: accountId, label: 'Selected account' });

  return (
    <Stack gap="sm">
      <PageTitle>User explorer</PageTitle>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Name or email"
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setCursors([null]);
          }}
          w={{ base: '100%', sm: 240 }}
        />
        <Select
          label="Status"
          data={[
            { value: '', label: 'All statuses' },
            { value: 'ACTIVE', label: 'Active' },
            { value: 'INACTIVE', label: 'Inactive' },
          ]}
          value={status ?? ''}
          onChange={(v) => set('status', v || null)}
          allowDeselect={false}
          w={{ base: '47%', sm: 150 }}
        />
        <Select
          label="Role"
          data={[{ value: '', label: 'Any role' }, ...roleOptions]}
          value={role ?? ''}
          onChange={(v) => set('role', v || null)}
          allowDeselect={false}
          w={{ base: '47%', sm: 170 }}
        />
        <Select
          label="Account"
          placeholder="Any account"
          searchable
          clearable
          searchValue={accountSearch}
          onSearchChange={setAccountSearch}
          filter={({ options }) => options}
          data={accountOptions}
          value={accountId}
          onChange={(v) => set('account', v)}
          w={{ base: '100%', sm: 240 }}
        />
      </Group>
      <BulkUserActions
        selected={current}
        onDone={() => {
          setSelected(new Map());
          refetch({ requestPolicy: 'network-only' });
        }}
      />
      {selected.size > 0 && (
        <Button size="xs" variant="subtle" w="fit-content" onClick={() => setSelected(new Map())}>
          Clear selection
        </Button>
      )}
      {data && error && <ErrorAlert error={error} title="The list could not be refreshed" />}
      {!data && fetching ? (
        <Loading label="Loading users…" />
      ) : !conn ? (
        <ErrorAlert error={error} title="The users cannot be loaded" />
      ) : conn.edges.length === 0 ? (
        <Empty>No user matches these filters.</Empty>
      ) : (
        <ScrollArea type="auto">
          <Table striped highlightOnHover verticalSpacing="xs" miw={760} aria-label="Users">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox
                    aria-label="Select all users on this page"
                    checked={allSelected}
                    indeterminate={someSelected && !allSelected}
                    disabled={selectable.length === 0}
                    onChange={() =>
                      setSelected((s) => {
                        const n = new Map(s);
                        for (const u of selectable) {
                          if (allSelected) n.delete(u.id);
                          else n.set(u.id, { id: u.id, name: u.name, email: u.email, status: u.status });
                        }
                        return n;
                      })
                    }
                  />
                </Table.Th>
                <Table.Th>User</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Accounts</Table.Th>
                <Table.Th>Last sign-in</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {conn.edges.map(({ node: u }) => (
                <Table.Tr key={u.id} aria-label={u.name || u.email}>
                  <Table.Td>
                    <Tooltip label="You cannot do this to yourself." disabled={u.id !== viewer.id} position="right">
                      <span>
                        <Checkbox
                          aria-label={`Select ${u.name || u.email}`}
                          checked={selected.has(u.id)}
                          disabled={u.id === viewer.id}
                          aria-description={u.id === viewer.id ? 'You cannot do this to yourself.' : undefined}
                          onChange={() => toggle({ id: u.id, name: u.name, email: u.email, status: u.status })}
                        />
                      </span>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/operator/users/${u.id}`} size="sm" fw={500}>
                      {u.name || u.email}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {u.email}
                      {u.isOperator ? ' · operator' : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge value={u.status} />
                  </Table.Td>
                  <Table.Td>
                    {u.memberships.length === 0 ? (
                      <Text size="xs" c="dimmed">
                        none
                      </Text>
                    ) : (
                      u.memberships.slice(0, 3).map((m) => (
                        <Text size="xs" key={m.account.id}>
                          {m.account.name}: {label(m.role)}
                          {m.status === 'INACTIVE' ? ' (inactive)' : ''}
                        </Text>
                      ))
                    )}
                    {u.memberships.length > 3 && (
                      <Text size="xs" c="dimmed">
                        and {u.memberships.length - 3} more
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{u.lastSignInAt ? formatTime(u.lastSignInAt) : 'Never'}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      {conn && (
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed">
            Page {cursors.length} · {conn.totalCountExact ? conn.totalCount : `${conn.totalCount.toLocaleString()}+`} users match
          </Text>
          <Group gap="xs">
            <Button variant="default" size="xs" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              Previous page
            </Button>
            <Button
              variant="default"
              size="xs"
              disabled={!conn.pageInfo.hasNextPage}
              onClick={() => setCursors((c) => [...c, conn.pageInfo.endCursor ?? null])}
            >
              Next page
            </Button>
            <Select
              aria-label="Page size"
              size="xs"
              w={110}
              data={['25', '50', '100'].map((v) => ({ value: v, label: `${v} / page` }))}
              value={String(pageSize)}
              onChange={(v) => {
                if (v) {
                  setPageSize(Number(v));
                  setCursors([null]);
                }
              }}
              allowDeselect={false}
            />
          </Group>
        </Group>
      )}
    </Stack>
  );
}
