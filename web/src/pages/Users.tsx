import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Menu,
  Modal,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { Empty, ErrorAlert, Loading, PageTitle, Pager, StatusBadge, label, roleOptions } from '../components/common';
import { graphql } from '../gql';
import type { MemberResultsFragment, MembersQuery, MembershipStatus, Role } from '../gql/graphql';
import { useAccountChanges } from '../live';
import { useViewer } from '../viewer';
import type { AccountInfo } from './Account';
import { InviteDialog } from './InviteDialog';

const MembersDocument = graphql(`
  query Members($accountId: ID!, $page: Int!, $pageSize: Int!, $filter: MemberFilter) {
    account(id: $accountId) {
      id
      members(page: $page, pageSize: $pageSize, filter: $filter) {
        totalCount
        page
        pageCount
        items {
          role
          status
          accountStatus
          inactiveReason
          since
          onlyActiveRecipientFor
          user {
            id
            name
            email
            status
            lastSignInAt
          }
          viewerCan {
            deactivate
            activate
            delete
            detach
            changeRole
          }
        }
      }
    }
  }
`);


const DeactivateDocument = graphql(`
  mutation DeactivateMembers($accountId: ID!, $userIds: [ID!]!) {
    deactivateMembers(accountId: $accountId, userIds: $userIds) {
      ...MemberResults
    }
  }
`);
const ActivateDocument = graphql(`
  mutation ActivateMembers($accountId: ID!, $userIds: [ID!]!) {
    activateMembers(accountId: $accountId, userIds: $userIds) {
      ...MemberResults
    }
  }
`);
const DeleteDocument = graphql(`
  mutation DeleteMembers($accountId: ID!, $userIds: [ID!]!) {
    deleteMembers(accountId: $accountId, userIds: $userIds) {
      ...MemberResults
    }
  }
`);
const DetachDocument = graphql(`
  mutation DetachUser($accountId: ID!, $userId: ID!) {
    detachUser(accountId: $accountId, userId: $userId) {
      ...MemberResults
    }
  }
`);
graphql(`
  fragment MemberResults on MemberResultsPayload {
    totalCount
    results {
      userId
      removed
      error {
        code
        message
      }
      member {
        role
        status
        user {
          id
          name
        }
      }
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
`);
const ChangeRoleDocument = graphql(`
  mutation ChangeMemberRole($accountId: ID!, $userId: ID!, $role: Role!) {
    changeMemberRole(accountId: $accountId, userId: $userId, role: $role) {
      member {
        role
        user {
          id
        }
      }
    }
  }
`);
const TransferDocument = graphql(`
  mutation TransferOwnership($accountId: ID!, $toUserId: ID!) {
    transferOwnership(accountId: $accountId, toUserId: $toUserId) {
      owner {
        user {
          id
          name
        }
      }
      previousOwner {
        user {
          id
          name
        }
      }
    }
  }
`);

type Member = MembersQuery['account']['members']['items'][number];
type BulkAction = 'deactivate' | 'activate' | 'delete' | 'detach';
type Results = MemberResultsFragment;

const actionWords: Record<BulkAction, { verb: string; done: string; button: string; color: string }> = {
  deactivate: { verb: 'Deactivate', done: 'Deactivated', button: 'Deactivate', color: 'orange' },
  activate: { verb: 'Activate', done: 'Activated', button: 'Activate', color: 'green' },
  delete: { verb: 'Delete', done: 'Deleted', button: 'Delete', color: 'red' },
  detach: { verb: 'Detach', done: 'Detached', button: 'Detach', color: 'red' },
};

