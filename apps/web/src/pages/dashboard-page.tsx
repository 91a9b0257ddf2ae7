import {
  Anchor,
  Badge,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { isCustomerRole } from '@paydesk/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NavIcon } from '../app/layout/nav-icon.tsx';
import { getNavigation } from '../app/navigation.ts';
import { canWorkCases, WorkSummary } from '../modules/cases/index.ts';
import { useCurrentUser } from '../modules/identity/index.ts';
import { LabelledValue } from '../ui/labelled-value.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const areas = getNavigation(me.role).filter((item) => item.key !== 'dashboard');
  const isCustomer = isCustomerRole(me.role);

  return (
    <>
      <PageHeader
        title={t('dashboard.greeting', { name: me.displayName })}
        subtitle={t('dashboard.subtitle')}
      />
      <Card withBorder padding="lg" mb="xl" data-testid="dashboard-summary">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          <LabelledValue label={t('dashboard.role')} testId="dashboard-role">
            <Group gap="xs">
              <span>{t(`roles.${me.role}`)}</span>
              {me.tier ? (
                <Badge variant="light" size="sm">
                  {t('tier', { tier: me.tier })}
                </Badge>
              ) : null}
            </Group>
          </LabelledValue>
          {isCustomer && me.account ? (
            <LabelledValue label={t('dashboard.account')} testId="dashboard-account">
              <Anchor component={Link} to={`/accounts/${me.account.id}`} size="sm">
                {me.account.name}
              </Anchor>
            </LabelledValue>
          ) : null}
          <LabelledValue label={t('dashboard.teams')} testId="dashboard-teams">
            {me.teams.length > 0 ? me.teams.map((team) => team.name).join(', ') : t('dashboard.noTeams')}
          </LabelledValue>
        </SimpleGrid>
      </Card>

      {canWorkCases(me.role) ? <WorkSummary /> : null}

      <Title order={4} mb="sm">
        {t('dashboard.yourAreas')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {areas.map((area) => (
          <UnstyledButton key={area.key} component={Link} to={area.path} data-testid={`area-${area.key}`}>
            <Card withBorder padding="md" h="100%">
              <Group wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" size={40} radius="md">
                  <NavIcon navKey={area.key} size={22} />
                </ThemeIcon>
                <Stack gap={2}>
                  <Text fw={600}>{t(area.labelKey)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(area.key === 'cases' && isCustomer ? 'areas.myCases' : `areas.${area.key}`)}
                  </Text>
                </Stack>
              </Group>
            </Card>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </>
  );
}
