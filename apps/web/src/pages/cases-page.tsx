import { Button, Card, Center, Group, Loader, SegmentedControl, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import {
  CaseFilters,
  CaseTable,
  canWorkCases,
  emptyCaseFilter,
  NewCaseModal,
  useCases,
  type CaseFilter,
  type CaseFilterValues,
  type CaseView,
} from '../modules/cases/index.ts';
import { useCurrentUser } from '../modules/identity/index.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';

const views: readonly CaseView[] = ['mine', 'team', 'all'];

/**
 * Staff's queue (mine, my team's, all), soonest due first; a customer's own account's requests. The
 * view is in the address so a queue can be bookmarked.
 */
export function CasesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const isStaff = canWorkCases(me.role);
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('view') as CaseView | null;
  const view: CaseView =
    requested && views.includes(requested) ? requested : me.role === 'agent' ? 'mine' : 'all';
  const [values, setValues] = useState<CaseFilterValues>(emptyCaseFilter);
  const [q] = useDebouncedValue(values.q.trim(), 250);
  const [creating, setCreating] = useState(false);

  const filter = useMemo<CaseFilter>(
    () => ({
      ...(isStaff ? { view } : {}),
      ...(q ? { q } : {}),
      ...(values.status.length ? { status: values.status } : {}),
      ...(values.priority ? { priority: values.priority } : {}),
      ...(values.openOnly ? { open: true } : {}),
      ...(isStaff && values.accountId ? { accountId: values.accountId } : {}),
    }),
    [isStaff, view, q, values.status, values.priority, values.openOnly, values.accountId],
  );
  const cases = useCases(filter);
  const rows = cases.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={isStaff ? t('cases.title') : t('cases.customerTitle')}
        subtitle={
          isStaff ? t('cases.subtitle') : t('cases.customerSubtitle', { account: me.account?.name ?? '' })
        }
        actions={
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setCreating(true)}
            data-testid="case-new"
          >
            {isStaff ? t('cases.create.open') : t('cases.create.requestOpen')}
          </Button>
        }
      />
      {isStaff ? (
        <SegmentedControl
          mb="md"
          value={view}
          onChange={(next) => setSearchParams({ view: next }, { replace: true })}
          data={views.map((key) => ({ value: key, label: t(`cases.views.${key}`) }))}
          data-testid="cases-view"
        />
      ) : null}
      <CaseFilters value={values} onChange={setValues} withAccount={isStaff} />
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
          <CaseTable cases={rows} timeZone={me.timeZone} withAccount={isStaff} />
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