// whyNot explains a greyed-out control; whether it is greyed out comes from
// the API (viewerCan), this only words the likely reason.
function whyNot(m: Member, account: AccountInfo, viewerId: string, action: BulkAction | 'changeRole' | 'select'): string {
  if (!account.viewerCan.manageMembers) return 'Your role in this account cannot manage users.';
  if (m.user.id === viewerId) return 'You cannot do this to yourself.';
  if (m.role === 'OWNER') return 'The Owner is protected: transfer ownership first.';
  if (account.userDirectory === 'EXTERNAL' && action !== 'changeRole') return "This account's users are managed in its external directory.";
  const platform = m.inactiveReason === 'PLATFORM' || m.inactiveReason === 'ACCOUNT_AND_PLATFORM';
  if (platform && (action === 'activate' || action === 'deactivate'))
    return 'The user is deactivated platform-wide; a platform operator must activate them first.';
  if (action === 'activate' && m.accountStatus === 'ACTIVE') return 'Already active.';
  if (action === 'deactivate' && m.accountStatus === 'INACTIVE') return 'Already inactive.';
  if ((action === 'delete' || action === 'detach') && account.requireDeactivationBeforeDelete && m.accountStatus === 'ACTIVE')
    return 'This account requires deactivating a member before deleting them.';
  return 'Not allowed for this member.';
}

// inactiveWords says why a member is INACTIVE (Member.inactiveReason).
export const inactiveWords: Record<string, string> = {
  ACCOUNT: 'deactivated in this account',
  PLATFORM: 'deactivated platform-wide',
  ACCOUNT_AND_PLATFORM: 'deactivated in this account and platform-wide',
};

// MemberStatus is the effective status with, when inactive, the reason:
// "Inactive — deactivated platform-wide".
function MemberStatus({ m }: { m: Member }) {
  if (m.status === 'ACTIVE' || !m.inactiveReason) return <StatusBadge value={m.status} />;
  return (
    <Group gap={4} wrap="nowrap">
      <StatusBadge value={m.status} />
      {m.inactiveReason !== 'ACCOUNT' && (
        <Text span size="xs" c="dimmed">
          {` — ${inactiveWords[m.inactiveReason]}`}
        </Text>
      )}
    </Group>
  );
}

function canSelect(m: Member) {
  return m.viewerCan.deactivate || m.viewerCan.activate || m.viewerCan.delete;
}

function kindWord(kind: string) {
  return kind === 'TECHNICAL' ? 'technical' : 'billing';
}

