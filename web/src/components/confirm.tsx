import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { refocus } from './dialog';

type Ask = { title: string; body: ReactNode; confirm: string; color?: string };

// useConfirm returns a dialog element to render and ask(), which opens it and
// resolves true when the user confirms (false on Cancel, Escape or close).
// The dialog stays mounted and closes with opened=false, so focus goes back
// to the control that asked.
export function useConfirm(): [ReactNode, (a: Ask) => Promise<boolean>] {
  const [ask, setAsk] = useState<Ask | null>(null);
  const [opened, setOpened] = useState(false);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const from = useRef<HTMLElement | null>(null);
  const open = useCallback(
    (a: Ask) =>
      new Promise<boolean>((resolve) => {
        resolver.current?.(false);
        resolver.current = resolve;
        from.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setAsk(a);
        setOpened(true);
      }),
    [],
  );
  const done = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setOpened(false);
  };
  const el = (
    <Modal opened={opened} onClose={() => done(false)} title={ask?.title ?? ''} onExitTransitionEnd={() => refocus(from.current)}>
      {ask && (
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
      )}
    </Modal>
  );
  return [el, open];
}
