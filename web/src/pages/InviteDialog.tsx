import { Alert, Button, Group, List, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorAlert, label, roleOptions } from '../components/common';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import type { AccountInfo } from './Account';

const InviteDocument = graphql(`
  mutation InviteUsers($accountId: ID!, $emails: String!, $role: Role!) {
    inviteUsers(accountId: $accountId, emails: $emails, role: $role) {
      created {
        id
        email
        role
      }
      resent {
        id
        email
        role
      }
      rejected {
        address
        code
        message
      }
    }
  }
`);

// InviteDialog takes a pasted list of addresses (any mix of spaces, commas,
// semicolons and line breaks: the API splits it) and a role, and shows what
// became of each address. It stays mounted and is closed with opened=false,
// so Mantine gives focus back to the button that opened it; the form inside
// mounts afresh on each opening.
export function InviteDialog({ account, opened, onClose }: { account: AccountInfo; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Invite users to ${account.name}`} size="lg">
      <InviteForm account={account} onClose={onClose} />
    </Modal>
  );
}

function InviteForm({ account, onClose }: { account: AccountInfo; onClose: () => void }) {
  const [emails, setEmails] = useState('');
  const [role, setRole] = useState<Role>('USER');
  const [res, invite] = useMutation(InviteDocument);
  const out = res.data?.inviteUsers;
  // The results replace the form: move focus to Done, or it falls to <body>
  // (data-autofocus only acts when the dialog opens).
  const done = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (out) done.current?.focus();
  }, [out]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await invite({ accountId: account.id, emails, role });
  };
  return (
    <>
      {out ? (
        <Stack>
          <Text size="sm" role="status">
            {out.created.length} invited, {out.resent.length} invited again, {out.rejected.length} not invited.
          </Text>
          {out.created.length > 0 && (
            <Alert color="green" title="Invited">
              <List size="sm" aria-label="Invited">
                {out.created.map((i) => (
                  <List.Item key={i.id}>
                    {i.email} as {label(i.role)}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {out.resent.length > 0 && (
            <Alert color="blue" title="Already invited: the invitation was sent again">
              <List size="sm" aria-label="Invited again">
                {out.resent.map((i) => (
                  <List.Item key={i.id}>{i.email}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {out.rejected.length > 0 && (
            <Alert color="red" title="Not invited">
              <List size="sm" aria-label="Not invited">
                {out.rejected.map((r, i) => (
                  <List.Item key={`${r.address}-${i}`}>
                    <b>{r.address}</b>: {r.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button onClick={onClose} ref={done}>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <ErrorAlert error={res.error} title="Nobody was invited" />
            <Textarea
              label="Email addresses"
              description="Paste them as they come: separated by spaces, commas, semicolons or line breaks."
              autosize
              minRows={4}
              maxRows={12}
              required
              value={emails}
              onChange={(e) => setEmails(e.currentTarget.value)}
              data-autofocus
            />
            <Select
              label="Role"
              data={roleOptions.filter((o) => o.value !== 'OWNER')}
              value={role}
              onChange={(v) => v && setRole(v as Role)}
              allowDeselect={false}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={res.fetching}>
                Send invitations
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </>
  );
}
