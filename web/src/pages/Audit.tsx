import { Button, Code, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';
import { Empty, ErrorAlert, Loading, PageTitle, formatTime, label } from '../components/common';
import { graphql } from '../gql';
import type { AccountInfo } from './Account';

const AuditDocument = graphql(`
  query AccountAudit($accountId: ID!, $first: Int!) {
    account(id: $accountId) {
      id
      auditLog(first: $first) {
        pageInfo {
          hasNextPage
        }
        edges {
          node {
            id
            occurredAt
            action
            actorId
            targetUserId
            before
            after
            requestId
          }
        }
      }
      members(pageSize: 100) {
        items {
          user {
            id
            name
          }
        }
      }
    }
  }
`);

// compact shows an audit state as key: value pairs.
export function compact(m: Record<string, unknown> | null | undefined): string {
  if (!m) return '';
  return Object.entries(m)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
}

export function AuditTab({ account }: { account: AccountInfo }) {
  const [first, setFirst] = useState(25);
  const [{ data, error, fetching }] = useQuery({
    query: AuditDocument,
    variables: { accountId: account.id, first },
    pause: !account.viewerCan.readAuditLog,
  });
  const names = new Map((data?.account.members.items ?? []).map((m) => [m.user.id, m.user.name]));
  const who = (id: string | null | undefined) => (id ? (names.get(id) ?? `user ${id}`) : 'System');
  const conn = data?.account.auditLog;
  if (!account.viewerCan.readAuditLog) return <Empty>Your role in this account cannot read its audit log.</Empty>;
  return (
    <Stack gap="sm">
      <PageTitle>Audit log</PageTitle>
      {!data && fetching ? (
        <Loading />
      ) : !conn ? (
        <ErrorAlert error={error} title="The audit log cannot be loaded" />
      ) : conn.edges.length === 0 ? (
        <Empty>Nothing has happened in this account yet.</Empty>
      ) : (
        <ScrollArea type="auto">
          <Table striped verticalSpacing="xs" miw={760} aria-label="Audit log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>About</Table.Th>
                <Table.Th>Change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {conn.edges.map(({ node: e }) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Text size="sm">{formatTime(e.occurredAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{label(e.action)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{who(e.actorId)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.targetUserId ? who(e.targetUserId) : '—'}</Text>
                  </Table.Td>
                  <Table.Td maw={360}>
                    {e.before && (
                      <Text size="xs" c="dimmed">
                        before: <Code>{compact(e.before)}</Code>
                      </Text>
                    )}
                    {e.after && (
                      <Text size="xs">
                        after: <Code>{compact(e.after)}</Code>
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      {conn?.pageInfo.hasNextPage && first < 100 && (
        <Group>
          <Button variant="default" size="xs" loading={fetching} onClick={() => setFirst((f) => Math.min(100, f + 25))}>
            Show older events
          </Button>
        </Group>
      )}
    </Stack>
  );
}
