import { Badge, Button, Code, CopyButton, Group, Modal, Paper, ScrollArea, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Empty, ErrorAlert, Loading, formatTime, roleOptions } from '../components/common';
import { useConfirm } from '../components/confirm';
import { SecretOnce } from '../components/secret';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import type { AccountInfo } from './Account';

const ScimTokensDocument = graphql(`
  query ScimTokens($accountId: ID!) {
    account(id: $accountId) {
      id
      scimDefaultRole
      scimTokens {
        id
        description
        createdAt
        createdBy {
          id
          name
        }
        lastUsedAt
        revoked
        revokedAt
      }
    }
  }
`);
const CreateScimTokenDocument = graphql(`
  mutation CreateScimToken($accountId: ID!, $description: String!) {
    createScimToken(accountId: $accountId, description: $description) {
      token {
        id
        description
        createdAt
        lastUsedAt
        revoked
        revokedAt
      }
      secret
    }
  }
`);
const RevokeScimTokenDocument = graphql(`
  mutation RevokeScimToken($accountId: ID!, $tokenId: ID!) {
    revokeScimToken(accountId: $accountId, tokenId: $tokenId) {
      token {
        id
        revoked
        revokedAt
      }
    }
  }
`);
const ScimDefaultRoleDocument = graphql(`
  mutation UpdateScimDefaultRole($accountId: ID!, $scimDefaultRole: Role!) {
    updateAccount(accountId: $accountId, scimDefaultRole: $scimDefaultRole) {
      account {
        id
        scimDefaultRole
      }
    }
  }
`);

// ScimSection is the account's SCIM 2.0 provisioning (EXTERNAL accounts, for
// those Account.viewerCan.manageScimTokens allows): the base URL to give the
// identity provider, its tokens (each shown once when created, revocable),
// and the role the directory's new members get.
export function ScimSection({ account }: { account: AccountInfo }) {
  const [{ data, error, fetching }] = useQuery({ query: ScimTokensDocument, variables: { accountId: account.id } });
  const [revokeRes, revoke] = useMutation(RevokeScimTokenDocument);
  const [roleRes, setRole] = useMutation(ScimDefaultRoleDocument);
  const [creating, setCreating] = useState(false);
  const [confirmEl, ask] = useConfirm();
  const baseURL = `${window.location.origin}/scim/v2`;
  const tokens = data?.account.scimTokens ?? [];
  return (
    <Paper withBorder p="md" maw={900} component="section" aria-label="SCIM provisioning">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4">
            SCIM provisioning
          </Title>
          <Button size="xs" onClick={() => setCreating(true)}>
            Create SCIM token
          </Button>
        </Group>
        <Text size="sm">
          The account's identity provider (Okta, Microsoft Entra ID, …) adds, changes and removes its members over SCIM 2.0 at this base URL, with a
          bearer token from below.
        </Text>
        <Group gap="xs">
          <Code aria-label="SCIM base URL">{baseURL}</Code>
          <CopyButton value={baseURL}>
            {({ copied, copy }) => (
              <Button size="xs" variant="subtle" onClick={copy}>
                {copied ? 'Copied' : 'Copy URL'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <ErrorAlert error={roleRes.error} title="The default role was not saved" />
        <Select
          label="Default role"
          description={
            account.viewerCan.updateSettings
              ? 'The role of the members the directory adds.'
              : "The role of the members the directory adds; only the account's Owner can change it."
          }
          data={roleOptions.filter((o) => o.value !== 'OWNER')}
          value={data?.account.scimDefaultRole ?? account.scimDefaultRole}
          onChange={async (v) => {
            if (!v) return;
            const r = await setRole({ accountId: account.id, scimDefaultRole: v as Role });
            if (r.data) notifications.show({ color: 'green', message: 'Default role saved.' });
          }}
          disabled={!account.viewerCan.updateSettings || roleRes.fetching}
          allowDeselect={false}
          w={{ base: '100%', sm: 260 }}
        />
        <ErrorAlert error={revokeRes.error} title="The token was not revoked" />
        {!data && fetching ? (
          <Loading label="Loading SCIM tokens…" />
        ) : !data ? (
          <ErrorAlert error={error} title="The SCIM tokens cannot be loaded" />
        ) : tokens.length === 0 ? (
          <Empty>No SCIM token yet: create one for the identity provider.</Empty>
        ) : (
          <ScrollArea type="auto">
            <Table verticalSpacing="xs" miw={640} aria-label="SCIM tokens">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Token</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.map((t) => (
                  <Table.Tr key={t.id} aria-label={t.description}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {t.description}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatTime(t.createdAt)}</Text>
                      {t.createdBy && (
                        <Text size="xs" c="dimmed">
                          by {t.createdBy.name}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t.lastUsedAt ? formatTime(t.lastUsedAt) : 'Never'}</Text>
                    </Table.Td>
                    <Table.Td>
                      {t.revoked ? (
                        <Badge color="gray" variant="light">
                          Revoked {t.revokedAt ? formatTime(t.revokedAt) : ''}
                        </Badge>
                      ) : (
                        <Badge color="green" variant="light">
                          Active
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {!t.revoked && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={`Revoke ${t.description}`}
                          loading={revokeRes.fetching}
                          onClick={async () => {
                            const ok = await ask({
                              title: `Revoke ${t.description}?`,
                              body: 'The directory using this token is refused from its next request. This cannot be undone.',
                              confirm: 'Revoke token',
                            });
                            if (ok) await revoke({ accountId: account.id, tokenId: t.id });
                          }}
                        >
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Stack>
      <Modal opened={creating} onClose={() => setCreating(false)} title="Create a SCIM token" size="lg">
        <CreateToken account={account} onClose={() => setCreating(false)} />
      </Modal>
      {confirmEl}
    </Paper>
  );
}

function CreateToken({ account, onClose }: { account: AccountInfo; onClose: () => void }) {
  const [description, setDescription] = useState('');
  const [res, create] = useMutation(CreateScimTokenDocument);
  const out = res.data?.createScimToken;
  if (out)
    return (
      <Stack>
        <SecretOnce title="SCIM token" secret={out.secret} what={`Paste this bearer token into the identity provider (${out.token.description}).`} />
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await create({ accountId: account.id, description });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <ErrorAlert error={res.error} title="The token was not created" />
        <TextInput
          label="Description"
          description="Which directory uses it, e.g. Okta production."
          required
          maxLength={100}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={res.fetching}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
