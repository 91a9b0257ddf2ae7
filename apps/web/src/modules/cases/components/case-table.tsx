import { Anchor, Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Case } from '../api/cases-types.ts';
import { useNow } from '../hooks/use-now.ts';
import { CaseStatusBadge, PriorityBadge } from './case-badges.tsx';
import { DueLabel } from './due-label.tsx';

interface CaseTableProps {
  cases: Case[];
  timeZone: string;
  /** A customer's own requests need no account column. */
  withAccount: boolean;
  /** Staff select cases for a bulk change: the ids selected, and the new selection when it changes. */
  selection?: { selected: ReadonlySet<string>; onChange: (selected: Set<string>) => void };
}

export function CaseTable({ cases, timeZone, withAccount, selection }: CaseTableProps) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const selectedHere = selection ? cases.filter((item) => selection.selected.has(item.id)).length : 0;
  const toggle = (id: string, on: boolean) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (on) next.add(id);
    else next.delete(id);
    selection.onChange(next);
  };
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="cases-table">
        <Table.Thead>
          <Table.Tr>
            {selection ? (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('caseQueue.bulk.selectPage')}
                  checked={cases.length > 0 && selectedHere === cases.length}
                  indeterminate={selectedHere > 0 && selectedHere < cases.length}
                  onChange={(event) =>
                    selection.onChange(
                      new Set(event.currentTarget.checked ? cases.map((item) => item.id) : []),
                    )
                  }
                  data-testid="cases-select-page"
                />
              </Table.Th>
            ) : null}
            <Table.Th>{t('cases.fields.reference')}</Table.Th>
            <Table.Th>{t('cases.fields.subject')}</Table.Th>
            {withAccount ? <Table.Th>{t('cases.fields.account')}</Table.Th> : null}
            <Table.Th>{t('cases.fields.priority')}</Table.Th>
            <Table.Th>{t('cases.fields.status')}</Table.Th>
            <Table.Th>{t('cases.fields.assignee')}</Table.Th>
            <Table.Th>{t('cases.fields.nextDue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((item) => (
            <Table.Tr
              key={item.id}
              data-testid="case-row"
              data-case-reference={item.reference}
              bg={selection?.selected.has(item.id) ? 'var(--mantine-primary-color-light)' : undefined}
            >
              {selection ? (
                <Table.Td>
                  <Checkbox
                    aria-label={t('caseQueue.bulk.selectCase', { reference: item.reference })}
                    checked={selection.selected.has(item.id)}
                    onChange={(event) => toggle(item.id, event.currentTarget.checked)}
                    data-testid="case-row-select"
                  />
                </Table.Td>
              ) : null}
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/cases/${item.reference}`}
                  fw={600}
                  size="sm"
                  ff="monospace"
                  style={{ whiteSpace: 'nowrap' }}
                  data-testid="case-link"
                >
                  {item.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2} data-testid="case-row-subject">
                  {item.subject}
                </Text>
              </Table.Td>
              {withAccount ? (
                <Table.Td>
                  <Text size="sm">{item.accountName}</Text>
                </Table.Td>
              ) : null}
              <Table.Td>
                <PriorityBadge priority={item.priority} />
              </Table.Td>
              <Table.Td>
                <CaseStatusBadge status={item.status} testId="case-row-status" />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={item.assignee ? undefined : 'dimmed'} data-testid="case-row-assignee">
                  {item.assignee?.displayName ?? t('cases.unassigned')}
                </Text>
              </Table.Td>
              <Table.Td>
                <DueLabel dueAt={item.nextDueAt} now={now} timeZone={timeZone} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
