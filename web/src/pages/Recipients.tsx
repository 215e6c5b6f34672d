import { Alert, Badge, Button, Group, MultiSelect, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Empty, ErrorAlert, Loading, PageTitle, StatusBadge } from '../components/common';
import { graphql } from '../gql';
import type { NotificationKind, RecipientsQuery } from '../gql/graphql';
import { useAccountChanges } from '../live';
import type { AccountInfo } from './Account';

const RecipientsDocument = graphql(`
  query Recipients($accountId: ID!) {
    account(id: $accountId) {
      id
      technicalContacts {
        ...RecipientRow
      }
      billingContacts {
        ...RecipientRow
      }
    }
  }
  fragment RecipientRow on Recipient {
    kind
    membershipStatus
    userStatus
    receivesMail
    addedAt
    user {
      id
      name
      email
    }
  }
`);

const CandidatesDocument = graphql(`
  query RecipientCandidates($accountId: ID!, $search: String) {
    account(id: $accountId) {
      id
      members(pageSize: 100, filter: { search: $search }) {
        totalCount
        items {
          status
          user {
            id
            name
            email
            status
          }
        }
      }
    }
  }
`);

const SetRecipientsDocument = graphql(`
  mutation SetNotificationRecipients($accountId: ID!, $kind: NotificationKind!, $userIds: [ID!]!) {
    setNotificationRecipients(accountId: $accountId, kind: $kind, userIds: $userIds) {
      recipients {
        ...RecipientRow
      }
    }
  }
`);

type Recipient = RecipientsQuery['account']['technicalContacts'][number];

// why says why a recipient gets nothing.
function why(r: Recipient): string {
  if (r.membershipStatus === null) return 'No longer a member: the Owner takes the place shortly.';
  if (r.userStatus === 'INACTIVE') return 'Deactivated platform-wide: gets nothing.';
  if (r.membershipStatus === 'INACTIVE') return 'Inactive in this account: gets nothing.';
  return '';
}

function RecipientList({ account, kind, list }: { account: AccountInfo; kind: NotificationKind; list: Recipient[] }) {
  const [editing, setEditing] = useState(false);
  const [ids, setIds] = useState<string[]>([]);
  const [{ data: cand, fetching: candLoading }] = useQuery({ query: CandidatesDocument, variables: { accountId: account.id }, pause: !editing });
  const [res, save] = useMutation(SetRecipientsDocument);
  const title = kind === 'TECHNICAL' ? 'Technical contacts' : 'Billing contacts';
  const about = kind === 'TECHNICAL' ? 'Incidents, maintenance and technical changes.' : 'Invoices, payments and subscriptions.';
  const reachable = list.filter((r) => r.receivesMail).length;
  const canEdit = account.viewerCan.manageRecipients;
  const options = (cand?.account.members.items ?? []).map((m) => ({
    value: m.user.id,
    label: `${m.user.name} <${m.user.email}>${m.status === 'INACTIVE' || m.user.status === 'INACTIVE' ? ' (inactive)' : ''}`,
  }));
  for (const r of list) if (!options.some((o) => o.value === r.user.id)) options.push({ value: r.user.id, label: `${r.user.name} <${r.user.email}>` });

  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={3} size="h4">
              {title}
            </Title>
            <Text size="xs" c="dimmed">
              {about}
            </Text>
          </div>
          <Tooltip label="Your role in this account cannot change the notification lists." disabled={canEdit}>
            <span>
              <Button
                size="xs"
                variant="light"
                disabled={!canEdit || editing}
                onClick={() => {
                  setIds(list.map((r) => r.user.id));
                  setEditing(true);
                }}
                aria-label={`Edit ${title.toLowerCase()}`}
              >
                Edit
              </Button>
            </span>
          </Tooltip>
        </Group>
        {list.length > 0 && reachable === 0 && (
          <Alert color="orange" role="alert">
            Nobody on this list receives mail: these notifications reach nobody.
          </Alert>
        )}
        {editing ? (
          <Stack gap="xs">
            <ErrorAlert error={res.error} title="The list was not saved" />
            <MultiSelect
              label={`${title}`}
              description="Any member may be a recipient, including the User role."
              data={options}
              value={ids}
              onChange={setIds}
              searchable
              nothingFoundMessage={candLoading ? 'Loading…' : 'No member matches'}
              comboboxProps={{ withinPortal: true }}
            />
            {(cand?.account.members.totalCount ?? 0) > 100 && (
              <Text size="xs" c="dimmed">
                Showing the first 100 members; type to search.
              </Text>
            )}
            <Group gap="xs">
              <Button
                size="xs"
                loading={res.fetching}
                disabled={ids.length === 0}
                onClick={async () => {
                  const r = await save({ accountId: account.id, kind, userIds: ids });
                  if (r.data) {
                    setEditing(false);
                    notifications.show({ color: 'green', message: `${title} saved.` });
                  }
                }}
              >
                Save
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        ) : list.length === 0 ? (
          <Empty>Nobody is on this list.</Empty>
        ) : (
          <Table verticalSpacing={6} aria-label={title}>
            <Table.Tbody>
              {list.map((r) => (
                <Table.Tr key={r.user.id} aria-label={r.user.name}>
                  <Table.Td>
                    <Text size="sm">{r.user.name}</Text>
                    <Text size="xs" c="dimmed">
                      {r.user.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.receivesMail ? (
                      <StatusBadge value="ACTIVE" />
                    ) : (
                      <Stack gap={2}>
                        <Badge color="gray" variant="light">
                          Inactive — gets nothing
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {why(r)}
                        </Text>
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

export function RecipientsTab({ account }: { account: AccountInfo }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: RecipientsDocument, variables: { accountId: account.id } });
  useAccountChanges(account.id, (events) => {
    if (events.some((e) => e.kind !== 'INVITATIONS_CHANGED')) refetch({ requestPolicy: 'network-only' });
  });
  return (
    <Stack gap="sm">
      <PageTitle>Notification recipients</PageTitle>
      {!data && fetching ? (
        <Loading />
      ) : !data ? (
        <ErrorAlert error={error} title="The lists cannot be loaded" />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <RecipientList account={account} kind="TECHNICAL" list={data.account.technicalContacts} />
          <RecipientList account={account} kind="BILLING" list={data.account.billingContacts} />
        </SimpleGrid>
      )}
    </Stack>
  );
}
