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
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { CombinedError, useMutation, useQuery } from 'urql';
import { Empty, ErrorAlert, Loading, PageTitle, Pager, StatusBadge, label, roleOptions } from '../components/common';
import { refocus, useDialog } from '../components/dialog';
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
            transferOwnership
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
  // The dialogs stay mounted (opened=false closes them) so that focus goes
  // back to the control that opened them; see components/dialog.ts.
  const confirm = useDialog<{ action: BulkAction; members: Member[] }>();
  const results = useDialog<{ action: BulkAction; names: Map<string, string>; payload: Results }>();
  const roleFor = useDialog<Member>();
  const transferTo = useDialog<Member>();
  // Where focus goes when a dialog's opener is gone (a deleted row, a bulk
  // button disabled once the selection is cleared).
  const selectAllRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const focusBack = (from: HTMLElement | null) => refocus(from, selectAllRef.current, searchRef.current);
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
    confirm.close();
    if (err || !payload) {
      // No payload without an error does not happen; say so rather than
      // fail silently if it ever does.
      setBulkError(err ?? new CombinedError({ graphQLErrors: ['The server returned no result.'] }));
      return;
    }
    setSelected(new Set());
    results.open({ action, names: new Map(targets.map((m) => [m.user.id, m.user.name || m.user.email])), payload }, confirm.from.current);
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
            onClick={(e) => confirm.open({ action, members: selectedMembers }, e.currentTarget)}
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
          ref={searchRef}
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
      {data && error && <ErrorAlert error={error} title="The list could not be refreshed" />}
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
                      ref={selectAllRef}
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
                        onAction={(action, from) => confirm.open({ action, members: [m] }, from)}
                        onChangeRole={(from) => roleFor.open(m, from)}
                        onTransfer={(from) => transferTo.open(m, from)}
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

      <ConfirmDialog
        opened={confirm.opened}
        value={confirm.value}
        account={account}
        viewerId={viewer.id}
        running={running}
        onCancel={confirm.close}
        onConfirm={(action, targets) => run(action, targets)}
        onClosed={() => focusBack(confirm.from.current)}
      />
      <ResultsDialog opened={results.opened} value={results.value} onClose={results.close} onClosed={() => focusBack(results.from.current)} />
      <Modal
        opened={roleFor.opened}
        onClose={roleFor.close}
        title={roleFor.value ? `Change the role of ${roleFor.value.user.name}` : ''}
        onExitTransitionEnd={() => focusBack(roleFor.from.current)}
      >
        {roleFor.value && <ChangeRoleForm key={roleFor.value.user.id} account={account} member={roleFor.value} onClose={roleFor.close} />}
      </Modal>
      <Modal opened={transferTo.opened} onClose={transferTo.close} title="Transfer ownership?" onExitTransitionEnd={() => focusBack(transferTo.from.current)}>
        {transferTo.value && <TransferForm key={transferTo.value.user.id} account={account} member={transferTo.value} onClose={transferTo.close} />}
      </Modal>
      <InviteDialog account={account} opened={inviting} onClose={() => setInviting(false)} />
    </Stack>
  );
}

