import { ScimSection } from './Scim';
import { Alert, Button, Paper, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorAlert, PageTitle, formatTime } from '../components/common';
import { graphql } from '../gql';
import type { UserDirectory } from '../gql/graphql';
import type { AccountInfo } from './Account';

const UpdateAccountDocument = graphql(`
  mutation UpdateAccount($accountId: ID!, $name: String, $userDirectory: UserDirectory, $requireDeactivationBeforeDelete: Boolean) {
    updateAccount(
      accountId: $accountId
      name: $name
      userDirectory: $userDirectory
      requireDeactivationBeforeDelete: $requireDeactivationBeforeDelete
    ) {
      account {
        id
        name
        userDirectory
        requireDeactivationBeforeDelete
        scimDefaultRole
      }
    }
  }
`);

// AccountSettingsForm edits an account's settings: the fields the viewer may
// not change (account.viewerCan) are shown read-only.
export function AccountSettingsForm({ account }: { account: AccountInfo }) {
  const [name, setName] = useState(account.name);
  const [dir, setDir] = useState<UserDirectory>(account.userDirectory);
  const [rule, setRule] = useState(account.requireDeactivationBeforeDelete);
  const [res, update] = useMutation(UpdateAccountDocument);
  const can = account.viewerCan;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await update({
      accountId: account.id,
      name: can.updateSettings ? name : null,
      requireDeactivationBeforeDelete: can.updateSettings ? rule : null,
      userDirectory: can.changeUserDirectory ? dir : null,
    });
    if (r.data) notifications.show({ color: 'green', message: 'Settings saved.' });
  };
  return (
    <Paper withBorder p="md" maw={560}>
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={res.error} title="The settings were not saved" />
          {!can.updateSettings && !can.changeUserDirectory && (
            <Alert color="gray">Only the account's Owner (and platform operators) can change these settings.</Alert>
          )}
          <TextInput label="Account name" required value={name} onChange={(e) => setName(e.currentTarget.value)} disabled={!can.updateSettings} />
          <Switch
            label="Require deactivation before delete"
            description="Deleting an active member is refused: deactivate them first."
            checked={rule}
            onChange={(e) => setRule(e.currentTarget.checked)}
            disabled={!can.updateSettings}
          />
          <Select
            label="User directory"
            description={can.changeUserDirectory ? 'EXTERNAL: members come from the customer’s own directory and are not managed here.' : 'Only platform operators can change it.'}
            data={[
              { value: 'LOCAL', label: 'Local (managed here)' },
              { value: 'EXTERNAL', label: 'External directory' },
            ]}
            value={dir}
            onChange={(v) => v && setDir(v as UserDirectory)}
            disabled={!can.changeUserDirectory}
            allowDeselect={false}
          />
          <Text size="xs" c="dimmed">
            Created {formatTime(account.createdAt)}
          </Text>
          {(can.updateSettings || can.changeUserDirectory) && (
            <Button type="submit" loading={res.fetching} w="fit-content">
              Save settings
            </Button>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

export function SettingsTab({ account }: { account: AccountInfo }) {
  return (
    <Stack gap="sm">
      <PageTitle>Settings</PageTitle>
      <AccountSettingsForm account={account} key={account.id + account.name + account.userDirectory + String(account.requireDeactivationBeforeDelete)} />
      {account.userDirectory === 'EXTERNAL' && account.viewerCan.manageScimTokens && <ScimSection account={account} />}
    </Stack>
  );
}
