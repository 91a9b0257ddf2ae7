import { Anchor, Card, Center, Group, Loader, Tabs } from '@mantine/core';
import { isCustomerRole } from '@paydesk/shared';
import {
  IconAddressBook,
  IconBulb,
  IconChevronLeft,
  IconFileText,
  IconNotes,
  IconPackage,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { canSeeArea } from '../app/navigation.ts';
import {
  AccountSummary,
  canManageAccounts,
  canSeeInternal,
  ContactsPanel,
  EditAccountButton,
  NotesPanel,
  OpportunitiesPanel,
  ServicesPanel,
  useAccount,
} from '../modules/accounts/index.ts';
import { ContractsTab } from '../modules/contracts/index.ts';
import { GovernanceTab } from '../modules/governance/index.ts';
import { useCurrentUser } from '../modules/identity/index.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { ForbiddenPage } from './forbidden-page.tsx';

const staffTabs = ['contacts', 'services', 'contracts', 'governance', 'notes', 'opportunities'] as const;
const customerTabs = ['contacts', 'services', 'contracts', 'governance'] as const;
type TabKey = (typeof staffTabs)[number];

const tabIcons: Record<TabKey, ReactNode> = {
  contacts: <IconAddressBook size={16} />,
  services: <IconPackage size={16} />,
  contracts: <IconFileText size={16} />,
  governance: <IconUsersGroup size={16} />,
  notes: <IconNotes size={16} />,
  opportunities: <IconBulb size={16} />,
};

export function AccountPage() {
  const me = useCurrentUser();
  const { id = '' } = useParams();
  // A customer only ever has their own account; the API would refuse any other.
  if (isCustomerRole(me.role) ? me.account?.id !== id : !canSeeArea(me.role, 'accounts')) {
    return <ForbiddenPage />;
  }
  return <AccountView id={id} />;
}

function AccountView({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const account = useAccount(id);
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs: readonly TabKey[] = canSeeInternal(me.role) ? staffTabs : customerTabs;
  const requested = searchParams.get('tab') as TabKey | null;
  const tab: TabKey = requested && tabs.includes(requested) ? requested : 'contacts';
  const canEdit = canManageAccounts(me.role);
  const isCustomer = isCustomerRole(me.role);

  if (account.isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (account.isError) {
    return (
      <>
        <BackLink hidden={isCustomer} />
        <ProblemAlert error={account.error} testId="account-error" />
      </>
    );
  }
  const data = account.data;

  return (
    <>
      <BackLink hidden={isCustomer} />
      <PageHeader
        title={data.name}
        subtitle={isCustomer ? t('accounts.page.customerSubtitle') : undefined}
        actions={canEdit ? <EditAccountButton account={data} /> : null}
      />
      <AccountSummary account={data} />
      <Card withBorder padding={0}>
        <Tabs
          value={tab}
          onChange={(value) =>
            setSearchParams(value && value !== 'contacts' ? { tab: value } : {}, { replace: true })
          }
          keepMounted={false}
        >
          <Tabs.List px="md" pt="xs">
            {tabs.map((key) => (
              <Tabs.Tab key={key} value={key} leftSection={tabIcons[key]} data-testid={`account-tab-${key}`}>
                {t(`accounts.tabs.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="contacts" p="md" data-testid="account-panel-contacts">
            <ContactsPanel account={data} canEdit={canEdit} />
          </Tabs.Panel>
          <Tabs.Panel value="services" p="md" data-testid="account-panel-services">
            <ServicesPanel accountId={data.id} canEdit={canEdit} />
          </Tabs.Panel>
          <Tabs.Panel value="contracts" p="md" data-testid="account-panel-contracts">
            <ContractsTab accountId={data.id} />
          </Tabs.Panel>
          <Tabs.Panel value="governance" p="md" data-testid="account-panel-governance">
            <GovernanceTab accountId={data.id} />
          </Tabs.Panel>
          {canSeeInternal(me.role) ? (
            <>
              <Tabs.Panel value="notes" p="md" data-testid="account-panel-notes">
                <NotesPanel accountId={data.id} timeZone={me.timeZone} />
              </Tabs.Panel>
              <Tabs.Panel value="opportunities" p="md" data-testid="account-panel-opportunities">
                <OpportunitiesPanel accountId={data.id} canManage={canEdit} />
              </Tabs.Panel>
            </>
          ) : null}
        </Tabs>
      </Card>
    </>
  );
}

function BackLink({ hidden }: { hidden: boolean }) {
  const { t } = useTranslation();
  if (hidden) return null;
  return (
    <Anchor component={Link} to="/accounts" size="sm" c="dimmed" data-testid="account-back">
      <Group gap={4} mb="xs">
        <IconChevronLeft size={14} />
        {t('accounts.page.back')}
      </Group>
    </Anchor>
  );
}
