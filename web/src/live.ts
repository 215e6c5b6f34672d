import { useEffect, useRef, useState } from 'react';
import { useSubscription } from 'urql';
import { graphql } from './gql';
import type { AccountChangedSubscription } from './gql/graphql';

const AccountChangedDocument = graphql(`
  subscription AccountChanged($accountId: ID!) {
    accountChanged(accountId: $accountId) {
      kind
      refetch
      userIds
      invitationIds
      memberCount
    }
  }
`);

export type AccountChange = AccountChangedSubscription['accountChanged'];

// useAccountChanges subscribes to the account's accountChanged events (over
// graphql-transport-ws) and calls onChange for each, batched: events that
// arrive within 200 ms make one call, so a bulk change made elsewhere causes
// one refetch of the visible page, not one per event. It returns whether the
// stream is live and the error that ended it, if any.
export function useAccountChanges(accountId: string, onChange: (events: AccountChange[]) => void) {
  const cb = useRef(onChange);
  cb.current = onChange;
  const pending = useRef<AccountChange[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [count, setCount] = useState(0);
  const [res] = useSubscription({ query: AccountChangedDocument, variables: { accountId } }, (_prev, data) => {
    pending.current.push(data.accountChanged);
    if (!timer.current) {
      timer.current = setTimeout(() => {
        timer.current = null;
        const batch = pending.current;
        pending.current = [];
        cb.current(batch);
      }, 200);
    }
    return data;
  });
  useEffect(() => {
    if (res.data) setCount((c) => c + 1);
  }, [res.data]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return { error: res.error, events: count };
}
