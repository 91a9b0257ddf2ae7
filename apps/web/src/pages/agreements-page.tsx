import { Button, Card, Center, Group, Loader, Modal, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AgreementModal,
  AgreementTable,
  canManageAgreements,
  useAgreements,
  useVendors,
  useWithdrawAgreement,
  VendorModal,
  VendorTable,
  type Agreement,
  type AgreementKind,
} from '../modules/agreements/index.ts';
import { useCalendars } from '../modules/calendars/index.ts';
import { useCurrentUser } from '../modules/identity/index.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';

type Tab = 'ola' | 'underpinning' | 'vendors';
/** The agreement modal mounts afresh for each opening, so it starts from what it is given. */
type Editing = { kind: AgreementKind; agreement?: Agreement } | null;

/**
 * What the desk's own teams (OLAs) and its vendors (underpinning contracts) promise behind the
 * customer SLAs, and the vendors themselves. Staff only: the route guard keeps it to the SLA area.
 */
export function AgreementsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canManage = canManageAgreements(me.role);
  const [tab, setTab] = useState<Tab>('ola');
  const [editing, setEditing] = useState<Editing>(null);
  const [creatingVendor, setCreatingVendor] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Agreement | null>(null);
  const agreements = useAgreements();
  const vendors = useVendors();
  const withdraw = useWithdrawAgreement();
  const calendarPages = useCalendars();
  const calendars = calendarPages.data?.pages.flatMap((page) => page.items) ?? [];

  const all = agreements.data?.items ?? [];
  // Grouped by who promises, then by name: the list reads as "per team" and "per vendor".
  const ofKind = (kind: AgreementKind) =>
    all
      .filter((agreement) => agreement.kind === kind)
      .sort((a, b) =>
        `${a.team?.name ?? a.vendor?.name}\u0000${a.name}`.localeCompare(
          `${b.team?.name ?? b.vendor?.name}\u0000${b.name}`,
        ),
      );
  const contractCounts = new Map<string, number>();
  for (const agreement of all)
    if (agreement.vendor)
      contractCounts.set(agreement.vendor.id, (contractCounts.get(agreement.vendor.id) ?? 0) + 1);
  const edit = (kind: AgreementKind, agreement?: Agreement) =>
    setEditing({ kind, ...(agreement ? { agreement } : {}) });

  const agreementList = (kind: AgreementKind) => {
    const rows = ofKind(kind);
    if (agreements.isPending) return <Pending />;
    if (agreements.isError) return <ProblemAlert error={agreements.error} testId="agreements-error" />;
    if (rows.length === 0)
      return (
        <Text c="dimmed" size="sm" p="lg" ta="center" data-testid="agreements-empty">
          {t(`agreements.empty.${kind}`)}
        </Text>
      );
    return (
      <AgreementTable
        agreements={rows}
        calendars={calendars}
        onEdit={canManage ? (agreement) => edit(agreement.kind, agreement) : undefined}
        onWithdraw={canManage ? setWithdrawing : undefined}
      />
    );
  };

  return (
    <>
      <PageHeader
        title={t('agreements.title')}
        subtitle={t('agreements.subtitle')}
        actions={
          canManage ? (
            <Group gap="sm">
              <Button
                variant="default"
                onClick={() => setCreatingVendor(true)}
                data-testid="vendor-create-open"
              >
                {t('vendors.create.open')}
              </Button>
              <Button
                onClick={() => edit(tab === 'vendors' ? 'underpinning' : tab)}
                data-testid="agreement-create-open"
              >
                {t('agreements.create.open')}
              </Button>
            </Group>
          ) : null
        }
      />
      <Tabs value={tab} onChange={(value) => setTab((value as Tab | null) ?? 'ola')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="ola" data-testid="agreements-tab-ola">
            {t('agreements.tabs.ola')}
          </Tabs.Tab>
          <Tabs.Tab value="underpinning" data-testid="agreements-tab-underpinning">
            {t('agreements.tabs.underpinning')}
          </Tabs.Tab>
          <Tabs.Tab value="vendors" data-testid="agreements-tab-vendors">
            {t('agreements.tabs.vendors')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="ola">
          <Card withBorder padding={0}>
            {agreementList('ola')}
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="underpinning">
          <Card withBorder padding={0}>
            {agreementList('underpinning')}
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="vendors">
          <Card withBorder padding={0}>
            {vendors.isPending ? (
              <Pending />
            ) : vendors.isError ? (
              <ProblemAlert error={vendors.error} testId="vendors-error" />
            ) : vendors.data.items.length === 0 ? (
              <Text c="dimmed" size="sm" p="lg" ta="center" data-testid="vendors-empty">
                {t('vendors.empty')}
              </Text>
            ) : (
              <VendorTable vendors={vendors.data.items} contractCounts={contractCounts} />
            )}
          </Card>
        </Tabs.Panel>
      </Tabs>

      {editing ? (
        <AgreementModal
          opened
          onClose={() => setEditing(null)}
          agreement={editing.agreement}
          kind={editing.kind}
          calendars={calendars}
        />
      ) : null}
      <VendorModal opened={creatingVendor} onClose={() => setCreatingVendor(false)} />
      <Modal
        opened={withdrawing !== null}
        onClose={() => {
          withdraw.reset();
          setWithdrawing(null);
        }}
        title={t('agreements.withdraw.title')}
        centered
      >
        <Stack gap="sm">
          <ProblemAlert error={withdraw.error} testId="agreement-withdraw-error" />
          <Text size="sm">{t('agreements.withdraw.explain', { name: withdrawing?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWithdrawing(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={withdraw.isPending}
              onClick={() => {
                if (withdrawing) withdraw.mutate(withdrawing.id, { onSuccess: () => setWithdrawing(null) });
              }}
              data-testid="agreement-withdraw-confirm"
            >
              {t('agreements.withdraw.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function Pending() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader size="sm" aria-label={t('common.loading')} />
    </Center>
  );
}
