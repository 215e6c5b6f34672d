import { Component, lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { Loading, ErrorAlert } from './components/common';
import { ViewerContext, ViewerDocument } from './viewer';
import { Layout } from './Layout';
import { SignInPage } from './pages/SignIn';
import { ForgotPasswordPage } from './pages/ForgotPassword';
import { ResetPasswordPage } from './pages/ResetPassword';
import { AcceptInvitationPage } from './pages/AcceptInvitation';
import { HomePage } from './pages/Home';
import { ProfilePage } from './pages/Profile';
import { AccountPage } from './pages/Account';
import { Alert, Button, Container, Stack, Text } from '@mantine/core';

// The operator screens are loaded when first opened: most users never see
// them, so they stay out of the first download.
const OperatorAccountsPage = lazy(() => import('./operator/Accounts').then((m) => ({ default: m.OperatorAccountsPage })));
const OperatorUsersPage = lazy(() => import('./operator/Users').then((m) => ({ default: m.OperatorUsersPage })));
const OperatorUserPage = lazy(() => import('./operator/UserDetails').then((m) => ({ default: m.OperatorUserPage })));
const OperatorWebhooksPage = lazy(() => import('./operator/Webhooks').then((m) => ({ default: m.OperatorWebhooksPage })));
const OperatorWebhookPage = lazy(() => import('./operator/Webhooks').then((m) => ({ default: m.OperatorWebhookPage })));

// ScreenBoundary shows a screen that failed to load or render as an error
// with a way out, rather than a blank page: a lazily loaded screen is
// missing after an upgrade (its old hashed file is gone) until a reload.
class ScreenBoundary extends Component<{ children: ReactNode; path: string }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidUpdate(prev: { path: string }) {
    if (prev.path !== this.props.path && this.state.error) this.setState({ error: null });
  }
  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert color="red" title="This screen cannot be shown" role="alert">
        <Stack gap="xs">
          <Text size="sm">Roster may have been updated since this page was opened: reload it. ({this.state.error.message})</Text>
          <Button size="xs" w="fit-content" onClick={() => window.location.reload()}>
            Reload
          </Button>
        </Stack>
      </Alert>
    );
  }
}

// Lazily wraps a lazily loaded screen in its loading state and boundary.
function Lazily({ children }: { children: ReactNode }) {
  const location = useLocation();
  return (
    <ScreenBoundary path={location.pathname}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </ScreenBoundary>
  );
}

// App routes the public pages (sign-in and the email links) and, behind the
// viewer query, the signed-in app.
export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage mode="reset" />} />
      <Route path="/set-password" element={<ResetPasswordPage mode="set" />} />
      <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
      <Route path="*" element={<SignedIn />} />
    </Routes>
  );
}

function SignedIn() {
  const [{ data, error, fetching }] = useQuery({ query: ViewerDocument, requestPolicy: 'cache-and-network' });
  const location = useLocation();
  if (!data && fetching) return <Loading label="Loading your session…" />;
  if (error && !data)
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={error} title="Roster cannot be reached" />
      </Container>
    );
  const viewer = data?.viewer;
  if (!viewer) {
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/sign-in${next}`} replace />;
  }
  return (
    <ViewerContext.Provider value={viewer}>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="accounts/:accountId/*" element={<AccountPage />} />
          <Route path="operator/accounts" element={<Lazily><OperatorAccountsPage /></Lazily>} />
          <Route path="operator/users" element={<Lazily><OperatorUsersPage /></Lazily>} />
          <Route path="operator/users/:userId" element={<Lazily><OperatorUserPage /></Lazily>} />
          <Route path="operator/webhooks" element={<Lazily><OperatorWebhooksPage /></Lazily>} />
          <Route path="operator/webhooks/:endpointId" element={<Lazily><OperatorWebhookPage /></Lazily>} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </ViewerContext.Provider>
  );
}
