import { Button, Group, Modal, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { useCivilDateFormat } from '../civil-date.ts';
import { useCreateDecision, useDecisions } from '../hooks/use-governance.ts';
import { ReviewSelect } from './review-select.tsx';
import { PanelState } from '../../../ui/panel-state.tsx';

export function DecisionsSection({ accountId, canEdit }: { accountId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const decisions = useDecisions(accountId);
  const { formatCivilDate } = useCivilDateFormat();
  const [adding, setAdding] = useState(false);
  const rows = decisions.data?.items ?? [];

  return (
    <>
      {canEdit ? (
        <Group justify="flex-end" mb="sm">
          <Button
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setAdding(true)}
            data-testid="decision-add"
          >
            {t('governance.decisions.add')}
          </Button>
        </Group>
      ) : null}
      <PanelState
        isPending={decisions.isPending}
        error={decisions.error}
        isEmpty={rows.length === 0}
        emptyText={t('governance.decisions.empty')}
        testId="decisions"
      >
        <Table verticalSpacing="sm" data-testid="decisions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('governance.decisions.text')}</Table.Th>
              <Table.Th>{t('governance.decisions.decidedOn')}</Table.Th>
              <Table.Th>{t('governance.decisions.decidedBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((decision) => (
              <Table.Tr key={decision.id} data-testid="decision-row">
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {decision.text}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatCivilDate(decision.decidedOn)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{decision.decidedBy}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </PanelState>
      {adding ? <DecisionModal accountId={accountId} onClose={() => setAdding(false)} /> : null}
    </>
  );
}

function DecisionModal({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateDecision(accountId);
  const [text, setText] = useState('');
  const [decidedOn, setDecidedOn] = useState('');
  const [decidedBy, setDecidedBy] = useState('');
  const [reviewId, setReviewId] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ text?: string; decidedOn?: string; decidedBy?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (text.trim() === '') next.text = t('common.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(decidedOn)) next.decidedOn = t('governance.dateInvalid');
    if (decidedBy.trim() === '') next.decidedBy = t('common.required');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    create.mutate(
      { text: text.trim(), decidedOn, decidedBy: decidedBy.trim(), reviewId },
      { onSuccess: onClose },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('governance.decisions.addTitle')} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="decision-form">
        <Stack gap="sm">
          <ProblemAlert error={create.error} testId="decision-form-error" />
          <Textarea
            label={t('governance.decisions.text')}
            required
            autosize
            minRows={2}
            maxLength={5000}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={errors.text}
            data-autofocus
            data-testid="decision-text"
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('governance.decisions.decidedOn')}
              required
              value={decidedOn}
              onChange={(event) => setDecidedOn(event.currentTarget.value)}
              error={errors.decidedOn}
              data-testid="decision-decided-on"
            />
            <TextInput
              label={t('governance.decisions.decidedBy')}
              required
              maxLength={200}
              value={decidedBy}
              onChange={(event) => setDecidedBy(event.currentTarget.value)}
              error={errors.decidedBy}
              data-testid="decision-decided-by"
            />
          </Group>
          <ReviewSelect
            accountId={accountId}
            value={reviewId}
            onChange={setReviewId}
            testId="decision-review"
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="decision-submit">
              {t('governance.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
