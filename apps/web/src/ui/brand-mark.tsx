import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconHeadset } from '@tabler/icons-react';
import { productName } from './product-name.ts';

interface BrandMarkProps {
  tagline?: string;
}

export function BrandMark({ tagline }: BrandMarkProps) {
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={30} radius="md" variant="filled">
        <IconHeadset size={18} stroke={1.8} />
      </ThemeIcon>
      <Text fw={700} size="lg" lh={1}>
        {productName}
      </Text>
      {tagline ? (
        <Text size="sm" c="dimmed" visibleFrom="sm" lh={1}>
          {tagline}
        </Text>
      ) : null}
    </Group>
  );
}