function RowMenu(props: {
  m: Member;
  name: string;
  account: AccountInfo;
  viewerId: string;
  onAction: (a: BulkAction, from: HTMLElement | null) => void;
  onChangeRole: (from: HTMLElement | null) => void;
  onTransfer: (from: HTMLElement | null) => void;
}) {
  const { m, name, account, viewerId } = props;
  // The menu's button: the menu item that opens a dialog is gone once the
  // dialog closes, so focus returns here.
  const target = useRef<HTMLButtonElement>(null);
  const item = (action: BulkAction, allowed: boolean) => (
    <Menu.Item
      key={action}
      disabled={!allowed}
      color={allowed && (action === 'delete' || action === 'detach') ? 'red' : undefined}
      onClick={() => props.onAction(action, target.current)}
    >
      {actionWords[action].verb}
      {!allowed && (
        <Text size="xs" c="dimmed">
          {whyNot(m, account, viewerId, action)}
        </Text>
      )}
    </Menu.Item>
  );
  // Whether the item works comes from the API (viewerCan); the role and
  // statuses only word why not.
  const canTransfer = m.viewerCan.transferOwnership;
  const transferWhy =
    m.role === 'OWNER'
      ? 'Already the Owner.'
      : m.user.status !== 'ACTIVE'
        ? 'Deactivated platform-wide: only an active user can become the Owner.'
        : 'Only an active member can become the Owner.';
  if (!account.viewerCan.manageMembers && !account.viewerCan.transferOwnership) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={`Actions for ${name}`} ref={target}>
          ⋯
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item disabled={!m.viewerCan.changeRole} onClick={() => props.onChangeRole(target.current)}>
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
        {account.viewerCan.transferOwnership && (
          <Menu.Item disabled={!canTransfer} onClick={() => props.onTransfer(target.current)}>
            Transfer ownership
            {!canTransfer && (
              <Text size="xs" c="dimmed">
                {transferWhy}
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
  opened: boolean;
  value: { action: BulkAction; members: Member[] } | null;
  account: AccountInfo;
  viewerId: string;
  running: boolean;
  onCancel: () => void;
  onConfirm: (action: BulkAction, targets: Member[]) => void;
  onClosed: () => void;
}) {
  const { account, viewerId } = props;
  const action = props.value?.action ?? 'deactivate';
  const members = props.value?.members ?? [];
  const w = actionWords[action];
  const targets = members.filter((m) => m.viewerCan[action]);
  const skipped = members.filter((m) => !m.viewerCan[action]);
  const warned = action === 'activate' ? [] : targets.filter((m) => m.onlyActiveRecipientFor.length > 0);
  const title = props.value ? `${w.verb} ${targets.length === 1 ? (targets[0]?.user.name ?? '1 user') : `${targets.length} users`}?` : '';
  return (
    <Modal opened={props.opened} onClose={props.onCancel} title={title} size="lg" onExitTransitionEnd={props.onClosed}>
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
          <Button color={w.color} loading={props.running} disabled={targets.length === 0} onClick={() => props.onConfirm(action, targets)} data-autofocus>
            {w.verb}
            {targets.length > 1 ? ` ${targets.length} users` : ''}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ResultsDialog(props: {
  opened: boolean;
  value: { action: BulkAction; names: Map<string, string>; payload: Results } | null;
  onClose: () => void;
  onClosed: () => void;
}) {
  const { opened, value, onClose, onClosed } = props;
  if (!value)
    return <Modal opened={false} onClose={onClose} />;
  const { action, names, payload } = value;
  const ok = payload.results.filter((r) => !r.error);
  const failed = payload.results.filter((r) => r.error);
  return (
    <Modal opened={opened} onClose={onClose} title={`${actionWords[action].verb}: ${ok.length} done, ${failed.length} refused`} size="lg" onExitTransitionEnd={onClosed}>
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

// ChangeRoleForm is the content of the change-role dialog, mounted afresh
// on each opening.
function ChangeRoleForm({ account, member, onClose }: { account: AccountInfo; member: Member; onClose: () => void }) {
  const [role, setRole] = useState<string>(member.role === 'OWNER' ? 'ADMINISTRATOR' : member.role);
  const [res, change] = useMutation(ChangeRoleDocument);
  return (
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
  );
}

// TransferForm is the content of the transfer-ownership dialog.
function TransferForm({ account, member, onClose }: { account: AccountInfo; member: Member; onClose: () => void }) {
  const [res, transfer] = useMutation(TransferDocument);
  return (
    <Stack>
      <ErrorAlert error={res.error} title="Ownership was not transferred" />
      <Text size="sm">
        {member.user.name} ({member.user.email}) becomes the Owner of {account.name}.{' '}
        {account.viewerMembership?.role === 'OWNER'
          ? 'You become an Administrator and cannot undo this yourself.'
          : 'The current Owner becomes an Administrator.'}
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
  );
}
