import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface LabelledValueProps {
  label: string;
  children: ReactNode;
  testId?: string;
}

export function LabelledValue({ label, children, testId }: LabelledValueProps) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" data-testid={testId} component="div">
        {children}
      </Text>
    </Stack>
  );
}
