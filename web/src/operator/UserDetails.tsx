import { Alert, Anchor, Badge, Button, Group, List, Modal, Paper, ScrollArea, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert, Loading, PageTitle, StatusBadge, formatTime, label } from '../components/common';
import { useConfirm } from '../components/confirm';
import { refocus } from '../components/dialog';
import { apiError, hasCode } from '../errors';
import { graphql } from '../gql';
import type { DeactivateUserMutation, MembershipStatus } from '../gql/graphql';
import { useViewer } from '../viewer';

const UserDocument = graphql(`
  query OperatorUser($id: ID!) {
    user(id: $id) {
      id
      name
      email
      status
      isOperator
      lastSignInAt
      createdAt
      memberships {
        role
        status
        since
        account {
          id
          name
          userDirectory
          member(userId: $id) {
            viewerCan {
              activate
              deactivate
            }
          }
        }
      }
    }
    deactivationImpact(userId: $id) {
      kind
      account {
        id
        name
      }
      users {
        id
        name
      }
    }
  }
`);

const DeactivateUserDocument = graphql(`
  mutation DeactivateUser($userId: ID!, $confirm: Boolean!) {
    deactivateUser(userId: $userId, confirm: $confirm) {
      deactivated
      user {
        id
        status
      }
      activeIn {
        id
        name
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
        }
      }
    }
  }
`);
const ActivateUserDocument = graphql(`
  mutation ActivateUser($userId: ID!) {
    activateUser(userId: $userId) {
      user {
        id
        status
      }
    }
  }
`);
const DeleteUserDocument = graphql(`
  mutation DeleteUser($userId: ID!) {
    deleteUser(userId: $userId) {
      deletedUserId
    }
  }
`);
const WelcomeDocument = graphql(`
  mutation SendWelcomeEmail($userId: ID!) {
    sendWelcomeEmail(userId: $userId) {
      ok
    }
  }
`);
const ResetDocument = graphql(`
  mutation SendPasswordResetEmail($userId: ID!) {
    sendPasswordResetEmail(userId: $userId) {
      ok
    }
  }
`);
const RenameDocument = graphql(`
  mutation UpdateUser($userId: ID!, $name: String!) {
    updateUser(userId: $userId, name: $name) {
      user {
        id
        name
      }
    }
  }
`);
const SetMembershipDocument = graphql(`
  mutation SetMembershipStatuses($items: [MembershipRef!]!, $status: MembershipStatus!) {
    setMembershipStatuses(items: $items, status: $status) {
      results {
        accountId
        userId
        error {
          code
          message
        }
        membership {
          status
          role
          account {
            id
          }
        }
      }
    }
  }
`);

type Pending = NonNullable<DeactivateUserMutation['deactivateUser']>;

function kindWord(kind: string) {
  return kind === 'TECHNICAL' ? 'technical' : 'billing';
}

