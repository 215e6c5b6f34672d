import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';

// SecretOnce shows a secret the API returns a single time (a webhook signing
// secret, a SCIM token) with a copy button, and says it cannot be shown again.
export function SecretOnce({ title, secret, what }: { title: string; secret: string; what: string }) {
  return (
    <Alert color="yellow" title={title} role="status">
      <Stack gap="xs">
        <Text size="sm">{what} It is shown this once: Roster cannot show it again.</Text>
        <Code block aria-label="Secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {secret}
        </Code>
        <Group>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" color={copied ? 'green' : undefined} onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
