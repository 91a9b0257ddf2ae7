import { Button, Card, Group, Text } from '@mantine/core';
import { IconFlag, IconProgressCheck, IconTag, IconUserShare, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkAction } from '../bulk-changes.ts';
import { BulkChangeModal } from './bulk-change-modal.tsx';

interface BulkActionBarProps {
  /** The selected cases, in queue order. */
  caseIds: string[];
  /** After a change: the cases it did not change, to keep them selected for another try. */
  onDone: (unchanged: string[]) => void;
  onClear: () => void;
}

const icons: Record<BulkAction, ReactNode> = {
  assign: <IconUserShare size={16} />,
  status: <IconProgressCheck size={16} />,
  priority: <IconFlag size={16} />,
  tag: <IconTag size={16} />,
};

/** One change to every selected case; shown while any case is selected. */
export function BulkActionBar({ caseIds, onDone, onClear }: BulkActionBarProps) {
  const { t } = useTranslation();
  const [action, setAction] = useState<BulkAction | null>(null);
  if (caseIds.length === 0 && action === null) return null;
  return (
    <Card withBorder padding="xs" mb="sm" bg="var(--mantine-primary-color-light)" data-testid="bulk-bar">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600} mr="xs" data-testid="bulk-count">
            {t('caseQueue.bulk.selected', { count: caseIds.length })}
          </Text>
          {(Object.keys(icons) as BulkAction[]).map((key) => (
            <Button
              key={key}
              size="xs"
              variant="default"
              leftSection={icons[key]}
              onClick={() => setAction(key)}
              data-testid={`bulk-${key}`}
            >
              {t(`caseQueue.bulk.actions.${key}`)}
            </Button>
          ))}
        </Group>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconX size={14} />}
          onClick={onClear}
          data-testid="bulk-clear"
        >
          {t('caseQueue.bulk.clear')}
        </Button>
      </Group>
      <BulkChangeModal
        action={action}
        caseIds={caseIds}
        onClose={(unchanged) => {
          setAction(null);
          if (unchanged) onDone(unchanged);
        }}
      />
    </Card>
  );
}
