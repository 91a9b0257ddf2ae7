import { Anchor, Badge, Card, Center, Grid, Group, Loader, SimpleGrid, Stack, Tabs } from '@mantine/core';
import { IconChevronLeft, IconHistory, IconMessages, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  AttachmentsPanel,
  CaseActions,
  CaseStatusBadge,
  CaseSummary,
  CaseTimeline,
  canWorkCases,
  Conversation,
  EscalationsPanel,
  LinksPanel,
  MergedNotice,
  PriorityBadge,
  SlaPanel,
  useCase,
  WatchersPanel,
} from '../modules/cases/index.ts';
import { useCurrentUser } from '../modules/identity/index.ts';
import { MacroPicker } from '../modules/macros/index.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';

const tabs = ['conversation', 'timeline', 'attachments'] as const;
type TabKey = (typeof tabs)[number];

/** One case, addressed by id or by its reference (PD-100001). */
export function CasePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { id: address = '' } = useParams();
  const item = useCase(address);
  const isStaff = canWorkCases(me.role);
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab') as TabKey | null;
  const tab: TabKey = requested && tabs.includes(requested) ? requested : 'conversation';

  if (item.isPending)
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  if (item.isError)
    return (
      <>
        <BackLink />
        <ProblemAlert error={item.error} testId="case-error" />
      </>
    );
  const data = item.data;

  return (
    <>
      <BackLink />
      <PageHeader
        title={`${data.reference} · ${data.subject}`}
        subtitle={
          <Group gap="xs" component="span" data-testid="case-header">
            <CaseStatusBadge status={data.status} testId="case-status" />
            <PriorityBadge priority={data.priority} testId="case-priority" />
            <Badge variant="outline" color="gray" data-testid="case-reference">
              {data.reference}
            </Badge>
          </Group>
        }
      />
      <MergedNotice address={address} />
      <CaseSummary item={data} timeZone={me.timeZone} />
      {isStaff ? <CaseActions item={data} address={address} /> : null}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder padding={0}>
            <Tabs
              value={tab}
              onChange={(value) =>
                setSearchParams(value && value !== 'conversation' ? { tab: value } : {}, { replace: true })
              }
              keepMounted={false}
            >
              <Tabs.List px="md" pt="xs">
                <Tabs.Tab
                  value="conversation"
                  leftSection={<IconMessages size={16} />}
                  data-testid="case-tab-conversation"
                >
                  {t('cases.tabs.conversation')}
                </Tabs.Tab>
                <Tabs.Tab
                  value="timeline"
                  leftSection={<IconHistory size={16} />}
                  data-testid="case-tab-timeline"
                >
                  {t('cases.tabs.timeline')}
                </Tabs.Tab>
                <Tabs.Tab
                  value="attachments"
                  leftSection={<IconPaperclip size={16} />}
                  data-testid="case-tab-attachments"
                >
                  {t('cases.tabs.attachments')}
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="conversation" p="md">
                <Conversation
                  address={address}
                  timeZone={me.timeZone}
                  canNote={isStaff}
                  customerName={data.contact?.name ?? data.accountName}
                />
              </Tabs.Panel>
              <Tabs.Panel value="timeline" p="md">
                <CaseTimeline address={address} timeZone={me.timeZone} />
              </Tabs.Panel>
              <Tabs.Panel value="attachments" p="md">
                <AttachmentsPanel address={address} timeZone={me.timeZone} />
              </Tabs.Panel>
            </Tabs>
          </Card>
          {/* Under the conversation, not under the clocks: a case's clocks alone can fill a screen. */}
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" mt="md">
            <LinksPanel address={address} canEdit={isStaff} />
            {isStaff ? <EscalationsPanel address={address} timeZone={me.timeZone} /> : null}
          </SimpleGrid>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {/* Customers see their contract's clocks; the OLA and vendor ones are the operator's. */}
            <SlaPanel address={address} timeZone={me.timeZone} />
            {isStaff ? <MacroPicker caseId={data.id} caseVersion={data.version} /> : null}
            {isStaff ? <WatchersPanel item={data} address={address} /> : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/cases" size="sm" c="dimmed" data-testid="case-back">
      <Group gap={4} mb="xs">
        <IconChevronLeft size={14} />
        {t('cases.page.back')}
      </Group>
    </Anchor>
  );
}
