import { Anchor, Card, Center, Group, Loader, Tabs } from '@mantine/core';
import { isCustomerRole } from '@paydesk/shared';
import {
  IconChevronLeft,
  IconFileText,
  IconGitCompare,
  IconMessageQuestion,
  IconPaperclip,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { canSeeArea } from '../app/navigation.ts';
import { useCalendars } from '../modules/calendars/index.ts';
import {
  canManageContracts,
  canReadContracts,
  ChangeRequestsTab,
  ContractActions,
  ContractSummary,
  DocumentsTab,
  TermsTab,
  useContract,
  useServiceCatalogue,
  VersionsTab,
  type TermsChangeKind,
} from '../modules/contracts/index.ts';
import { useCurrentUser } from '../modules/identity/index.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { ForbiddenPage } from './forbidden-page.tsx';

const tabs = ['terms', 'versions', 'documents', 'changeRequests'] as const;
type TabKey = (typeof tabs)[number];
const tabIcons: Record<TabKey, ReactNode> = {
  terms: <IconFileText size={16} />,
  versions: <IconGitCompare size={16} />,
  documents: <IconPaperclip size={16} />,
  changeRequests: <IconMessageQuestion size={16} />,
};
type Calendars = ReadonlyArray<{ id: string; name: string }>;

/**
 * One contract: its facts, what may be done to it, and its terms, versions, documents and change
 * requests. Customers' administrators read their own account's contracts in force (the API keeps
 * drafts and other accounts from them).
 */
export function ContractPage() {
  const me = useCurrentUser();
  const { id = '' } = useParams();
  if (!canReadContracts(me.role)) return <ForbiddenPage />;
  // Customers cannot list calendars; the contract itself names the ones its policies count on.
  return isCustomerRole(me.role) ? <ContractView id={id} calendars={[]} /> : <StaffContractView id={id} />;
}

function StaffContractView({ id }: { id: string }) {
  const calendars = useCalendars();
  const rows = calendars.data?.pages.flatMap((page) => page.items) ?? [];
  return <ContractView id={id} calendars={rows} />;
}

function ContractView({ id, calendars }: { id: string; calendars: Calendars }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const contract = useContract(id);
  const services = useServiceCatalogue();
  const [searchParams, setSearchParams] = useSearchParams();
  const [change, setChange] = useState<TermsChangeKind | null>(null);
  const requested = searchParams.get('tab') as TabKey | null;
  const tab: TabKey = requested && tabs.includes(requested) ? requested : 'terms';
  const canManage = canManageContracts(me.role);
  const showTab = (key: TabKey) => setSearchParams(key === 'terms' ? {} : { tab: key }, { replace: true });

  if (contract.isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (contract.isError) {
    return (
      <>
        <BackLink />
        <ProblemAlert error={contract.error} testId="contract-error" />
      </>
    );
  }
  const data = contract.data;

  return (
    <>
      <BackLink accountId={data.accountId} />
      <PageHeader
        title={data.title}
        subtitle={data.reference}
        actions={
          canManage && change === null ? (
            <ContractActions
              contract={data}
              onChangeTerms={(kind) => {
                setChange(kind);
                showTab('terms');
              }}
            />
          ) : null
        }
      />
      <ContractSummary contract={data} />
      <Card withBorder padding={0}>
        <Tabs
          value={tab}
          onChange={(value) => showTab((value as TabKey | null) ?? 'terms')}
          keepMounted={false}
        >
          <Tabs.List px="md" pt="xs">
            {tabs.map((key) => (
              <Tabs.Tab key={key} value={key} leftSection={tabIcons[key]} data-testid={`contract-tab-${key}`}>
                {t(`contracts.tabs.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="terms" p="md" data-testid="contract-panel-terms">
            <TermsTab
              contract={data}
              canManage={canManage}
              change={change}
              onChangeDone={() => setChange(null)}
              calendars={[
                ...calendars,
                ...data.calendars.filter((named) => !calendars.some((known) => known.id === named.id)),
              ]}
              services={services.data ?? []}
            />
          </Tabs.Panel>
          <Tabs.Panel value="versions" p="md" data-testid="contract-panel-versions">
            <VersionsTab contractId={data.id} />
          </Tabs.Panel>
          <Tabs.Panel value="documents" p="md" data-testid="contract-panel-documents">
            <DocumentsTab contractId={data.id} canManage={canManage} />
          </Tabs.Panel>
          <Tabs.Panel value="changeRequests" p="md" data-testid="contract-panel-changeRequests">
            <ChangeRequestsTab contractId={data.id} status={data.status} />
          </Tabs.Panel>
        </Tabs>
      </Card>
    </>
  );
}

/** Back to the contracts list for those with the area, else to the contract's account. */
function BackLink({ accountId }: { accountId?: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const toList = canSeeArea(me.role, 'contracts');
  if (!toList && !accountId) return null;
  return (
    <Anchor
      component={Link}
      to={toList ? '/contracts' : `/accounts/${accountId}?tab=contracts`}
      size="sm"
      c="dimmed"
      data-testid="contract-back"
    >
      <Group gap={4} mb="xs">
        <IconChevronLeft size={14} />
        {toList ? t('contracts.back') : t('contracts.backToAccount')}
      </Group>
    </Anchor>
  );
}
