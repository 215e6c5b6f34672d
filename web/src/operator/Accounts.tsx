import { Alert, Anchor, Button, Group, Modal, ScrollArea, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Empty, ErrorAlert, Loading, PageTitle, formatTime } from '../components/common';
import { graphql } from '../gql';
import type { UserDirectory } from '../gql/graphql';
import { useViewer } from '../viewer';

const AccountsDocument = graphql(`
  query OperatorAccounts($search: String, $first: Int!, $after: String) {
    accounts(search: $search, first: $first, after: $after) {
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
          userDirectory
          requireDeactivationBeforeDelete
          createdAt
        }
      }
    }
  }
`);

const CreateAccountDocument = graphql(`
  mutation CreateAccount($name: String!, $ownerEmail: String!, $userDirectory: UserDirectory, $requireDeactivationBeforeDelete: Boolean) {
    createAccount(name: $name, ownerEmail: $ownerEmail, userDirectory: $userDirectory, requireDeactivationBeforeDelete: $requireDeactivationBeforeDelete) {
      account {
        id
        name
      }
      invitation {
        id
        email
      }
    }
  }
`);

function CreateAccountDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [owner, setOwner] = useState('');
  const [dir, setDir] = useState<UserDirectory>('LOCAL');
  const [rule, setRule] = useState(false);
  const [res, create] = useMutation(CreateAccountDocument);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await create({ name, ownerEmail: owner, userDirectory: dir, requireDeactivationBeforeDelete: rule });
  };
  const out = res.data?.createAccount;
  return (
    <Modal opened onClose={onClose} title="Create an account">
      {out ? (
        <Stack>
          <Alert color="green" role="status">
            {out.account.name} is created; {out.invitation.email} is invited as its Owner.
          </Alert>
          <Group justify="flex-end">
            <Button component={Link} to={`/accounts/${out.account.id}/users`} variant="default">
              Open {out.account.name}
            </Button>
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <ErrorAlert error={res.error} title="The account was not created" />
            <TextInput label="Account name" required value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
            <TextInput label="Owner's email" type="email" required value={owner} onChange={(e) => setOwner(e.currentTarget.value)} description="They get an invitation to become the Owner." />
            <Select
              label="User directory"
              data={[
                { value: 'LOCAL', label: 'Local (managed here)' },
                { value: 'EXTERNAL', label: 'External directory' },
              ]}
              value={dir}
              onChange={(v) => v && setDir(v as UserDirectory)}
              allowDeselect={false}
            />
            <Switch label="Require deactivation before delete" checked={rule} onChange={(e) => setRule(e.currentTarget.checked)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={res.fetching}>
                Create account
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

export function OperatorAccountsPage() {
  const viewer = useViewer();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [creating, setCreating] = useState(false);
  const after = cursors[cursors.length - 1] ?? null;
  const [{ data, error, fetching }] = useQuery({ query: AccountsDocument, variables: { search: debounced || null, first: 25, after }, pause: !viewer.isOperator });
  if (!viewer.isOperator) return <Navigate to="/" replace />;
  const conn = data?.accounts;
  return (
    <Stack gap="sm">
      <PageTitle right={<Button onClick={() => setCreating(true)}>Create account</Button>}>Accounts</PageTitle>
      <TextInput
        label="Search"
        placeholder="Account name"
        type="search"
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setCursors([null]);
        }}
        w={{ base: '100%', sm: 300 }}
      />
      {!data && fetching ? (
        <Loading />
      ) : !conn ? (
        <ErrorAlert error={error} title="The accounts cannot be loaded" />
      ) : conn.edges.length === 0 ? (
        <Empty>No account matches.</Empty>
      ) : (
        <ScrollArea type="auto">
          <Table striped verticalSpacing="xs" miw={640} aria-label="Accounts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th>User directory</Table.Th>
                <Table.Th>Deactivate before delete</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Settings</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {conn.edges.map(({ node: a }) => (
                <Table.Tr key={a.id} aria-label={a.name}>
                  <Table.Td>
                    <Anchor component={Link} to={`/accounts/${a.id}/users`} size="sm">
                      {a.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{a.userDirectory === 'EXTERNAL' ? 'External' : 'Local'}</Table.Td>
                  <Table.Td>{a.requireDeactivationBeforeDelete ? 'Required' : 'No'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatTime(a.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/accounts/${a.id}/settings`} size="sm" aria-label={`Settings of ${a.name}`}>
                      Settings
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      {conn && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Page {cursors.length} · {conn.totalCountExact ? conn.totalCount : `${conn.totalCount.toLocaleString()}+`} accounts
          </Text>
          <Group gap="xs">
            <Button variant="default" size="xs" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              Previous page
            </Button>
            <Button variant="default" size="xs" disabled={!conn.pageInfo.hasNextPage} onClick={() => setCursors((c) => [...c, conn.pageInfo.endCursor ?? null])}>
              Next page
            </Button>
          </Group>
        </Group>
      )}
      {creating && <CreateAccountDialog onClose={() => setCreating(false)} />}
    </Stack>
  );
}
