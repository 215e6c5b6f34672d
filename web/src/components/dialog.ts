import { useCallback, useRef, useState, type RefObject } from 'react';

// refocus gives focus back to where a dialog was opened from, once the dialog
// has closed and left the page, when Mantine could not: it returns focus to
// the element that had it when the dialog opened, which is gone when a menu
// item opened the dialog (the menu closed with it) or when a dialog replaced
// another. The first candidate still in the page and enabled gets focus; the
// user's own move elsewhere meanwhile is kept.
export function refocus(...candidates: (HTMLElement | null | undefined)[]) {
  // The exit transition ends just before the dialog's content unmounts:
  // wait (a few frames at most) until focus has left it. Focus inside
  // another dialog (one that replaced this one) or elsewhere in the page
  // is left alone.
  let tries = 0;
  const attempt = () => {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) {
      if (active.closest('[role="dialog"]') && ++tries < 25) window.setTimeout(attempt, 20);
      return;
    }
    for (const el of candidates) {
      if (el && el.isConnected && !el.matches(':disabled')) {
        el.focus({ preventScroll: true });
        return;
      }
    }
  };
  window.setTimeout(attempt, 0);
}

// Dialog is the state of a dialog that stays mounted: what it is about (kept
// while it closes, so its content does not vanish during the transition) and
// whether it is open. Closing with opened=false, rather than unmounting the
// Modal, is what lets Mantine give focus back to the opening control.
export type Dialog<T> = {
  value: T | null;
  opened: boolean;
  open: (value: T, from?: HTMLElement | null) => void;
  close: () => void;
  // from is the control that opened the dialog, if the caller named it.
  from: RefObject<HTMLElement | null>;
};

// useDialog returns the state of one dialog that stays mounted.
export function useDialog<T>(): Dialog<T> {
  const [state, setState] = useState<{ value: T | null; opened: boolean }>({ value: null, opened: false });
  const from = useRef<HTMLElement | null>(null);
  const open = useCallback((value: T, el?: HTMLElement | null) => {
    from.current = el ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    setState({ value, opened: true });
  }, []);
  const close = useCallback(() => setState((s) => ({ ...s, opened: false })), []);
  return { value: state.value, opened: state.opened, open, close, from };
}
