import { Container, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

// PublicFrame is the card around the pages used without a session.
export function PublicFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container size={440} py={48} component="main">
      <Text fw={700} size="lg" mb="xs" ta="center">
        Roster
      </Text>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        <Title order={1} size="h3" mb="md">
          {title}
        </Title>
        {children}
      </Paper>
    </Container>
  );
}
