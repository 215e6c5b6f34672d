import { Alert, Button, Group, List, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { ErrorAlert, label } from '../components/common';
import { hasCode } from '../errors';
import { graphql } from '../gql';
import type { UserResultsFragment } from '../gql/graphql';

graphql(`
  fragment UserResults on UserResult {
    userId
    done
    user {
      id
      name
      email
      status
    }
    activeIn {
      id
      name
    }
    error {
      code
      message
    }
  }
`);
const DeactivateUsersDocument = graphql(`
  mutation DeactivateUsers($userIds: [ID!]!, $confirm: Boolean!) {
    deactivateUsers(userIds: $userIds, confirm: $confirm) {
      results {
        ...UserResults
      }
      warnings {
        kind
        account {
          id
          name
        }
        users {
          id
          name
          email
        }
      }
    }
  }
`);
const ActivateUsersDocument = graphql(`
  mutation ActivateUsers($userIds: [ID!]!) {
    activateUsers(userIds: $userIds) {
      results {
        ...UserResults
      }
    }
  }
`);
const DeleteUsersDocument = graphql(`
  mutation DeleteUsers($userIds: [ID!]!) {
    deleteUsers(userIds: $userIds) {
      results {
        ...UserResults
      }
    }
  }
`);

// SelectedUser is a row of the explorer the operator ticked.
export type SelectedUser = { id: string; name: string; email: string; status: string };
type Action = 'deactivate' | 'activate' | 'delete';
type Warning = { kind: string; account: { id: string; name: string }; users: { id: string; name: string; email: string }[] };

const words: Record<Action, { verb: string; done: string; color: string }> = {
  deactivate: { verb: 'Deactivate', done: 'Deactivated', color: 'orange' },
  activate: { verb: 'Activate', done: 'Activated', color: 'green' },
  delete: { verb: 'Delete', done: 'Deleted', color: 'red' },
};

function kindWord(kind: string) {
  return kind === 'TECHNICAL' ? 'technical' : 'billing';
}

// eligible says which selected users an action applies to: deactivation to
// ACTIVE users, activation and deletion to INACTIVE ones (the API decides;
// this only counts and words the buttons).
function eligible(action: Action, users: SelectedUser[]) {
  return users.filter((u) => (action === 'deactivate' ? u.status === 'ACTIVE' : u.status === 'INACTIVE'));
}

// BulkUserActions is the explorer's toolbar for the ticked users: platform-wide
// Deactivate (a first call without confirm shows the impact the API reports
// with CONFIRMATION_REQUIRED, then the operator confirms), Activate and Delete
// (asked first: it cannot be undone), each ending in per-user results.
export function BulkUserActions({ selected, onDone }: { selected: SelectedUser[]; onDone: () => void }) {
  const [deactivateRes, deactivate] = useMutation(DeactivateUsersDocument);
  const [activateRes, activate] = useMutation(ActivateUsersDocument);
  const [deleteRes, del] = useMutation(DeleteUsersDocument);
  const [error, setError] = useState<CombinedError | null>(null);
  const [impact, setImpact] = useState<{ users: SelectedUser[]; results: UserResultsFragment[]; warnings: Warning[] } | null>(null);
  const [deleting, setDeleting] = useState<SelectedUser[] | null>(null);
  const [results, setResults] = useState<{ action: Action; names: Map<string, string>; results: UserResultsFragment[]; warnings: Warning[] } | null>(
    null,
  );
  const running = deactivateRes.fetching || activateRes.fetching || deleteRes.fetching;
  const names = (users: SelectedUser[]) => new Map(users.map((u) => [u.id, u.name || u.email]));

  const finish = (action: Action, users: SelectedUser[], res: UserResultsFragment[], warnings: Warning[] = []) => {
    setImpact(null);
    setDeleting(null);
    setResults({ action, names: names(users), results: res, warnings });
    onDone();
  };

  const runDeactivate = async (users: SelectedUser[], confirm: boolean) => {
    setError(null);
    const r = await deactivate({ userIds: users.map((u) => u.id), confirm });
    const payload = r.data?.deactivateUsers;
    if (payload && hasCode(r.error, 'CONFIRMATION_REQUIRED') && !confirm) {
      setImpact({ users, results: payload.results, warnings: payload.warnings });
      return;
    }
    if (!payload || r.error) {
      setImpact(null);
      setError(r.error ?? null);
      return;
    }
    finish('deactivate', users, payload.results, payload.warnings);
  };

  const runActivate = async (users: SelectedUser[]) => {
    setError(null);
    const r = await activate({ userIds: users.map((u) => u.id) });
    if (!r.data) return setError(r.error ?? null);
    finish('activate', users, r.data.activateUsers.results);
  };

  const runDelete = async (users: SelectedUser[]) => {
    setError(null);
    const r = await del({ userIds: users.map((u) => u.id) });
    if (!r.data) {
      setDeleting(null);
      return setError(r.error ?? null);
    }
    finish('delete', users, r.data.deleteUsers.results);
  };

  const button = (action: Action) => {
    const targets = eligible(action, selected);
    const reason =
      selected.length === 0
        ? 'Select users first.'
        : targets.length === 0
          ? action === 'deactivate'
            ? 'None of the selected users is active.'
            : action === 'activate'
              ? 'None of the selected users is inactive.'
              : 'Only inactive users can be deleted: deactivate them first.'
          : undefined;
    return (
      <Tooltip label={reason} disabled={!reason} key={action}>
        <span>
          <Button
            size="xs"
            variant="light"
            color={words[action].color}
            disabled={!!reason || running}
            loading={running && ((action === 'deactivate' && deactivateRes.fetching) || (action === 'activate' && activateRes.fetching))}
            onClick={() => {
              if (action === 'deactivate') void runDeactivate(targets, false);
              else if (action === 'activate') void runActivate(targets);
              else setDeleting(targets);
            }}
          >
            {words[action].verb}
            {targets.length > 0 ? ` (${targets.length})` : ''}
          </Button>
        </span>
      </Tooltip>
    );
  };

  const blocked = impact ? impact.results.filter((r) => r.error && r.error.code !== 'CONFIRMATION_REQUIRED') : [];
  const activeIn = impact ? impact.results.filter((r) => r.activeIn.length > 0) : [];
  const impactNames = impact ? names(impact.users) : new Map<string, string>();

  return (
    <>
      <Group gap="xs" wrap="wrap" role="toolbar" aria-label="Bulk actions">
        <Text size="sm" aria-live="polite">
          {selected.length} selected
        </Text>
        {button('deactivate')}
        {button('activate')}
        {button('delete')}
      </Group>
      <ErrorAlert error={error} title="The action failed" />

      <Modal
        opened={!!impact}
        onClose={() => setImpact(null)}
        title={impact ? `Deactivate ${impact.users.length === 1 ? impact.users[0]?.name : `${impact.users.length} users`} everywhere?` : ''}
        size="lg"
      >
        {impact && (
          <Stack>
            {impact.warnings.length > 0 && (
              <Alert color="orange" title="Notifications will lose their only active recipient" role="alert">
                <List size="sm">
                  {impact.warnings.map((w) => (
                    <List.Item key={w.account.id + w.kind}>
                      {w.account.name}: the {kindWord(w.kind)} list will have no active recipient (now {w.users.map((u) => u.name || u.email).join(', ')}).
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {activeIn.length > 0 && (
              <div>
                <Text size="sm" fw={500}>
                  Active in accounts, which lose a working member:
                </Text>
                <List size="sm" aria-label="Active in">
                  {activeIn.map((r) => (
                    <List.Item key={r.userId}>
                      {impactNames.get(r.userId) ?? r.userId}: {r.activeIn.map((a) => a.name).join(', ')}
                    </List.Item>
                  ))}
                </List>
              </div>
            )}
            {blocked.length > 0 && (
              <div>
                <Text size="sm" fw={500}>
                  Refused:
                </Text>
                <List size="sm">
                  {blocked.map((r) => (
                    <List.Item key={r.userId}>
                      {impactNames.get(r.userId) ?? r.userId}: {r.error?.message}
                    </List.Item>
                  ))}
                </List>
              </div>
            )}
            <Text size="sm">
              They will not be able to sign in anywhere, every session ends and no email goes to them. Their statuses in the accounts are kept.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setImpact(null)}>
                Cancel
              </Button>
              <Button color="orange" loading={deactivateRes.fetching} data-autofocus onClick={() => runDeactivate(impact.users, true)}>
                {impact.users.length > 1 ? `Deactivate ${impact.users.length} users` : 'Deactivate'}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal
        opened={!!deleting}
        onClose={() => setDeleting(null)}
        title={deleting ? `Delete ${deleting.length === 1 ? deleting[0]?.name : `${deleting.length} users`} permanently?` : ''}
        size="lg"
      >
        {deleting && (
          <Stack>
            <Text size="sm">These users and every membership they have are deleted. This cannot be undone.</Text>
            <List size="sm">
              {deleting.map((u) => (
                <List.Item key={u.id}>
                  {u.name} ({u.email})
                </List.Item>
              ))}
            </List>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                Cancel
              </Button>
              <Button color="red" loading={deleteRes.fetching} data-autofocus onClick={() => runDelete(deleting)}>
                {deleting.length > 1 ? `Delete ${deleting.length} users` : 'Delete permanently'}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal
        opened={!!results}
        onClose={() => setResults(null)}
        title={
          results
            ? `${words[results.action].verb}: ${results.results.filter((r) => r.done).length} done, ${results.results.filter((r) => r.error).length} refused`
            : ''
        }
        size="lg"
      >
        {results && (
          <Stack>
            {results.warnings.length > 0 && (
              <Alert color="orange" title="Lists without an active recipient" role="alert">
                <List size="sm">
                  {results.warnings.map((w) => (
                    <List.Item key={w.account.id + w.kind}>
                      The {kindWord(w.kind)} list of {w.account.name} has no active recipient now.
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Table aria-label="Results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>User</Table.Th>
                  <Table.Th>Result</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.results.map((r, i) => (
                  <Table.Tr key={`${r.userId}-${i}`}>
                    <Table.Td>{results.names.get(r.userId) ?? r.userId}</Table.Td>
                    <Table.Td>
                      {r.error ? (
                        <Text size="sm" c="red">
                          {r.error.message}{' '}
                          <Text span size="xs" c="dimmed">
                            ({r.error.code})
                          </Text>
                        </Text>
                      ) : r.done ? (
                        <Text size="sm" c="green.8">
                          {words[results.action].done}
                          {r.user ? `: now ${label(r.user.status)}` : ''}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Nothing to do
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="flex-end">
              <Button onClick={() => setResults(null)} data-autofocus>
                Close
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
