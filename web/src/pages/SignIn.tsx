import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { useSession } from '../auth';
import { ErrorAlert } from '../components/common';
import { graphql } from '../gql';
import { PublicFrame } from './PublicFrame';

const SignInDocument = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      token
      expiresAt
    }
  }
`);

// safeNext keeps a post-sign-in redirect inside the app.
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [result, signIn] = useMutation(SignInDocument);
  const { setToken } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await signIn({ email, password });
    if (r.data?.signIn.token) {
      setToken(r.data.signIn.token);
      navigate(safeNext(params.get('next')), { replace: true });
    }
  };

  return (
    <PublicFrame title="Sign in">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={result.error} title="Sign-in failed" />
          <TextInput label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={result.fetching}>
            Sign in
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            Forgot your password?
          </Anchor>
        </Stack>
      </form>
    </PublicFrame>
  );
}
