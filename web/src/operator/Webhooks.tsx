import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Empty, ErrorAlert, Loading, PageTitle, formatTime } from '../components/common';
import { useConfirm } from '../components/confirm';
import { SecretOnce } from '../components/secret';
import { graphql } from '../gql';
import type { WebhookDeliveryStatus, WebhookEventType } from '../gql/graphql';
import { useViewer } from '../viewer';

graphql(`
  fragment WebhookEndpointFields on WebhookEndpoint {
    id
    url
    description
    eventTypes
    enabled
    secretRotatedAt
    previousSecretExpiresAt
    createdAt
    updatedAt
  }
`);
const EndpointsDocument = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      ...WebhookEndpointFields
    }
  }
`);
const EndpointDocument = graphql(`
  query WebhookEndpoint($id: ID!, $first: Int!, $after: String, $status: WebhookDeliveryStatus) {
    webhookEndpoint(id: $id) {
      ...WebhookEndpointFields
      deliveries(first: $first, after: $after, status: $status) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            eventId
            eventType
            occurredAt
            status
            attempts
            lastAttemptAt
            lastStatusCode
            lastError
            nextAttemptAt
            deliveredAt
          }
        }
      }
    }
  }
`);
const CreateEndpointDocument = graphql(`
  mutation CreateWebhookEndpoint($url: String!, $eventTypes: [WebhookEventType!]!, $description: String, $enabled: Boolean) {
    createWebhookEndpoint(url: $url, eventTypes: $eventTypes, description: $description, enabled: $enabled) {
      endpoint {
        ...WebhookEndpointFields
      }
      secret
    }
  }
`);
const UpdateEndpointDocument = graphql(`
  mutation UpdateWebhookEndpoint($id: ID!, $url: String, $eventTypes: [WebhookEventType!], $description: String, $enabled: Boolean) {
    updateWebhookEndpoint(id: $id, url: $url, eventTypes: $eventTypes, description: $description, enabled: $enabled) {
      endpoint {
        ...WebhookEndpointFields
      }
    }
  }
`);
const RotateDocument = graphql(`
  mutation RotateWebhookEndpointSecret($id: ID!) {
    rotateWebhookEndpointSecret(id: $id) {
      endpoint {
        ...WebhookEndpointFields
      }
      secret
    }
  }
`);
const RedeliverDocument = graphql(`
  mutation RedeliverWebhookDelivery($id: ID!) {
    redeliverWebhookDelivery(id: $id) {
      delivery {
        id
        status
        attempts
        lastAttemptAt
        lastStatusCode
        lastError
        nextAttemptAt
        deliveredAt
      }
    }
  }
`);
const DeleteEndpointDocument = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id) {
      deletedEndpointId
    }
  }
`);

// eventTypes are the WebhookEventType values with their dotted wire names.
const eventTypes: { value: WebhookEventType; label: string }[] = [
  { value: 'MEMBER_DEACTIVATED', label: 'member.deactivated' },
  { value: 'MEMBER_ACTIVATED', label: 'member.activated' },
  { value: 'MEMBER_DELETED', label: 'member.deleted' },
  { value: 'MEMBER_DETACHED', label: 'member.detached' },
  { value: 'USER_DEACTIVATED', label: 'user.deactivated' },
  { value: 'USER_ACTIVATED', label: 'user.activated' },
  { value: 'USER_DELETED', label: 'user.deleted' },
];
const dotted = (t: string) => eventTypes.find((e) => e.value === t)?.label ?? t;

const deliveryStatusColor: Record<string, string> = {
  PENDING: 'blue',
  RETRYING: 'orange',
  SUCCEEDED: 'green',
  FAILED: 'red',
  CANCELLED: 'gray',
};

