import { AppShell, Burger, Button, Group, Menu, NavLink, ScrollArea, Select, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link, Outlet, useLocation, useMatch, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from './auth';
import { graphql } from './gql';
import { useViewer } from './viewer';

const SwitcherDocument = graphql(`
  query AccountSwitcher($search: String) {
    accounts(first: 50, search: $search) {
      edges {
        node {
          id
          name
        }
      }
      totalCount
      totalCountExact
    }
  }
`);

const SignOutDocument = graphql(`
  mutation SignOut {
    signOut {
      ok
    }
  }
`);

const SwitcherCurrentDocument = graphql(`
  query AccountSwitcherCurrent($id: ID!) {
    account(id: $id) {
      id
      name
    }
  }
`);

// AccountSwitcher lists the accounts the viewer can open (every account for
// an operator, searched by name). Mantine writes the selected account's name
// into the search box; that text is not a search (it would narrow the list to
// the current account), so only what the user types is sent.
export function AccountSwitcher({ current }: { current: string | null }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [search, setSearch] = useState('');
  const [{ data: currentData }] = useQuery({ query: SwitcherCurrentDocument, variables: { id: current ?? '' }, pause: !current });
  const currentName = current && currentData?.account.id === current ? currentData.account.name : null;
  const typed = search === currentName ? '' : search;
  const [debounced] = useDebouncedValue(typed, 250);
  const [{ data }] = useQuery({ query: SwitcherDocument, variables: { search: debounced || null } });
  const nodes = data?.accounts.edges.map((e) => e.node) ?? [];
  const options = nodes.map((n) => ({ value: n.id, label: n.name }));
  if (current && !options.some((o) => o.value === current)) options.unshift({ value: current, label: currentName ?? 'Current account' });
  const tab = location.pathname.match(/^\/accounts\/[^/]+\/([^/]+)/)?.[1] ?? 'users';
  return (
    <Select
      aria-label="Account"
      placeholder={nodes.length === 0 && !debounced ? 'No accounts' : 'Switch account'}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage="No account matches"
      data={options}
      value={current}
      onChange={(id) => {
        setSearch('');
        if (id) navigate(`/accounts/${id}/${tab}`);
      }}
      w={{ base: 150, sm: 260 }}
      size="sm"
      comboboxProps={{ withinPortal: true }}
    />
  );
}

// Layout is the frame of the signed-in app: header with the account switcher
// and the user menu, navigation, and the page.
export function Layout() {
  const viewer = useViewer();
  const { setToken } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const match = useMatch('/accounts/:accountId/*');
  const accountId = match?.params.accountId ?? null;
  const location = useLocation();
  const [, signOut] = useMutation(SignOutDocument);
  const navigate = useNavigate();

  const link = (to: string, label: string) => (
    <NavLink component={Link} to={to} label={label} active={location.pathname === to} onClick={close} />
  );

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <UnstyledButton component={Link} to="/" aria-label="Roster home">
              <Text fw={700} size="lg">
                Roster
              </Text>
            </UnstyledButton>
            <AccountSwitcher current={accountId} />
          </Group>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="subtle" aria-label={`User menu for ${viewer.name}`}>
                <Text size="sm" truncate maw={{ base: 90, sm: 220 }}>
                  {viewer.name}
                </Text>
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{viewer.email}</Menu.Label>
              <Menu.Item component={Link} to="/profile">
                Profile
              </Menu.Item>
              <Menu.Item
                color="red"
                onClick={async () => {
                  await signOut({});
                  setToken(null);
                  navigate('/sign-in');
                }}
              >
                Sign out
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <ScrollArea>
          {accountId && (
            <>
              <Text size="xs" c="dimmed" px="sm" pt="xs">
                Account
              </Text>
              {link(`/accounts/${accountId}/users`, 'Users')}
              {link(`/accounts/${accountId}/invitations`, 'Invitations')}
              {link(`/accounts/${accountId}/recipients`, 'Notification recipients')}
              {link(`/accounts/${accountId}/notifications`, 'Notifications')}
              {link(`/accounts/${accountId}/audit`, 'Audit log')}
              {link(`/accounts/${accountId}/settings`, 'Settings')}
            </>
          )}
          {viewer.isOperator && (
            <>
              <Text size="xs" c="dimmed" px="sm" pt="md">
                Operator
              </Text>
              {link('/operator/accounts', 'Accounts')}
              {link('/operator/users', 'User explorer')}
              {link('/operator/webhooks', 'Webhooks')}
              <NavLink href="/riverui/" label="Background jobs (River UI)" target="_blank" rel="noopener" />
              <NavLink href="/" label="GraphQL explorer" target="_blank" rel="noopener" />
            </>
          )}
          <Text size="xs" c="dimmed" px="sm" pt="md">
            You
          </Text>
          {link('/profile', 'Profile')}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
