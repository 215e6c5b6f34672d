import { Badge, Group, Text } from '@mantine/core';
import { Navigate, Route, Routes, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorAlert, Loading, label } from '../components/common';
import { graphql } from '../gql';
import type { AccountHeaderQuery } from '../gql/graphql';
import { UsersTab } from './Users';
import { InvitationsTab } from './Invitations';
import { RecipientsTab } from './Recipients';
import { AuditTab } from './Audit';
import { SettingsTab } from './Settings';
import { NotificationsTab } from './Notifications';

const AccountHeaderDocument = graphql(`
  query AccountHeader($id: ID!) {
    account(id: $id) {
      id
      name
      userDirectory
      requireDeactivationBeforeDelete
      scimDefaultRole
      createdAt
      viewerMembership {
        role
        status
      }
      viewerCan {
        invite
        manageMembers
        manageRecipients
        transferOwnership
        readAuditLog
        updateSettings
        changeUserDirectory
        manageScimTokens
      }
    }
  }
`);

export type AccountInfo = AccountHeaderQuery['account'];

// AccountPage loads the account (name, settings, what the viewer may do) and
// routes its tabs.
export function AccountPage() {
  const { accountId = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: AccountHeaderDocument, variables: { id: accountId } });
  if (fetching && !data) return <Loading />;
  if (!data) return <ErrorAlert error={error} title="This account cannot be opened" />;
  const account = data.account;
  return (
    <>
      <Group gap="xs" mb="xs">
        <Text fw={600}>{account.name}</Text>
        {account.viewerMembership && <Badge variant="outline">{label(account.viewerMembership.role)}</Badge>}
        {account.userDirectory === 'EXTERNAL' && (
          <Badge color="grape" variant="light" title="Members come from the customer's own directory">
            External directory
          </Badge>
        )}
      </Group>
      <Routes>
        <Route path="users" element={<UsersTab account={account} />} />
        <Route path="invitations" element={<InvitationsTab account={account} />} />
        <Route path="recipients" element={<RecipientsTab account={account} />} />
        <Route path="audit" element={<AuditTab account={account} />} />
        <Route path="settings" element={<SettingsTab account={account} />} />
        <Route path="notifications" element={<NotificationsTab account={account} />} />
        <Route path="*" element={<Navigate to="users" replace />} />
      </Routes>
    </>
  );
}
