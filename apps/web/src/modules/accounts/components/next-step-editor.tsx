import { ActionIcon, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { Opportunity } from '../api/accounts-types.ts';
import { useUpdateOpportunity } from '../hooks/use-accounts.ts';

/** An opportunity's next step, changed in place (Enter saves, Escape cancels). */
export function NextStepEditor({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const update = useUpdateOpportunity(opportunity.accountId);
  const [draft, setDraft] = useState<string | null>(null);

  function save(event: FormEvent) {
    event.preventDefault();
    if (draft === null) return;
    update.mutate(
      { opportunityId: opportunity.id, input: { nextStep: draft.trim() } },
      { onSuccess: () => setDraft(null) },
    );
  }

  if (draft === null) {
    return (
      <Group gap={4} wrap="nowrap">
        <Text size="sm" c={opportunity.nextStep ? undefined : 'dimmed'} data-testid="opportunity-next-step">
          {opportunity.nextStep || t('common.none')}
        </Text>
        <ActionIcon
          variant="subtle"
          size="sm"
          aria-label={t('accounts.opportunityEdit.editNextStep', { title: opportunity.title })}
          onClick={() => setDraft(opportunity.nextStep)}
        >
          <IconPencil size={14} />
        </ActionIcon>
      </Group>
    );
  }
  const cancel = () => {
    update.reset();
    setDraft(null);
  };
  return (
    <form onSubmit={save}>
      <Stack gap={4}>
        <Group gap={4} wrap="nowrap">
          <TextInput
            size="xs"
            aria-label={t('accounts.opportunityEdit.nextStepOf', { title: opportunity.title })}
            value={draft}
            maxLength={1000}
            onChange={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') cancel();
            }}
            autoFocus
          />
          <ActionIcon
            type="submit"
            size="sm"
            loading={update.isPending}
            aria-label={t('accounts.opportunityEdit.saveNextStep')}
          >
            <IconCheck size={14} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            size="sm"
            color="gray"
            aria-label={t('common.cancel')}
            onClick={cancel}
          >
            <IconX size={14} />
          </ActionIcon>
        </Group>
        <ProblemAlert error={update.error} testId="opportunity-next-step-error" />
      </Stack>
    </form>
  );
}
