import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/**
 * The pieces the case page's picker and the macros page share, so the two never describe a macro,
 * or look for one, in different words.
 */

interface MacroSearchInputProps {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  w?: number;
}

/** The box that filters macros by name (the API matches at most 100 characters). */
export function MacroSearchInput({ value, onChange, testId, w }: MacroSearchInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      leftSection={<IconSearch size={16} />}
      placeholder={t('macros.searchPlaceholder')}
      aria-label={t('macros.search')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      maxLength={100}
      w={w}
      data-testid={testId}
    />
  );
}

/** The routing a macro sets, or would set on a case: new status, team and assignee. */
export interface RoutingChange {
  status?: string;
  teamId?: string | null;
  /** 'me': whoever applies the macro (a macro's own actions; a preview names the user). */
  assigneeId?: string | null;
}

/** One line per routing field the change sets, in the order the case page shows its fields. */
export function describeRouting(t: TFunction, change: RoutingChange): string[] {
  const lines: string[] = [];
  if (change.status) lines.push(t('macros.changes.status', { status: t(`cases.statuses.${change.status}`) }));
  if (change.teamId !== undefined) {
    lines.push(change.teamId === null ? t('macros.changes.noTeam') : t('macros.changes.team'));
  }
  if (change.assigneeId !== undefined) {
    lines.push(
      change.assigneeId === null
        ? t('macros.changes.unassign')
        : change.assigneeId === 'me'
          ? t('macros.manage.takesCaseShort')
          : t('macros.changes.assignee'),
    );
  }
  return lines;
}
