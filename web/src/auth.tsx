import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

// The session token lives in localStorage so that a reload keeps the user
// signed in; it is sent as 'Authorization: Bearer <token>' on every request
// and as the WebSocket's connection_init payload.
const storageKey = 'roster.session';

type Session = {
  token: string | null;
  setToken: (token: string | null) => void;
};

const SessionContext = createContext<Session>({ token: null, setToken: () => {} });

function readToken(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: (token: string | null) => ReactNode }) {
  const [token, setTokenState] = useState<string | null>(readToken);
  const setToken = useCallback((t: string | null) => {
    try {
      if (t) window.localStorage.setItem(storageKey, t);
      else window.localStorage.removeItem(storageKey);
    } catch {
      // Private mode: the session lasts as long as the tab.
    }
    setTokenState(t);
  }, []);
  const value = useMemo(() => ({ token, setToken }), [token, setToken]);
  return <SessionContext.Provider value={value}>{children(token)}</SessionContext.Provider>;
}

// useSession returns the current token and the function that replaces it
// (null signs out locally; the client and its cache are rebuilt).
export function useSession(): Session {
  return useContext(SessionContext);
}