// OperatorUserPage shows one user to an operator: memberships, platform-wide
// status with deactivation (impact first, then confirm), activation, the
// right access email for their sign-in history, and deletion once inactive.
export function OperatorUserPage() {
  const viewer = useViewer();
  const { userId = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, error, fetching }, refetch] = useQuery({ query: UserDocument, variables: { id: userId }, pause: !viewer.isOperator });
  const [deact, deactivate] = useMutation(DeactivateUserDocument);
  const [act, activate] = useMutation(ActivateUserDocument);
  const [delRes, deleteUser] = useMutation(DeleteUserDocument);
  const [welcome, sendWelcome] = useMutation(WelcomeDocument);
  const [reset, sendReset] = useMutation(ResetDocument);
  const [rename, doRename] = useMutation(RenameDocument);
  const [ms, setMembership] = useMutation(SetMembershipDocument);
  const [busyAccount, setBusyAccount] = useState<string | null>(null);
  // The deactivation dialog stays mounted (closed with opened=false) so that
  // focus goes back to the page; pending keeps its content while it closes.
  const [pending, setPending] = useState<Pending | null>(null);
  const [pendingOpen, setPendingOpen] = useState(false);
  const statusButton = useRef<HTMLButtonElement>(null);
  const [name, setName] = useState<string | null>(null);
  const [membershipError, setMembershipError] = useState<{ code: string; message: string } | null>(null);
  const [confirmEl, ask] = useConfirm();

  if (!viewer.isOperator) return <Navigate to="/" replace />;
  if (!data && fetching) return <Loading />;
  if (!data) return <ErrorAlert error={error} title="This user cannot be shown" />;
  const u = data.user;
  const self = u.id === viewer.id;
  const neverSignedIn = !u.lastSignInAt;
  const actionError = deact.error && !hasCode(deact.error, 'CONFIRMATION_REQUIRED') ? deact.error : (act.error ?? delRes.error ?? welcome.error ?? reset.error ?? ms.error);

  const startDeactivate = async () => {
    const r = await deactivate({ userId: u.id, confirm: false });
    if (r.data?.deactivateUser.deactivated) {
      notifications.show({ message: `${u.name} is deactivated platform-wide.` });
      refetch({ requestPolicy: 'network-only' });
    } else if (r.data?.deactivateUser && hasCode(r.error, 'CONFIRMATION_REQUIRED')) {
      setPending(r.data.deactivateUser);
      setPendingOpen(true);
    }
  };

  const changeMembership = async (accountId: string, status: MembershipStatus) => {
    setMembershipError(null);
    setBusyAccount(accountId);
    const r = await setMembership({ items: [{ accountId, userId: u.id }], status });
    setBusyAccount(null);
    const res = r.data?.setMembershipStatuses.results[0];
    if (res?.error) setMembershipError(res.error);
    else if (res) refetch({ requestPolicy: 'network-only' });
    // A refusal of the whole call shows in the action alert (ms.error).
  };

  return (
    <Stack gap="md" maw={900}>
      <Anchor component={Link} to="/operator/users" size="sm">
        ← User explorer
      </Anchor>
      <PageTitle>{u.name || u.email}</PageTitle>
      <Group gap="xs">
        <StatusBadge value={u.status} />
        {u.isOperator && <Badge variant="outline">Operator</Badge>}
        <Text size="sm" c="dimmed">
          {u.email} · created {formatTime(u.createdAt)} · last sign-in {u.lastSignInAt ? formatTime(u.lastSignInAt) : 'never'}
        </Text>
      </Group>
      <ErrorAlert error={actionError} title="The action failed" />

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3} size="h4">
            Status and access
          </Title>
          {u.status === 'ACTIVE' && data.deactivationImpact.length > 0 && (
            <Alert color="orange" title="Deactivating this user silences these lists">
              <List size="sm">
                {data.deactivationImpact.map((w) => (
                  <List.Item key={w.account.id + w.kind}>
                    {w.account.name}: the only active {kindWord(w.kind)} contact
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group gap="xs" wrap="wrap">
            {u.status === 'ACTIVE' ? (
              <Tooltip label="You cannot deactivate yourself." disabled={!self}>
                <span>
                  <Button color="orange" variant="light" disabled={self} loading={deact.fetching} onClick={startDeactivate} ref={statusButton}>
                    Deactivate user
                  </Button>
                </span>
              </Tooltip>
            ) : (
              <Button
                color="green"
                variant="light"
                ref={statusButton}
                loading={act.fetching}
                onClick={async () => {
                  const r = await activate({ userId: u.id });
                  if (r.data) notifications.show({ color: 'green', message: `${u.name} is active again. No email was sent.` });
                }}
              >
                Activate user
              </Button>
            )}
            <Tooltip
              label={u.status === 'INACTIVE' ? 'The user is deactivated: no email goes to them.' : undefined}
              disabled={u.status === 'ACTIVE'}
            >
              <span>
                {neverSignedIn ? (
                  <Button
                    variant="light"
                    disabled={u.status === 'INACTIVE'}
                    loading={welcome.fetching}
                    onClick={async () => {
                      const r = await sendWelcome({ userId: u.id });
                      if (r.data) notifications.show({ color: 'green', message: `Welcome email with a set-password link queued for ${u.email}.` });
                    }}
                  >
                    Send welcome email
                  </Button>
                ) : (
                  <Button
                    variant="light"
                    disabled={u.status === 'INACTIVE'}
                    loading={reset.fetching}
                    onClick={async () => {
                      const r = await sendReset({ userId: u.id });
                      if (r.data) notifications.show({ color: 'green', message: `Password reset email queued for ${u.email}.` });
                    }}
                  >
                    Send password reset email
                  </Button>
                )}
              </span>
            </Tooltip>
            <Tooltip label={u.status === 'ACTIVE' ? 'Deactivate the user first: only an inactive user can be deleted.' : undefined} disabled={u.status !== 'ACTIVE'}>
              <span>
                <Button
                  color="red"
                  variant="light"
                  disabled={u.status === 'ACTIVE' || self}
                  loading={delRes.fetching}
                  onClick={async () => {
                    const ok = await ask({
                      title: `Delete ${u.name} permanently?`,
                      body: `${u.email} and every membership are deleted. This cannot be undone.`,
                      confirm: 'Delete permanently',
                    });
                    if (!ok) return;
                    const r = await deleteUser({ userId: u.id });
                    if (r.data) {
                      notifications.show({ message: `${u.email} was deleted.` });
                      navigate('/operator/users');
                    }
                  }}
                >
                  Delete user
                </Button>
              </span>
            </Tooltip>
          </Group>
          <Text size="xs" c="dimmed">
            {neverSignedIn
              ? 'Never signed in: a welcome email lets them set a password.'
              : 'Has signed in before: a password reset email lets them choose a new password.'}
          </Text>
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await doRename({ userId: u.id, name: name ?? u.name });
            if (r.data) {
              setName(null);
              notifications.show({ color: 'green', message: 'Name saved.' });
            }
          }}
        >
          <Stack gap="xs">
            <Title order={3} size="h4">
              Name
            </Title>
            <ErrorAlert error={rename.error} />
            <Group align="flex-end">
              <TextInput label="Name" value={name ?? u.name} onChange={(e) => setName(e.currentTarget.value)} required w={{ base: '100%', sm: 320 }} />
              <Button type="submit" variant="light" loading={rename.fetching} disabled={name === null || name === u.name}>
                Rename
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3} size="h4">
            Memberships
          </Title>
          <ErrorAlert error={membershipError} title="The membership was not changed" />
          {u.memberships.length === 0 ? (
            <Text size="sm" c="dimmed">
              Not a member of any account.
            </Text>
          ) : (
            <ScrollArea type="auto">
              <Table verticalSpacing="xs" miw={560} aria-label="Memberships">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Account</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Since</Table.Th>
                    <Table.Th>Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {u.memberships.map((m) => {
                    // Whether the button works comes from the API (the
                    // member's viewerCan); the role and statuses only word why not.
                    const next: MembershipStatus = m.status === 'ACTIVE' ? 'INACTIVE' : 'ACTIVE';
                    const can = m.account.member?.viewerCan;
                    const allowed = !!(next === 'INACTIVE' ? can?.deactivate : can?.activate);
                    const why = allowed
                      ? undefined
                      : m.role === 'OWNER'
                        ? 'The Owner is protected: transfer ownership first.'
                        : self
                          ? 'You cannot do this to yourself.'
                          : m.account.userDirectory === 'EXTERNAL'
                            ? "This account's users are managed in its external directory."
                            : u.status === 'INACTIVE'
                              ? 'The user is deactivated platform-wide: activate them first.'
                              : 'Not allowed for this membership.';
                    return (
                      <Table.Tr key={m.account.id} aria-label={m.account.name}>
                        <Table.Td>
                          <Anchor component={Link} to={`/accounts/${m.account.id}/users`} size="sm">
                            {m.account.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{label(m.role)}</Table.Td>
                        <Table.Td>
                          <StatusBadge value={m.status} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatTime(m.since)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Tooltip label={why} disabled={!why}>
                            <span>
                              <Button
                                size="xs"
                                variant="subtle"
                                disabled={!allowed}
                                loading={ms.fetching && busyAccount === m.account.id}
                                aria-label={`${next === 'INACTIVE' ? 'Deactivate' : 'Activate'} in ${m.account.name}`}
                                aria-description={why}
                                onClick={() => changeMembership(m.account.id, next)}
                              >
                                {next === 'INACTIVE' ? 'Deactivate here' : 'Activate here'}
                              </Button>
                            </span>
                          </Tooltip>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          )}
        </Stack>
      </Paper>

      <Modal
        opened={pendingOpen}
        onClose={() => setPendingOpen(false)}
        title={`Deactivate ${u.name} everywhere?`}
        size="lg"
        onExitTransitionEnd={() => refocus(statusButton.current)}
      >
        {pending && (
          <Stack>
            {pending.warnings.length > 0 && (
              <Alert color="orange" title="Notifications will lose their only active recipient" role="alert">
                <List size="sm">
                  {pending.warnings.map((w) => (
                    <List.Item key={w.account.id + w.kind}>
                      {w.account.name}: the {kindWord(w.kind)} list will have no active recipient.
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {pending.activeIn.length > 0 && (
              <div>
                <Text size="sm" fw={500}>
                  Active in {pending.activeIn.length} account{pending.activeIn.length > 1 ? 's' : ''}, which lose a working member:
                </Text>
                <List size="sm">
                  {pending.activeIn.map((a) => (
                    <List.Item key={a.id}>{a.name}</List.Item>
                  ))}
                </List>
              </div>
            )}
            <Text size="sm">
              {u.name} will not be able to sign in anywhere, every session ends and no email goes to them. Their statuses in the accounts are kept.
            </Text>
            <ErrorAlert error={deact.error && !hasCode(deact.error, 'CONFIRMATION_REQUIRED') ? deact.error : null} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPendingOpen(false)}>
                Cancel
              </Button>
              <Button
                color="orange"
                loading={deact.fetching}
                data-autofocus
                onClick={async () => {
                  const r = await deactivate({ userId: u.id, confirm: true });
                  if (r.data?.deactivateUser.deactivated) {
                    setPendingOpen(false);
                    notifications.show({ message: `${u.name} is deactivated platform-wide.` });
                    refetch({ requestPolicy: 'network-only' });
                  } else if (r.error) {
                    notifications.show({ color: 'red', message: apiError(r.error)?.message ?? 'Failed' });
                  }
                }}
              >
                Deactivate
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      {confirmEl}
    </Stack>
  );
}
