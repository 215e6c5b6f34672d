import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { Provider } from 'urql';
import { SessionProvider, useSession } from './auth';
import { newClient } from './client';
import { App } from './App';

const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'sm' });

function WithClient({ token }: { token: string | null }) {
  const { setToken } = useSession();
  // A new token (sign-in, sign-out) gets a new client and an empty cache.
  const client = useMemo(() => newClient(token, () => setToken(null)), [token, setToken]);
  return (
    <Provider value={client}>
      <App />
    </Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <BrowserRouter basename="/app">
        <SessionProvider>{(token) => <WithClient key={token ?? 'anonymous'} token={token} />}</SessionProvider>
      </BrowserRouter>
    </MantineProvider>
  </StrictMode>,
);
