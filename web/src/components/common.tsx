import { Alert, Badge, Center, Group, Loader, Pagination, Select, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { apiError, type ApiError } from '../errors';

// ErrorAlert shows a failed operation in the API's words, with its code (an
// unknown one too: the message says what happened) and, for an internal
// error, the request id to quote to support.
export function ErrorAlert({ error, title }: { error: CombinedError | ApiError | null | undefined; title?: string }) {
  if (!error) return null;
  const e = 'graphQLErrors' in error ? apiError(error) : error;
  if (!e) return null;
  return (
    <Alert color="red" title={title ?? 'Something went wrong'} role="alert">
      <Text size="sm">{e.message}</Text>
      <Text size="xs" c="dimmed">
        Code: {e.code}
        {e.requestId ? ` · Request id: ${e.requestId}` : ''}
      </Text>
    </Alert>
  );
}

// Loading is the placeholder of a section whose data is on its way.
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="xs">
        <Loader size="sm" />
        <Text size="sm">{label}</Text>
      </Group>
    </Center>
  );
}

// Empty is what a list shows when nothing matches.
export function Empty({ children }: { children: ReactNode }) {
  return (
    <Center py="xl">
      <Text c="dimmed" size="sm">
        {children}
      </Text>
    </Center>
  );
}

export function PageTitle({ children, right }: { children: ReactNode; right?: ReactNode }) {
  return (
    <Group justify="space-between" mb="md" wrap="wrap">
      <Title order={2}>{children}</Title>
      {right}
    </Group>
  );
}

const statusColors: Record<string, string> = {
  ACTIVE: 'green',
  INACTIVE: 'gray',
  PENDING: 'blue',
  ACCEPTED: 'green',
  REVOKED: 'gray',
  EXPIRED: 'orange',
  QUEUED: 'blue',
  SENT: 'green',
  RETRYING: 'orange',
  FAILED: 'red',
  SUPPRESSED: 'gray',
  SKIPPED: 'gray',
};

// StatusBadge shows an enum state with a readable label (Active, Retrying …).
export function StatusBadge({ value }: { value: string | null | undefined }) {
  if (!value) return null;
  return (
    <Badge color={statusColors[value] ?? 'gray'} variant="light">
      {label(value)}
    </Badge>
  );
}

// label turns an enum value into words: FINANCE_MANAGER → Finance manager.
export function label(value: string): string {
  const s = value.toLowerCase().replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const roleOptions = ['OWNER', 'ADMINISTRATOR', 'FINANCE_MANAGER', 'USER'].map((r) => ({ value: r, label: label(r) }));

// Pager is the page number control with the page size beside it.
export function Pager(props: {
  page: number;
  pageCount: number;
  pageSize: number;
  totalCount: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}) {
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" c="dimmed">
        {props.totalCount} in all
      </Text>
      <Group gap="sm" wrap="wrap">
        {props.pageCount > 1 && (
          <Pagination
            total={props.pageCount}
            value={props.page}
            onChange={props.onPage}
            size="sm"
            getControlProps={(control) => ({ 'aria-label': `${control} page` })}
            getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
          />
        )}
        <Select
          aria-label="Page size"
          w={110}
          size="xs"
          data={['10', '25', '50', '100'].map((v) => ({ value: v, label: `${v} / page` }))}
          value={String(props.pageSize)}
          onChange={(v) => v && props.onPageSize(Number(v))}
          allowDeselect={false}
        />
      </Group>
    </Group>
  );
}

export function formatTime(t: string | null | undefined): string {
  if (!t) return '—';
  return new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function Section({ children }: { children: ReactNode }) {
  return <Stack gap="md">{children}</Stack>;
}
