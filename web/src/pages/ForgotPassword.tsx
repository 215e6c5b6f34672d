import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ErrorAlert } from '../components/common';
import { graphql } from '../gql';
import { PublicFrame } from './PublicFrame';

const RequestResetDocument = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email) {
      ok
    }
  }
`);

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [result, request] = useMutation(RequestResetDocument);
  const done = result.data?.requestPasswordReset.ok;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await request({ email });
  };
  return (
    <PublicFrame title="Forgot your password?">
      {done ? (
        <Stack>
          <Alert color="green" role="status" title="Check your inbox">
            If {email} belongs to an active user, a link to choose a new password is on its way.
          </Alert>
          <Anchor component={Link} to="/sign-in">
            Back to sign in
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <ErrorAlert error={result.error} />
            <TextInput label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
            <Button type="submit" loading={result.fetching}>
              Send reset link
            </Button>
            <Anchor component={Link} to="/sign-in" size="sm">
              Back to sign in
            </Anchor>
          </Stack>
        </form>
      )}
    </PublicFrame>
  );
}
