import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorAlert, PageTitle, formatTime } from '../components/common';
import { graphql } from '../gql';
import { useViewer } from '../viewer';

const UpdateProfileDocument = graphql(`
  mutation UpdateProfile($name: String!) {
    updateProfile(name: $name) {
      user {
        id
        name
      }
    }
  }
`);

const ChangePasswordDocument = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      ok
    }
  }
`);

export function ProfilePage() {
  const viewer = useViewer();
  const [name, setName] = useState(viewer.name);
  const [profile, updateProfile] = useMutation(UpdateProfileDocument);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [pw, changePassword] = useMutation(ChangePasswordDocument);

  const saveName = async (e: FormEvent) => {
    e.preventDefault();
    const r = await updateProfile({ name });
    if (r.data) notifications.show({ color: 'green', message: 'Your name is saved.' });
  };
  const savePassword = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const r = await changePassword({ currentPassword: current, newPassword: next });
    if (r.data?.changePassword.ok) {
      setCurrent('');
      setNext('');
      setRepeat('');
    }
  };

  return (
    <Stack maw={520}>
      <PageTitle>Profile</PageTitle>
      <Text size="sm" c="dimmed">
        {viewer.email} · last sign-in {formatTime(viewer.lastSignInAt)}
      </Text>
      <Paper withBorder p="md">
        <form onSubmit={saveName}>
          <Stack>
            <Title order={3} size="h4">
              Name
            </Title>
            <ErrorAlert error={profile.error} />
            <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <Button type="submit" loading={profile.fetching} w="fit-content">
              Save name
            </Button>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="md">
        <form onSubmit={savePassword}>
          <Stack>
            <Title order={3} size="h4">
              Password
            </Title>
            <ErrorAlert error={pw.error} title="The password was not changed" />
            {mismatch && (
              <Alert color="red" role="alert">
                The two new passwords differ.
              </Alert>
            )}
            {pw.data?.changePassword.ok && (
              <Alert color="green" role="status">
                Your password is changed; your other sessions have ended.
              </Alert>
            )}
            <PasswordInput label="Current password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.currentTarget.value)} />
            <PasswordInput
              label="New password"
              description="At least 8 characters."
              autoComplete="new-password"
              required
              minLength={8}
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
            />
            <PasswordInput label="Repeat the new password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} />
            <Button type="submit" loading={pw.fetching} w="fit-content">
              Change password
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
