import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useRef, useState, type ReactNode } from 'react';

type Ask = { title: string; body: ReactNode; confirm: string; color?: string };

// useConfirm returns a dialog element to render and ask(), which opens it and
// resolves true when the user confirms (false on Cancel, Escape or close).
export function useConfirm(): [ReactNode, (a: Ask) => Promise<boolean>] {
  const [ask, setAsk] = useState<Ask | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const open = useCallback(
    (a: Ask) =>
      new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setAsk(a);
      }),
    [],
  );
  const done = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setAsk(null);
  };
  const el = ask ? (
    <Modal opened onClose={() => done(false)} title={ask.title}>
      <Stack>
        {typeof ask.body === 'string' ? <Text size="sm">{ask.body}</Text> : ask.body}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => done(false)}>
            Cancel
          </Button>
          <Button color={ask.color ?? 'red'} onClick={() => done(true)} data-autofocus>
            {ask.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  ) : null;
  return [el, open];
}