// EndpointForm edits what an endpoint is: URL, description, event types
// (and, when creating, whether it starts enabled).
function EndpointForm(props: {
  initial?: { url: string; description: string; eventTypes: WebhookEventType[] };
  submitLabel: string;
  fetching: boolean;
  withEnabled: boolean;
  onSubmit: (v: { url: string; description: string; eventTypes: WebhookEventType[]; enabled: boolean }) => void;
  onCancel: () => void;
}) {
  const [url, setUrl] = useState(props.initial?.url ?? '');
  const [description, setDescription] = useState(props.initial?.description ?? '');
  const [types, setTypes] = useState<string[]>(props.initial?.eventTypes ?? []);
  const [enabled, setEnabled] = useState(true);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit({ url, description, eventTypes: types as WebhookEventType[], enabled });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          label="URL"
          description="https (plain http only for localhost)"
          placeholder="https://example.com/roster-events"
          required
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          data-autofocus
        />
        <TextInput label="Description" placeholder="What receives these events" value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <Checkbox.Group label="Event types" description="At least one." value={types} onChange={setTypes}>
          <Stack gap={4} mt="xs">
            {eventTypes.map((t) => (
              <Checkbox key={t.value} value={t.value} label={t.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        {props.withEnabled && <Switch label="Enabled" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={props.fetching}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CreateEndpointDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add a webhook endpoint" size="lg">
      <CreateEndpoint onClose={onClose} />
    </Modal>
  );
}

function CreateEndpoint({ onClose }: { onClose: () => void }) {
  const [res, create] = useMutation(CreateEndpointDocument);
  const out = res.data?.createWebhookEndpoint;
  if (out)
    return (
      <Stack>
        <SecretOnce
          title="Signing secret"
          secret={out.secret}
          what={`Give this secret to the receiver at ${out.endpoint.url}: it verifies each delivery's webhook-signature with it.`}
        />
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  return (
    <Stack>
      <ErrorAlert error={res.error} title="The endpoint was not added" />
      <EndpointForm
        submitLabel="Add endpoint"
        withEnabled
        fetching={res.fetching}
        onCancel={onClose}
        onSubmit={(v) => create({ url: v.url, description: v.description, eventTypes: v.eventTypes, enabled: v.enabled })}
      />
    </Stack>
  );
}

// OperatorWebhooksPage lists the webhook endpoints: add one (its signing
// secret shown once), enable or disable, open one for its deliveries.
export function OperatorWebhooksPage() {
  const viewer = useViewer();
  const [{ data, error, fetching }] = useQuery({ query: EndpointsDocument, pause: !viewer.isOperator });
  const [creating, setCreating] = useState(false);
  const [toggleRes, update] = useMutation(UpdateEndpointDocument);
  if (!viewer.isOperator) return <Navigate to="/" replace />;
  const endpoints = data?.webhookEndpoints ?? [];
  return (
    <Stack gap="sm">
      <PageTitle right={<Button onClick={() => setCreating(true)}>Add endpoint</Button>}>Webhooks</PageTitle>
      <Text size="sm" c="dimmed">
        Roster posts member and user lifecycle events to these URLs, signed per the Standard Webhooks specification, retrying for about 28 hours.
      </Text>
      <ErrorAlert error={toggleRes.error} title="The endpoint was not changed" />
      {!data && fetching ? (
        <Loading label="Loading webhook endpoints…" />
      ) : !data ? (
        <ErrorAlert error={error} title="The webhook endpoints cannot be loaded" />
      ) : endpoints.length === 0 ? (
        <Empty>No webhook endpoint yet.</Empty>
      ) : (
        <ScrollArea type="auto">
          <Table striped verticalSpacing="xs" miw={760} aria-label="Webhook endpoints">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>URL</Table.Th>
                <Table.Th>Event types</Table.Th>
                <Table.Th>Enabled</Table.Th>
                <Table.Th>Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {endpoints.map((e) => (
                <Table.Tr key={e.id} aria-label={e.url}>
                  <Table.Td>
                    <Anchor component={Link} to={`/operator/webhooks/${e.id}`} size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
                      {e.url}
                    </Anchor>
                    {e.description && (
                      <Text size="xs" c="dimmed">
                        {e.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{e.eventTypes.map(dotted).join(', ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`Enabled: ${e.url}`}
                      checked={e.enabled}
                      onChange={(ev) => update({ id: e.id, enabled: ev.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatTime(e.createdAt)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      <CreateEndpointDialog opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

// OperatorWebhookPage shows one endpoint: edit, enable/disable, rotate the
// secret (the new one shown once), delete, and its deliveries a page at a time.
export function OperatorWebhookPage() {
  const viewer = useViewer();
  const { endpointId = '' } = useParams();
  const navigate = useNavigate();
  const [status, setStatus] = useState<WebhookDeliveryStatus | null>(null);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const [{ data, error, fetching }, refetch] = useQuery({
    query: EndpointDocument,
    variables: { id: endpointId, first: 20, after, status },
    pause: !viewer.isOperator,
  });
  const [updateRes, update] = useMutation(UpdateEndpointDocument);
  const [rotateRes, rotate] = useMutation(RotateDocument);
  const [deleteRes, del] = useMutation(DeleteEndpointDocument);
  const [redeliverRes, redeliver] = useMutation(RedeliverDocument);
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [confirmEl, ask] = useConfirm();
  if (!viewer.isOperator) return <Navigate to="/" replace />;
  if (!data && fetching) return <Loading />;
  if (!data) return <ErrorAlert error={error} title="This webhook endpoint cannot be shown" />;
  const e = data.webhookEndpoint;
  const deliveries = e.deliveries.edges.map((d) => d.node);
  const actionError = updateRes.error ?? rotateRes.error ?? deleteRes.error ?? redeliverRes.error;

  return (
    <Stack gap="md" maw={1100}>
      <Anchor component={Link} to="/operator/webhooks" size="sm">
        ← Webhooks
      </Anchor>
      <PageTitle>Webhook endpoint</PageTitle>
      <ErrorAlert error={actionError} title="The action failed" />
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={500} style={{ wordBreak: 'break-all' }}>
            {e.url}
          </Text>
          {e.description && <Text size="sm">{e.description}</Text>}
          <Group gap={4}>
            {e.eventTypes.map((t) => (
              <Badge key={t} variant="light" tt="none">
                {dotted(t)}
              </Badge>
            ))}
          </Group>
          <Text size="xs" c="dimmed">
            Created {formatTime(e.createdAt)} · secret made {formatTime(e.secretRotatedAt)}
            {e.previousSecretExpiresAt ? ` · the previous secret signs too until ${formatTime(e.previousSecretExpiresAt)}` : ''}
          </Text>
          <Group gap="xs" wrap="wrap">
            <Switch label="Enabled" checked={e.enabled} onChange={(ev) => update({ id: e.id, enabled: ev.currentTarget.checked })} />
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Button
              size="xs"
              variant="light"
              color="orange"
              loading={rotateRes.fetching}
              onClick={async () => {
                const ok = await ask({
                  title: 'Rotate the signing secret?',
                  body: 'A new secret signs every delivery from now on; for 24 hours the current one signs too, so the receiver can switch without losing a delivery.',
                  confirm: 'Rotate secret',
                  color: 'orange',
                });
                if (!ok) return;
                const r = await rotate({ id: e.id });
                if (r.data) setSecret(r.data.rotateWebhookEndpointSecret.secret);
              }}
            >
              Rotate secret
            </Button>
            <Button
              size="xs"
              variant="light"
              color="red"
              loading={deleteRes.fetching}
              onClick={async () => {
                const ok = await ask({
                  title: 'Delete this webhook endpoint?',
                  body: `${e.url} stops receiving events; its deliveries are deleted and those not yet made are dropped. This cannot be undone.`,
                  confirm: 'Delete endpoint',
                });
                if (!ok) return;
                const r = await del({ id: e.id });
                if (r.data) {
                  notifications.show({ message: `The endpoint ${e.url} was deleted.` });
                  navigate('/operator/webhooks');
                }
              }}
            >
              Delete
            </Button>
          </Group>
          {secret && <SecretOnce title="New signing secret" secret={secret} what="Give this secret to the receiver." />}
        </Stack>
      </Paper>

      <Stack gap="xs">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={3} size="h4">
            Deliveries
          </Title>
          <Group gap="xs" align="flex-end">
            <Select
              label="Status"
              size="xs"
              w={160}
              data={[{ value: '', label: 'All statuses' }, ...Object.keys(deliveryStatusColor).map((s) => ({ value: s, label: s.charAt(0) + s.slice(1).toLowerCase() }))]}
              value={status ?? ''}
              onChange={(v) => {
                setStatus((v || null) as WebhookDeliveryStatus | null);
                setCursors([null]);
              }}
              allowDeselect={false}
            />
            <Button size="xs" variant="default" onClick={() => refetch({ requestPolicy: 'network-only' })}>
              Refresh
            </Button>
          </Group>
        </Group>
        {deliveries.length === 0 ? (
          <Empty>{status ? 'No delivery in this status.' : 'Nothing was sent to this endpoint yet.'}</Empty>
        ) : (
          <ScrollArea type="auto">
            <Table striped verticalSpacing="xs" miw={900} aria-label="Deliveries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Event</Table.Th>
                  <Table.Th miw={130}>Status</Table.Th>
                  <Table.Th>Attempts</Table.Th>
                  <Table.Th>Last answer</Table.Th>
                  <Table.Th>Next attempt</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deliveries.map((d) => (
                  <Table.Tr key={d.id} aria-label={`${dotted(d.eventType)} ${d.eventId}`}>
                    <Table.Td>
                      <Text size="sm">{dotted(d.eventType)}</Text>
                      <Text size="xs" c="dimmed">
                        {formatTime(d.occurredAt)} · {d.eventId}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={deliveryStatusColor[d.status] ?? 'gray'} variant="light">
                        {d.status.charAt(0) + d.status.slice(1).toLowerCase()}
                      </Badge>
                      {d.deliveredAt && (
                        <Text size="xs" c="dimmed">
                          {formatTime(d.deliveredAt)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{d.attempts}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{d.lastStatusCode ?? (d.lastAttemptAt ? 'no answer' : '—')}</Text>
                      {d.lastError && (
                        <Tooltip label={d.lastError} multiline w={360} withinPortal>
                          <Text size="xs" c="red" lineClamp={2} maw={320}>
                            {d.lastError}
                          </Text>
                        </Tooltip>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{d.nextAttemptAt ? formatTime(d.nextAttemptAt) : '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <RedeliverButton
                        label={`Redeliver ${dotted(d.eventType)} ${d.eventId}`}
                        reason={
                          d.status === 'PENDING' || d.status === 'RETRYING'
                            ? 'Still being attempted.'
                            : !e.enabled
                              ? 'The endpoint is disabled; enable it first.'
                              : null
                        }
                        onClick={async () => {
                          const r = await redeliver({ id: d.id });
                          if (r.data) notifications.show({ message: `${dotted(d.eventType)} will be sent again, with the same webhook-id.` });
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
        <Group gap="xs" justify="flex-end">
          <Text size="sm" c="dimmed">
            Page {cursors.length}
          </Text>
          <Button variant="default" size="xs" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Previous page
          </Button>
          <Button
            variant="default"
            size="xs"
            disabled={!e.deliveries.pageInfo.hasNextPage}
            onClick={() => setCursors((c) => [...c, e.deliveries.pageInfo.endCursor ?? null])}
          >
            Next page
          </Button>
        </Group>
      </Stack>

      <Modal opened={editing} onClose={() => setEditing(false)} title="Edit the webhook endpoint" size="lg">
        <Stack>
          <ErrorAlert error={updateRes.error} title="The endpoint was not changed" />
          <EndpointForm
            initial={{ url: e.url, description: e.description, eventTypes: e.eventTypes }}
            submitLabel="Save"
            withEnabled={false}
            fetching={updateRes.fetching}
            onCancel={() => setEditing(false)}
            onSubmit={async (v) => {
              const r = await update({ id: e.id, url: v.url, description: v.description, eventTypes: v.eventTypes });
              if (r.data) {
                setEditing(false);
                notifications.show({ color: 'green', message: 'Endpoint saved.' });
              }
            }}
          />
        </Stack>
      </Modal>
      {confirmEl}
    </Stack>
  );
}


// RedeliverButton sends a finished delivery again (redeliverWebhookDelivery);
// reason, when set, says why it cannot be sent again now.
function RedeliverButton({ label, reason, onClick }: { label: string; reason: string | null; onClick: () => void }) {
  const button = (
    <Button size="compact-xs" variant="light" aria-label={label} disabled={reason !== null} onClick={onClick}>
      Redeliver
    </Button>
  );
  return reason ? (
    <Tooltip label={reason} withinPortal>
      <span>{button}</span>
    </Tooltip>
  ) : (
    button
  );
}
