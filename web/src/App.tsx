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
import { OperatorAccountsPage } from './operator/Accounts';
import { OperatorUsersPage } from './operator/Users';
import { OperatorUserPage } from './operator/UserDetails';
import { OperatorWebhookPage, OperatorWebhooksPage } from './operator/Webhooks';
import { Container } from '@mantine/core';

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
          <Route path="operator/accounts" element={<OperatorAccountsPage />} />
          <Route path="operator/users" element={<OperatorUsersPage />} />
          <Route path="operator/users/:userId" element={<OperatorUserPage />} />
          <Route path="operator/webhooks" element={<OperatorWebhooksPage />} />
          <Route path="operator/webhooks/:endpointId" element={<OperatorWebhookPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </ViewerContext.Provider>
  );
}