export function UsersTab({ account }: { account: AccountInfo }) {
  const viewer = useViewer();
  const narrow = useMediaQuery('(max-width: 48em)');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Number(params.get('size')) || 10;
  const status = (params.get('status') as MembershipStatus | null) || null;
  const role = (params.get('role') as Role | null) || null;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search, 300);
  const setParam = useCallback(
    (changes: Record<string, string | null>) => {
      setParams(
        (p) => {
          const n = new URLSearchParams(p);
          for (const [k, v] of Object.entries(changes)) {
            if (v) n.set(k, v);
            else n.delete(k);
          }
          return n;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced) setParam({ q: debounced || null, page: null });
    // Only a new search moves the URL; params changes come from it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  const filter = useMemo(() => ({ status, role, search: debounced || null }), [status, role, debounced]);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: MembersDocument,
    variables: { accountId: account.id, page, pageSize, filter },
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirm, setConfirm] = useState<{ action: BulkAction; members: Member[] } | null>(null);
  const [results, setResults] = useState<{ action: BulkAction; names: Map<string, string>; payload: Results } | null>(null);
  const [roleFor, setRoleFor] = useState<Member | null>(null);
  const [transferTo, setTransferTo] = useState<Member | null>(null);
  const [inviting, setInviting] = useState(false);
  const [liveNote, setLiveNote] = useState<string | null>(null);

  const live = useAccountChanges(account.id, (events) => {
    if (events.some((e) => e.kind === 'MEMBERS_CHANGED' || e.kind === 'RESYNC' || e.kind === 'RECIPIENTS_CHANGED')) {
      refetch({ requestPolicy: 'network-only' });
      setLiveNote(`List updated ${new Date().toLocaleTimeString()}`);
    }
  });

  const members = data?.account.members;
  const items = members?.items ?? [];
  const byId = new Map(items.map((m) => [m.user.id, m]));
  const selectedMembers = [...selected].map((id) => byId.get(id)).filter((m): m is Member => !!m);
  const selectable = items.filter(canSelect);
  const allSelected = selectable.length > 0 && selectable.every((m) => selected.has(m.user.id));
  const someSelected = selectable.some((m) => selected.has(m.user.id));

  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const [deactivateRes, deactivate] = useMutation(DeactivateDocument);
  const [activateRes, activate] = useMutation(ActivateDocument);
  const [deleteRes, del] = useMutation(DeleteDocument);
  const [detachRes, detach] = useMutation(DetachDocument);
  const [bulkError, setBulkError] = useState<CombinedError | null>(null);
  const running = deactivateRes.fetching || activateRes.fetching || deleteRes.fetching || detachRes.fetching;

  const run = async (action: BulkAction, targets: Member[]) => {
    const accountId = account.id;
    const userIds = targets.map((m) => m.user.id);
    setBulkError(null);
    let payload: Results | undefined;
    let err: CombinedError | undefined;
    if (action === 'deactivate') {
      const r = await deactivate({ accountId, userIds });
      payload = r.data?.deactivateMembers;
      err = r.error;
    } else if (action === 'activate') {
      const r = await activate({ accountId, userIds });
      payload = r.data?.activateMembers;
      err = r.error;
    } else if (action === 'delete') {
      const r = await del({ accountId, userIds });
      payload = r.data?.deleteMembers;
      err = r.error;
    } else {
      const r = await detach({ accountId, userId: userIds[0] ?? '' });
      payload = r.data?.detachUser;
      err = r.error;
    }
    setConfirm(null);
    if (err || !payload) {
      setBulkError(err ?? null);
      return;
    }
    setSelected(new Set());
    setResults({ action, names: new Map(targets.map((m) => [m.user.id, m.user.name || m.user.email])), payload });
    refetch({ requestPolicy: 'network-only' });
  };

  const bulkButton = (action: 'deactivate' | 'activate' | 'delete') => {
    const eligible = selectedMembers.filter((m) => m.viewerCan[action]);
    const disabled = selectedMembers.length === 0 || eligible.length === 0;
    const reason =
      selectedMembers.length === 0 ? 'Select users first.' : eligible.length === 0 ? `None of the selected users can be ${action}d.` : undefined;
    return (
      <Tooltip label={reason} disabled={!reason} key={action}>
        <span>
          <Button
            size="xs"
            variant="light"
            color={actionWords[action].color}
            disabled={disabled}
            onClick={() => setConfirm({ action, members: selectedMembers })}
            aria-describedby={reason ? undefined : 'selection-count'}
          >
            {actionWords[action].button}
            {eligible.length > 0 ? ` (${eligible.length})` : ''}
          </Button>
        </span>
      </Tooltip>
    );
  };

  const inviteDisabledReason = !account.viewerCan.invite
    ? account.userDirectory === 'EXTERNAL'
      ? "This account's users come from its external directory."
      : 'Your role in this account cannot invite users.'
    : undefined;

  return (
    <Stack gap="sm">
      <PageTitle
        right={
          <Tooltip label={inviteDisabledReason} disabled={!inviteDisabledReason}>
            <span>
              <Button onClick={() => setInviting(true)} disabled={!!inviteDisabledReason}>
                Invite users
              </Button>
            </span>
          </Tooltip>
        }
      >
        Users
      </PageTitle>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Name or email"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 260 }}
          type="search"
        />
        <Select
          label="Status"
          data={[
            { value: '', label: 'All statuses' },
            { value: 'ACTIVE', label: 'Active' },
            { value: 'INACTIVE', label: 'Inactive' },
          ]}
          value={status ?? ''}
          onChange={(v) => setParam({ status: v || null, page: null })}
          allowDeselect={false}
          w={{ base: '47%', sm: 160 }}
        />
        <Select
          label="Role"
          data={[{ value: '', label: 'All roles' }, ...roleOptions]}
          value={role ?? ''}
          onChange={(v) => setParam({ role: v || null, page: null })}
          allowDeselect={false}
          w={{ base: '47%', sm: 180 }}
        />
      </Group>

      {account.viewerCan.manageMembers && (
        <Group gap="xs" wrap="wrap" role="toolbar" aria-label="Bulk actions">
          <Text size="sm" id="selection-count" aria-live="polite">
            {selectedMembers.length} selected
          </Text>
          {bulkButton('deactivate')}
          {bulkButton('activate')}
          {bulkButton('delete')}
          {selectedMembers.length > 0 && (
            <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
              Clear selection
            </Button>
          )}
        </Group>
      )}

      <ErrorAlert error={bulkError} title="The action failed" />
      {live.error && (
        <Alert color="yellow" title="Live updates stopped">
          {live.error.graphQLErrors[0]?.message ?? live.error.message} Reload the page to see changes.
        </Alert>
      )}
      <Text size="xs" c="dimmed" aria-live="polite">
        {liveNote ?? ''}
      </Text>

      {!data && fetching ? (
        <Loading label="Loading users…" />
      ) : !data ? (
        <ErrorAlert error={error} title="The users cannot be loaded" />
      ) : items.length === 0 ? (
        <Empty>{filter.search || filter.status || filter.role ? 'No user matches these filters.' : 'This account has no users yet.'}</Empty>
      ) : (
        <ScrollArea type="auto">
          <Table striped highlightOnHover verticalSpacing="xs" miw={narrow ? 0 : 760} aria-label="Users">
            <Table.Thead>
              <Table.Tr>
                {account.viewerCan.manageMembers && (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label="Select all users on this page"
                      checked={allSelected}
                      indeterminate={someSelected && !allSelected}
                      disabled={selectable.length === 0}
                      onChange={() =>
                        setSelected((s) => {
                          const n = new Set(s);
                          for (const m of selectable) {
                            if (allSelected) n.delete(m.user.id);
                            else n.add(m.user.id);
                          }
                          return n;
                        })
                      }
                    />
                  </Table.Th>
                )}
                <Table.Th>User</Table.Th>
                {!narrow && <Table.Th>Role</Table.Th>}
                <Table.Th>Status</Table.Th>
                <Table.Th w={50}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => {
                const name = m.user.name || m.user.email;
                const selectableRow = canSelect(m);
                return (
                  <Table.Tr key={m.user.id} aria-label={name}>
                    {account.viewerCan.manageMembers && (
                      <Table.Td>
                        <Tooltip label={whyNot(m, account, viewer.id, 'select')} disabled={selectableRow} position="right">
                          <span>
                            <Checkbox
                              aria-label={`Select ${name}`}
                              checked={selected.has(m.user.id)}
                              disabled={!selectableRow}
                              onChange={() => toggle(m.user.id)}
                              aria-description={selectableRow ? undefined : whyNot(m, account, viewer.id, 'select')}
                            />
                          </span>
                        </Tooltip>
                      </Table.Td>
                    )}
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {m.user.name}
                        {m.user.id === viewer.id && (
                          <Badge size="xs" ml={6} variant="outline">
                            You
                          </Badge>
                        )}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {m.user.email}
                      </Text>
                      {narrow && (
                        <Text size="xs" c="dimmed">
                          {label(m.role)}
                        </Text>
                      )}
                      {m.onlyActiveRecipientFor.length > 0 && (
                        <Text size="xs" c="orange.8">
                          Only active {m.onlyActiveRecipientFor.map(kindWord).join(' and ')} contact
                        </Text>
                      )}
                    </Table.Td>
                    {!narrow && <Table.Td>{label(m.role)}</Table.Td>}
                    <Table.Td>
                      <MemberStatus m={m} />
                    </Table.Td>
                    <Table.Td>
                      <RowMenu
                        m={m}
                        name={name}
                        account={account}
                        viewerId={viewer.id}
                        onAction={(action) => setConfirm({ action, members: [m] })}
                        onChangeRole={() => setRoleFor(m)}
                        onTransfer={() => setTransferTo(m)}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      {members && (
        <Pager
          page={members.page}
          pageCount={members.pageCount}
          pageSize={pageSize}
          totalCount={members.totalCount}
          onPage={(p) => setParam({ page: p === 1 ? null : String(p) })}
          onPageSize={(s) => setParam({ size: s === 10 ? null : String(s), page: null })}
        />
      )}

      {confirm && (
        <ConfirmDialog
          action={confirm.action}
          members={confirm.members}
          account={account}
          viewerId={viewer.id}
          running={running}
          onCancel={() => setConfirm(null)}
          onConfirm={(targets) => run(confirm.action, targets)}
        />
      )}
      {results && <ResultsDialog {...results} onClose={() => setResults(null)} />}
      {roleFor && <ChangeRoleDialog account={account} member={roleFor} onClose={() => setRoleFor(null)} />}
      {transferTo && <TransferDialog account={account} member={transferTo} onClose={() => setTransferTo(null)} />}
      <InviteDialog account={account} opened={inviting} onClose={() => setInviting(false)} />
    </Stack>
  );
}

function RowMenu(props: {
  m: Member;
  name: string;
  account: AccountInfo;
  viewerId: string;
  onAction: (a: BulkAction) => void;
  onChangeRole: () => void;
  onTransfer: () => void;
}) {
  const { m, name, account, viewerId } = props;
  const item = (action: BulkAction, allowed: boolean) => (
    <Menu.Item
      key={action}
      disabled={!allowed}
      color={allowed && (action === 'delete' || action === 'detach') ? 'red' : undefined}
      onClick={() => props.onAction(action)}
    >
      {actionWords[action].verb}
      {!allowed && (
        <Text size="xs" c="dimmed">
          {whyNot(m, account, viewerId, action)}
        </Text>
      )}
    </Menu.Item>
  );
  const canTransfer = account.viewerCan.transferOwnership && m.role !== 'OWNER' && m.status === 'ACTIVE' && m.user.status === 'ACTIVE';
  if (!account.viewerCan.manageMembers && !account.viewerCan.transferOwnership) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={`Actions for ${name}`}>
          ⋯
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item disabled={!m.viewerCan.changeRole} onClick={props.onChangeRole}>
          Change role
          {!m.viewerCan.changeRole && (
            <Text size="xs" c="dimmed">
              {whyNot(m, account, viewerId, 'changeRole')}
            </Text>
          )}
        </Menu.Item>
        {item('deactivate', m.viewerCan.deactivate)}
        {item('activate', m.viewerCan.activate)}
        {item('delete', m.viewerCan.delete)}
        {item('detach', m.viewerCan.detach)}
        {account.viewerCan.transferOwnership && m.role !== 'OWNER' && (
          <Menu.Item disabled={!canTransfer} onClick={props.onTransfer}>
            Transfer ownership
            {!canTransfer && (
              <Text size="xs" c="dimmed">
                Only an active member can become the Owner.
              </Text>
            )}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

// ConfirmDialog lists, first, the notification lists the action leaves
// without an active recipient, then who is acted on and who is skipped.
function ConfirmDialog(props: {
  action: BulkAction;
  members: Member[];
  account: AccountInfo;
  viewerId: string;
  running: boolean;
  onCancel: () => void;
  onConfirm: (targets: Member[]) => void;
}) {
  const { action, members, account, viewerId } = props;
  const w = actionWords[action];
  const targets = members.filter((m) => m.viewerCan[action]);
  const skipped = members.filter((m) => !m.viewerCan[action]);
  const warned = action === 'activate' ? [] : targets.filter((m) => m.onlyActiveRecipientFor.length > 0);
  const title = `${w.verb} ${targets.length === 1 ? (targets[0]?.user.name ?? '1 user') : `${targets.length} users`}?`;
  return (
    <Modal opened onClose={props.onCancel} title={title} size="lg">
      <Stack>
        {warned.length > 0 && (
          <Alert color="orange" title="Notifications will lose their only active recipient" role="alert">
            <List size="sm">
              {warned.map((m) => (
                <List.Item key={m.user.id}>
                  {m.user.name} ({m.user.email}) is the only active {m.onlyActiveRecipientFor.map(kindWord).join(' and ')} contact
                  {action === 'deactivate'
                    ? ': those notifications will reach nobody until another active contact is set.'
                    : ': the Owner takes their place on the list.'}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {action === 'detach' && (
          <Text size="sm">
            Detaching removes the user from {account.name} and permanently deletes their service credentials (mailboxes, API keys …) in it. This cannot be
            undone.
          </Text>
        )}
        {action === 'delete' && <Text size="sm">Deleted users leave {account.name}; they come back only through a new invitation.</Text>}
        {action === 'deactivate' && <Text size="sm">Deactivated users stay listed but lose access at once and get no notifications.</Text>}
        {targets.length > 0 && (
          <div>
            <Text size="sm" fw={500}>
              {w.verb}:
            </Text>
            <List size="sm">
              {targets.map((m) => (
                <List.Item key={m.user.id}>
                  {m.user.name} ({m.user.email})
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {skipped.length > 0 && (
          <div>
            <Text size="sm" fw={500}>
              Skipped:
            </Text>
            <List size="sm">
              {skipped.map((m) => (
                <List.Item key={m.user.id}>
                  {m.user.name}: {whyNot(m, account, viewerId, action)}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button color={w.color} loading={props.running} disabled={targets.length === 0} onClick={() => props.onConfirm(targets)} data-autofocus>
            {w.verb}
            {targets.length > 1 ? ` ${targets.length} users` : ''}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ResultsDialog({ action, names, payload, onClose }: { action: BulkAction; names: Map<string, string>; payload: Results; onClose: () => void }) {
  const ok = payload.results.filter((r) => !r.error);
  const failed = payload.results.filter((r) => r.error);
  return (
    <Modal opened onClose={onClose} title={`${actionWords[action].verb}: ${ok.length} done, ${failed.length} refused`} size="lg">
      <Stack>
        {payload.warnings.length > 0 && (
          <Alert color="orange" title="Lists without an active recipient" role="alert">
            <List size="sm">
              {payload.warnings.map((w) => (
                <List.Item key={w.account.id + w.kind}>
                  The {kindWord(w.kind)} list of {w.account.name} has no active recipient now (was: {w.users.map((u) => u.name || u.email).join(', ')}).
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
            {payload.results.map((r) => (
              <Table.Tr key={r.userId}>
                <Table.Td>{names.get(r.userId) ?? r.userId}</Table.Td>
                <Table.Td>
                  {r.error ? (
                    <Text size="sm" c="red">
                      {r.error.message} <Text span size="xs" c="dimmed">({r.error.code})</Text>
                    </Text>
                  ) : (
                    <Text size="sm" c="green.8">
                      {r.removed ? 'Removed' : r.member ? `${actionWords[action].done}: now ${label(r.member.status)}` : actionWords[action].done}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            Close
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ChangeRoleDialog({ account, member, onClose }: { account: AccountInfo; member: Member; onClose: () => void }) {
  const [role, setRole] = useState<string>(member.role === 'OWNER' ? 'ADMINISTRATOR' : member.role);
  const [res, change] = useMutation(ChangeRoleDocument);
  return (
    <Modal opened onClose={onClose} title={`Change the role of ${member.user.name}`}>
      <Stack>
        <ErrorAlert error={res.error} title="The role was not changed" />
        <Select
          label="New role"
          data={roleOptions.filter((o) => o.value !== 'OWNER')}
          value={role}
          onChange={(v) => v && setRole(v)}
          allowDeselect={false}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={res.fetching}
            onClick={async () => {
              const r = await change({ accountId: account.id, userId: member.user.id, role: role as Role });
              if (r.data) {
                notifications.show({ color: 'green', message: `${member.user.name} is now ${label(role)}.` });
                onClose();
              }
            }}
          >
            Change role
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function TransferDialog({ account, member, onClose }: { account: AccountInfo; member: Member; onClose: () => void }) {
  const [res, transfer] = useMutation(TransferDocument);
  return (
    <Modal opened onClose={onClose} title="Transfer ownership?">
      <Stack>
        <ErrorAlert error={res.error} title="Ownership was not transferred" />
        <Text size="sm">
          {member.user.name} ({member.user.email}) becomes the Owner of {account.name}. You become an Administrator and cannot undo this yourself.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={res.fetching}
            onClick={async () => {
              const r = await transfer({ accountId: account.id, toUserId: member.user.id });
              if (r.data) {
                notifications.show({ color: 'green', message: `${member.user.name} is now the Owner.` });
                onClose();
              }
            }}
          >
            Transfer ownership
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
