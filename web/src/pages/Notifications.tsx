import { Accordion, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications as toast } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Empty, ErrorAlert, Loading, PageTitle, StatusBadge, formatTime } from '../components/common';
import { graphql } from '../gql';
import type { NotificationKind } from '../gql/graphql';
import { useViewer } from '../viewer';
import type { AccountInfo } from './Account';

const NotificationsDocument = graphql(`
  query AccountNotifications($accountId: ID!, $first: Int!) {
    account(id: $accountId) {
      id
      notifications(first: $first) {
        pageInfo {
          hasNextPage
        }
        edges {
          node {
            id
            kind
            subject
            body
            createdAt
            fannedOut
            deliveries {
              email
              outcome
              reason
              attempts
              updatedAt
            }
          }
        }
      }
    }
  }
`);

const SendDocument = graphql(`
  mutation SendNotification($accountId: ID!, $kind: NotificationKind!, $subject: String!, $body: String!) {
    sendNotification(accountId: $accountId, kind: $kind, subject: $subject, body: $body) {
      notification {
        id
      }
    }
  }
`);

function SendForm({ account }: { account: AccountInfo }) {
  const [kind, setKind] = useState<NotificationKind>('TECHNICAL');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [res, send] = useMutation(SendDocument);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await send({ accountId: account.id, kind, subject, body });
    if (r.data) {
      setSubject('');
      setBody('');
      toast.show({ color: 'green', message: 'Notification queued: one email per active recipient.' });
    }
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Title order={3} size="h4">
            Send a notification
          </Title>
          <ErrorAlert error={res.error} title="The notification was not sent" />
          <Select
            label="List"
            data={[
              { value: 'TECHNICAL', label: 'Technical contacts' },
              { value: 'BILLING', label: 'Billing contacts' },
            ]}
            value={kind}
            onChange={(v) => v && setKind(v as NotificationKind)}
            allowDeselect={false}
            w={{ base: '100%', sm: 260 }}
          />
          <TextInput label="Subject" required value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
          <Textarea label="Message" required autosize minRows={3} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
          <Button type="submit" loading={res.fetching} w="fit-content">
            Send notification
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

// NotificationsTab lists the notifications sent to the account with each
// recipient's outcome; operators can send one.
export function NotificationsTab({ account }: { account: AccountInfo }) {
  const viewer = useViewer();
  const [first, setFirst] = useState(20);
  const [{ data, error, fetching }, refetch] = useQuery({ query: NotificationsDocument, variables: { accountId: account.id, first } });
  const conn = data?.account.notifications;
  return (
    <Stack gap="sm">
      <PageTitle
        right={
          <Button variant="default" size="xs" onClick={() => refetch({ requestPolicy: 'network-only' })} loading={fetching}>
            Refresh
          </Button>
        }
      >
        Notifications
      </PageTitle>
      {viewer.isOperator && <SendForm account={account} />}
      {!data && fetching ? (
        <Loading />
      ) : !conn ? (
        <ErrorAlert error={error} title="The notifications cannot be loaded" />
      ) : conn.edges.length === 0 ? (
        <Empty>No notification has been sent to this account.</Empty>
      ) : (
        <Accordion variant="separated">
          {conn.edges.map(({ node: n }) => (
            <Accordion.Item key={n.id} value={n.id}>
              <Accordion.Control>
                <Group gap="xs" wrap="wrap">
                  <Badge variant="outline">{n.kind === 'TECHNICAL' ? 'Technical' : 'Billing'}</Badge>
                  <Text size="sm" fw={500}>
                    {n.subject}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatTime(n.createdAt)} · {n.deliveries.length} recipient{n.deliveries.length === 1 ? '' : 's'}
                    {n.fannedOut ? '' : ' · still fanning out'}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Text size="sm" mb="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {n.body}
                </Text>
                <Table aria-label={`Deliveries of ${n.subject}`}>
                  <Table.Tbody>
                    {n.deliveries.map((d) => (
                      <Table.Tr key={d.email}>
                        <Table.Td>{d.email}</Table.Td>
                        <Table.Td>
                          <StatusBadge value={d.outcome} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" c="dimmed">
                            {d.reason ?? ''}
                            {d.attempts > 1 ? ` (${d.attempts} attempts)` : ''}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      {conn?.pageInfo.hasNextPage && first < 100 && (
        <Button variant="default" size="xs" w="fit-content" onClick={() => setFirst((f) => Math.min(100, f + 20))}>
          Show older notifications
        </Button>
      )}
    </Stack>
  );
}
