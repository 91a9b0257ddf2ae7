import { Badge, Card, Group, SimpleGrid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LabelledValue } from '../../../ui/labelled-value.tsx';
import type { Me } from '../api/identity-types.ts';

export function ProfileDetails({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg">
      <Title order={4} mb="md">
        {t('profile.details')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <LabelledValue label={t('profile.displayName')} testId="profile-display-name">
          {me.displayName}
        </LabelledValue>
        <LabelledValue label={t('profile.email')} testId="profile-email">
          {me.email}
        </LabelledValue>
        <LabelledValue label={t('profile.role')} testId="profile-role">
          <Group gap="xs">
            <span>{t(`roles.${me.role}`)}</span>
            {me.tier ? (
              <Badge variant="light" size="sm">
                {t('tier', { tier: me.tier })}
              </Badge>
            ) : null}
          </Group>
        </LabelledValue>
        {me.account ? (
          <LabelledValue label={t('profile.account')} testId="profile-account">
            {me.account.name}
          </LabelledValue>
        ) : null}
        <LabelledValue label={t('profile.teams')}>
          {me.teams.length > 0 ? me.teams.map((team) => team.name).join(', ') : t('common.none')}
        </LabelledValue>
        <LabelledValue label={t('profile.timeZone')}>{me.timeZone}</LabelledValue>
      </SimpleGrid>
    </Card>
  );
}
