import { Button, Card, Center, Group, Loader, Text } from '@mantine/core';
import { IconMessageBolt, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  BulkActionBar,
  CaseFilters,
  CaseTable,
  canWorkCases,
  defaultCaseView,
  NewCaseModal,
  readQueueSearch,
  SavedViewsBar,
  toCaseFilter,
  useCases,
  writeQueueSearch,
  type QueueFilter,
} from '../modules/cases/index.ts';
import { useCurrentUser } from '../modules/identity/index.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';

/**
 * Staff's queue (mine, my team's, all; at risk, breached, waiting on the customer), soonest due first,
 * with their saved views and bulk changes; a customer's own account's requests. The filters are in the
 * address, so a queue can be linked or bookmarked and a reload keeps it.
 */
export function CasesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const isStaff = canWorkCases(me.role);
  const fallbackView = defaultCaseView(me.role);
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = useMemo(() => readQueueSearch(searchParams, fallbackView), [searchParams, fallbackView]);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());

  const cases = useCases(toCaseFilter(filter, isStaff));
  const rows = cases.data?.pages.flatMap((page) => page.items) ?? [];
  // Only cases on screen stay selected: a filter change or a refresh that drops a case unselects it.
  const selectedIds = rows.filter((row) => selected.has(row.id)).map((row) => row.id);

  // Filters typed or toggled replace the address; a saved view picked is a step back can undo.
  const show = (next: QueueFilter, asStep = false) =>
    setSearchParams(writeQueueSearch(next, fallbackView), { replace: !asStep });
  // A change applies to the address as it is now, not as this render read it: the router shows a new
  // address a moment after it is set, and a second toggle clicked meanwhile would undo the first.
  const change = (update: (current: QueueFilter) => QueueFilter) =>
    show(update(readQueueSearch(new URLSearchParams(window.location.search), fallbackView)));

  return (
    <>
      <PageHeader
        title={isStaff ? t('cases.title') : t('cases.customerTitle')}
        subtitle={
          isStaff ? t('cases.subtitle') : t('cases.customerSubtitle', { account: me.account?.name ?? '' })
        }
        actions={
          <Group gap="xs">
            {isStaff ? (
              <Button
                variant="default"
                component={Link}
                to="/macros"
                leftSection={<IconMessageBolt size={16} />}
                data-testid="cases-macros"
              >
                {t('macros.title')}
              </Button>
            ) : null}
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setCreating(true)}
              data-testid="case-new"
            >
              {isStaff ? t('cases.create.open') : t('cases.create.requestOpen')}
            </Button>
          </Group>
        }
      />
      {isStaff ? (
        <SavedViewsBar current={filter} fallbackView={fallbackView} onApply={(next) => show(next, true)} />
      ) : null}
      <CaseFilters value={filter} onChange={change} isStaff={isStaff} />
      {isStaff ? (
        <BulkActionBar
          caseIds={selectedIds}
          onDone={(unchanged) => setSelected(new Set(unchanged))}
          onClear={() => setSelected(new Set())}
        />
      ) : null}
      <Card withBorder padding={0}>
        {cases.isPending ? (
          <Center py="xl">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : cases.isError && rows.length === 0 ? (
          <Card.Section p="md">
            <ProblemAlert error={cases.error} testId="cases-error" />
          </Card.Section>
        ) : rows.length === 0 ? (
          <Text c="dimmed" size="sm" p="lg" ta="center" data-testid="cases-empty">
            {t('cases.empty')}
          </Text>
        ) : (
          <CaseTable
            cases={rows}
            timeZone={me.timeZone}
            withAccount={isStaff}
            {...(isStaff ? { selection: { selected, onChange: setSelected } } : {})}
          />
        )}
      </Card>
      {cases.hasNextPage ? (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            onClick={() => void cases.fetchNextPage()}
            loading={cases.isFetchingNextPage}
            data-testid="cases-load-more"
          >
            {t('cases.loadMore')}
          </Button>
        </Group>
      ) : null}
      {cases.isFetchNextPageError ? <ProblemAlert error={cases.error} testId="cases-error" /> : null}
      <NewCaseModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          void navigate(`/cases/${created.reference}`);
        }}
      />
    </>
  );
}
