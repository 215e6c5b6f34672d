import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { useSession } from '../auth';
import { ErrorAlert } from '../components/common';
import { graphql } from '../gql';
import { PublicFrame } from './PublicFrame';

const ResetPasswordDocument = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password) {
      ok
    }
  }
`);

// ResetPasswordPage serves the links of the reset (/reset-password) and
// welcome (/set-password) emails.
export function ResetPasswordPage({ mode }: { mode: 'reset' | 'set' }) {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [result, reset] = useMutation(ResetPasswordDocument);
  const { token: session, setToken } = useSession();
  const title = mode === 'set' ? 'Set your password' : 'Reset your password';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const r = await reset({ token, password });
    // Every session of the user ended: a session kept here would be dead.
    if (r.data?.resetPassword.ok && session) setToken(null);
  };

  if (!token)
    return (
      <PublicFrame title={title}>
        <Alert color="red" role="alert">
          This link has no token. Open the link from the email again, or ask for a new one.
        </Alert>
        <Anchor component={Link} to="/forgot-password" size="sm">
          Ask for a new link
        </Anchor>
      </PublicFrame>
    );

  return (
    <PublicFrame title={title}>
      {result.data?.resetPassword.ok ? (
        <Stack>
          <Alert color="green" role="status" title="Password saved">
            Your password is set. Sign in with it.
          </Alert>
          <Button component={Link} to="/sign-in">
            Go to sign in
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <ErrorAlert error={result.error} title="The password was not saved" />
            {mismatch && (
              <Alert color="red" role="alert">
                The two passwords differ.
              </Alert>
            )}
            <PasswordInput
              label="New password"
              description="At least 8 characters."
              autoComplete="new-password"
              required
              minLength={8}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <PasswordInput label="Repeat the new password" autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} />
            <Button type="submit" loading={result.fetching}>
              Save password
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm">
              Link expired? Ask for a new one
            </Anchor>
          </Stack>
        </form>
      )}
    </PublicFrame>
  );
}
