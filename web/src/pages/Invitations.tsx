import { Button, Group, ScrollArea, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Empty, ErrorAlert, Loading, PageTitle, StatusBadge, formatTime, label } from '../components/common';
import { graphql } from '../gql';
import type { InvitationStatus, InvitationsQuery } from '../gql/graphql';
import { useAccountChanges } from '../live';
import { useConfirm } from '../components/confirm';
import type { AccountInfo } from './Account';
import { InviteDialog } from './InviteDialog';

const InvitationsDocument = graphql(`
  query Invitations($accountId: ID!, $status: InvitationStatus, $first: Int!) {
    account(id: $accountId) {
      id
      invitations(status: $status, first: $first) {
        totalCount
        pageInfo {
          hasNextPage
        }
        edges {
          node {
            id
            email
            role
            status
            expired
            expiresAt
            createdAt
            inviterName
            delivery {
              state
              attempts
              lastError
              deliveredAt
            }
          }
        }
      }
    }
  }
`);

const ResendDocument = graphql(`
  mutation ResendInvitation($accountId: ID!, $invitationId: ID!) {
    resendInvitation(accountId: $accountId, invitationId: $invitationId) {
      invitation {
        id
        status
        expired
        expiresAt
        delivery {
          state
          attempts
          lastError
          deliveredAt
        }
      }
    }
  }
`);

const RevokeDocument = graphql(`
  mutation RevokeInvitation($accountId: ID!, $invitationId: ID!) {
    revokeInvitation(accountId: $accountId, invitationId: $invitationId) {
      invitation {
        id
        status
      }
    }
  }
`);

type Invitation = InvitationsQuery['account']['invitations']['edges'][number]['node'];

function Delivery({ d }: { d: Invitation['delivery'] }) {
  return (
    <Stack gap={2}>
      <Group gap={4}>
        <StatusBadge value={d.state} />
        {d.state === 'RETRYING' && (
          <Text size="xs" c="dimmed">
            attempt {d.attempts}
          </Text>
        )}
      </Group>
      {d.lastError && (d.state === 'RETRYING' || d.state === 'FAILED') && (
        <Text size="xs" c="red" maw={260} style={{ wordBreak: 'break-word' }}>
          {d.lastError}
        </Text>
      )}
      {d.deliveredAt && (
        <Text size="xs" c="dimmed">
          {formatTime(d.deliveredAt)}
        </Text>
      )}
    </Stack>
  );
}

export function InvitationsTab({ account }: { account: AccountInfo }) {
  const [status, setStatus] = useState<InvitationStatus | null>(null);
  const [first, setFirst] = useState(20);
  const [{ data, error, fetching }, refetch] = useQuery({ query: InvitationsDocument, variables: { accountId: account.id, status, first } });
  const [resendRes, resend] = useMutation(ResendDocument);
  const [revokeRes, revoke] = useMutation(RevokeDocument);
  const [inviting, setInviting] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmEl, ask] = useConfirm();
  useAccountChanges(account.id, (events) => {
    if (events.some((e) => e.kind === 'INVITATIONS_CHANGED' || e.kind === 'RESYNC')) refetch({ requestPolicy: 'network-only' });
  });
  const conn = data?.account.invitations;
  const manage = account.viewerCan.manageMembers;
  const inviteReason = account.viewerCan.invite
    ? undefined
    : account.userDirectory === 'EXTERNAL'
      ? "This account's users come from its external directory."
      : 'Your role in this account cannot invite users.';

  return (
    <Stack gap="sm">
      <PageTitle
        right={
          <Tooltip label={inviteReason} disabled={!inviteReason}>
            <span>
              <Button disabled={!!inviteReason} onClick={() => setInviting(true)}>
                Invite users
              </Button>
            </span>
          </Tooltip>
        }
      >
        Invitations
      </PageTitle>
      <Select
        label="Status"
        w={200}
        data={[{ value: '', label: 'All' }, ...['PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED'].map((s) => ({ value: s, label: label(s) }))]}
        value={status ?? ''}
        onChange={(v) => setStatus((v || null) as InvitationStatus | null)}
        allowDeselect={false}
      />
      <ErrorAlert error={resendRes.error ?? revokeRes.error} title="The invitation was not changed" />
      {!data && fetching ? (
        <Loading label="Loading invitations…" />
      ) : !conn ? (
        <ErrorAlert error={error} title="The invitations cannot be loaded" />
      ) : conn.edges.length === 0 ? (
        <Empty>{status ? `No ${label(status).toLowerCase()} invitation.` : 'Nobody has been invited yet.'}</Empty>
      ) : (
        <ScrollArea type="auto">
          <Table striped verticalSpacing="xs" miw={820} aria-label="Invitations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Email delivery</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {conn.edges.map(({ node: i }) => {
                const canResend = account.viewerCan.invite && (i.status === 'PENDING' || i.status === 'EXPIRED');
                const canRevoke = manage && i.status === 'PENDING';
                return (
                  <Table.Tr key={i.id} aria-label={i.email}>
                    <Table.Td>
                      <Text size="sm">{i.email}</Text>
                      <Text size="xs" c="dimmed">
                        by {i.inviterName}, {formatTime(i.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{label(i.role)}</Table.Td>
                    <Table.Td>
                      <StatusBadge value={i.expired && i.status === 'PENDING' ? 'EXPIRED' : i.status} />
                    </Table.Td>
                    <Table.Td>
                      <Delivery d={i.delivery} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatTime(i.expiresAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {canResend && (
                          <Button
                            size="xs"
                            variant="light"
                            loading={busy === i.id + 'resend'}
                            aria-label={`Resend invitation to ${i.email}`}
                            onClick={async () => {
                              setBusy(i.id + 'resend');
                              const r = await resend({ accountId: account.id, invitationId: i.id });
                              setBusy(null);
                              if (r.data) notifications.show({ color: 'green', message: `Invitation to ${i.email} sent again with a new link.` });
                            }}
                          >
                            Resend
                          </Button>
                        )}
                        {canRevoke && (
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            loading={busy === i.id + 'revoke'}
                            aria-label={`Revoke invitation to ${i.email}`}
                            onClick={async () => {
                              if (!(await ask({ title: 'Revoke the invitation?', body: `The link sent to ${i.email} stops working.`, confirm: 'Revoke' }))) return;
                              setBusy(i.id + 'revoke');
                              const r = await revoke({ accountId: account.id, invitationId: i.id });
                              setBusy(null);
                              if (r.data) notifications.show({ message: `Invitation to ${i.email} revoked.` });
                            }}
                          >
                            Revoke
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      {conn && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {conn.edges.length} of {conn.totalCount}
          </Text>
          {conn.pageInfo.hasNextPage && (
            <Button variant="default" size="xs" loading={fetching} onClick={() => setFirst((f) => Math.min(100, f + 20))} disabled={first >= 100}>
              Show more
            </Button>
          )}
        </Group>
      )}
      <InviteDialog account={account} opened={inviting} onClose={() => setInviting(false)} />
      {confirmEl}
    </Stack>
  );
}
