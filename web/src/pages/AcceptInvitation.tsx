import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../auth';
import { ErrorAlert, Loading, formatTime, label } from '../components/common';
import { graphql } from '../gql';
import { ViewerDocument } from '../viewer';
import { PublicFrame } from './PublicFrame';

const InvitationDocument = graphql(`
  query InvitationPreview($token: String!) {
    invitation(token: $token) {
      accountName
      inviterName
      email
      role
      status
      expired
      expiresAt
      existingUser
    }
  }
`);

const AcceptDocument = graphql(`
  mutation AcceptInvitation($token: String!, $name: String, $password: String) {
    acceptInvitation(token: $token, name: $name, password: $password) {
      token
      role
      account {
        id
        name
      }
      user {
        id
        name
      }
    }
  }
`);

// AcceptedAccountDocument asks whether the new member may open the account
// they joined: account() answers only those allowed to read it, so this is
// the API's own answer, not a guess from the role.
const AcceptedAccountDocument = graphql(`
  query AcceptedAccount($id: ID!) {
    account(id: $id) {
      id
    }
  }
`);

// AcceptInvitationPage serves the invitation email's link: a new address
// registers (name, password), an existing user confirms with their password
// or, when signed in as that user, with one click.
export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [{ data, error, fetching }] = useQuery({ query: InvitationDocument, variables: { token }, pause: !token });
  const [viewerResult] = useQuery({ query: ViewerDocument });
  const viewer = viewerResult.data?.viewer;
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [result, accept] = useMutation(AcceptDocument);
  const { token: session, setToken } = useSession();
  const navigate = useNavigate();
  const accepted = result.data?.acceptInvitation;
  const signedInAsInvitee = !!viewer && !!data && viewer.email.toLowerCase() === data.invitation.email.toLowerCase();
  // The session that will open the account: the one the acceptance started,
  // or the invitee's own. The account is asked for with it before the
  // session is adopted (adopting it rebuilds the client and this page).
  const probeToken = accepted ? (accepted.token ?? (signedInAsInvitee ? session : null)) : null;
  const probeContext = useMemo(
    () => (probeToken ? { fetchOptions: { headers: { Authorization: `Bearer ${probeToken}` } }, requestPolicy: 'network-only' as const } : undefined),
    [probeToken],
  );
  const [probe] = useQuery({ query: AcceptedAccountDocument, variables: { id: accepted?.account.id ?? '' }, pause: !probeToken, context: probeContext });

  if (!token)
    return (
      <PublicFrame title="Invitation">
        <Alert color="red" role="alert">
          This link has no token. Open the link from the invitation email again.
        </Alert>
      </PublicFrame>
    );
  if (fetching && !data) return <Loading label="Loading the invitation…" />;
  if (error || !data)
    return (
      <PublicFrame title="Invitation">
        <ErrorAlert error={error} title="This invitation cannot be used" />
      </PublicFrame>
    );
  const inv = data.invitation;

  if (accepted) {
    const a = accepted;
    const checking = !!probeToken && !probe.data && !probe.error;
    const canOpen = probe.data?.account.id === a.account.id;
    // A session (new or the invitee's own) means access to the panel, if
    // not to this account.
    const hasPanel = !!probeToken;
    const enter = (path: string) => {
      // The session starts only now: a new token rebuilds the client, which
      // would remount this page before it was read.
      navigate(path);
      if (a.token && !session) setToken(a.token);
    };
    return (
      <PublicFrame title={`Welcome to ${a.account.name}`}>
        <Stack>
          <Alert color="green" role="status">
            You joined {a.account.name} as {label(a.role)}.
            {!checking && !canOpen && ' This role receives notifications but has no access to this account in the control panel.'}
          </Alert>
          {checking ? (
            <Loading label="Checking your access…" />
          ) : canOpen ? (
            <Button onClick={() => enter(`/accounts/${a.account.id}/users`)}>Open {a.account.name}</Button>
          ) : hasPanel ? (
            <Button onClick={() => enter('/')}>Open Roster</Button>
          ) : (
            <Anchor component={Link} to="/sign-in">
              Go to sign in
            </Anchor>
          )}
        </Stack>
      </PublicFrame>
    );
  }

  if (inv.status !== 'PENDING' || inv.expired)
    return (
      <PublicFrame title={`Join ${inv.accountName}`}>
        <Alert color="orange" role="alert" title="This invitation cannot be used">
          {inv.expired || inv.status === 'EXPIRED'
            ? `It expired on ${formatTime(inv.expiresAt)}. Ask ${inv.inviterName} to send it again.`
            : inv.status === 'ACCEPTED'
              ? 'It was already accepted. Sign in instead.'
              : `It was revoked. Ask ${inv.inviterName} for a new invitation.`}
        </Alert>
        <Anchor component={Link} to="/sign-in" size="sm">
          Go to sign in
        </Anchor>
      </PublicFrame>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await accept({
      token,
      name: inv.existingUser ? null : name,
      password: signedInAsInvitee ? null : password,
    });
  };

  return (
    <PublicFrame title={`Join ${inv.accountName}`}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">
            {inv.inviterName} invited <b>{inv.email}</b> to {inv.accountName} as <b>{label(inv.role)}</b>. The link works until {formatTime(inv.expiresAt)}.
          </Text>
          <ErrorAlert error={result.error} title="The invitation was not accepted" />
          {viewer && !signedInAsInvitee && (
            <Alert color="yellow">
              You are signed in as {viewer.email}, but this invitation is for {inv.email}. Accepting it joins {inv.email}, not you.
            </Alert>
          )}
          {!inv.existingUser && (
            <>
              <TextInput label="Your name" autoComplete="name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
              <PasswordInput
                label="Choose a password"
                description="At least 8 characters."
                autoComplete="new-password"
                required
                minLength={8}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
            </>
          )}
          {inv.existingUser && !signedInAsInvitee && (
            <PasswordInput
              label="Your password"
              description={`${inv.email} already has a Roster user: confirm with its password.`}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
          )}
          <Button type="submit" loading={result.fetching}>
            Accept invitation
          </Button>
        </Stack>
      </form>
    </PublicFrame>
  );
}
