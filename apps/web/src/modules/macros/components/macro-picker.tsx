import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { Macro, MacroApplied, MacroPreview } from '../api/macros-types.ts';
import { useApplyMacro, useMacroPreview, useMacros } from '../hooks/use-macros.ts';
import { describeRouting, MacroSearchInput } from './macro-parts.tsx';

interface MacroPickerProps {
  caseId: string;
  /** The version the agent sees: applying sends it as If-Match, so a changed case is not overwritten. */
  caseVersion: number;
  onApplied?: (applied: MacroApplied) => void;
}

/**
 * Find a macro, read the reply exactly as it would be posted on this case (in the case's language,
 * variables filled) and what it would change, then apply it: reply and field changes in one go.
 */
export function MacroPicker({ caseId, caseVersion, onApplied }: MacroPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Macro | null>(null);
  const macros = useMacros(search);
  const preview = useMacroPreview(caseId, selected?.id ?? null, caseVersion);
  const apply = useApplyMacro(caseId);

  const applySelected = () => {
    if (!selected) return;
    apply.mutate(
      { macroId: selected.id, caseVersion },
      {
        onSuccess: (applied) => {
          setSelected(null);
          onApplied?.(applied);
        },
      },
    );
  };

  const items = macros.data?.items ?? [];
  return (
    <Card withBorder padding="md" data-testid="macro-picker">
      <Stack gap="sm">
        <Text fw={600}>{t('macros.title')}</Text>
        <MacroSearchInput value={search} onChange={setSearch} testId="macro-search" />
        {macros.isError ? <ProblemAlert error={macros.error} testId="macro-list-error" /> : null}
        {macros.isPending ? <Loader size="sm" /> : null}
        {!macros.isPending && items.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="macro-empty">
            {search.trim() ? t('macros.noMatch') : t('macros.none')}
          </Text>
        ) : null}
        <ScrollArea.Autosize mah={220}>
          <Stack gap={4} role="listbox" aria-label={t('macros.title')}>
            {items.map((macro) => (
              <UnstyledButton
                key={macro.id}
                role="option"
                aria-selected={selected?.id === macro.id}
                onClick={() => {
                  apply.reset();
                  setSelected(macro);
                }}
                p={6}
                style={{
                  borderRadius: 4,
                  background: selected?.id === macro.id ? 'var(--mantine-color-blue-light)' : undefined,
                }}
                data-testid="macro-option"
              >
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" truncate>
                    {macro.name}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    <Badge size="xs" variant="light" color={macro.visibility === 'public' ? 'blue' : 'gray'}>
                      {t(`macros.visibility.${macro.visibility}`)}
                    </Badge>
                    <Badge size="xs" variant="outline">
                      {macro.sharing === 'team' && macro.team
                        ? macro.team.name
                        : t(`macros.sharing.${macro.sharing}`)}
                    </Badge>
                  </Group>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        {selected ? (
          <Stack gap="xs" data-testid="macro-preview">
            {preview.isPending ? <Loader size="sm" /> : null}
            {preview.isError ? <ProblemAlert error={preview.error} testId="macro-preview-error" /> : null}
            {preview.data ? <PreviewBody preview={preview.data} /> : null}
            {apply.isError ? <ProblemAlert error={apply.error} testId="macro-apply-error" /> : null}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setSelected(null)} data-testid="macro-cancel">
                {t('macros.cancel')}
              </Button>
              <Button
                onClick={applySelected}
                loading={apply.isPending}
                disabled={!preview.data}
                data-testid="macro-apply"
              >
                {t('macros.apply')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

function PreviewBody({ preview }: { preview: MacroPreview }) {
  const { t } = useTranslation();
  const { changes } = preview;
  const lines = [
    ...describeRouting(t, changes),
    changes.priority
      ? t('macros.changes.priority', { priority: changes.priority, reason: changes.priorityReason ?? '' })
      : null,
    changes.tags ? t('macros.changes.tags', { tags: changes.tags.join(', ') || '—' }) : null,
  ].filter((line): line is string => line !== null);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge variant="light" color={preview.visibility === 'public' ? 'blue' : 'gray'}>
          {t(`macros.visibility.${preview.visibility}`)}
        </Badge>
        <Badge variant="outline">{t(`macros.languages.${preview.language}`)}</Badge>
      </Group>
      <Text
        size="sm"
        style={{ whiteSpace: 'pre-wrap' }}
        p="xs"
        bg="var(--mantine-color-gray-light)"
        data-testid="macro-preview-body"
      >
        {preview.body}
      </Text>
      {preview.missingVariables.length > 0 ? (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={16} />}
          data-testid="macro-missing"
        >
          {t('macros.missing', {
            variables: preview.missingVariables.map((name) => `{{${name}}}`).join(', '),
          })}
        </Alert>
      ) : null}
      {lines.length > 0 ? (
        <div>
          <Text size="sm" fw={500}>
            {t('macros.changes.title')}
          </Text>
          <List size="sm" data-testid="macro-changes">
            {lines.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </div>
      ) : null}
    </Stack>
  );
}
