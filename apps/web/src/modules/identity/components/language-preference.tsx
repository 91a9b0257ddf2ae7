import { languages } from '@paydesk/shared';
import { Card, NativeSelect, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isLanguage, languageNames } from '../../../app/i18n/language.ts';
import { translateError } from '../../../app/i18n/translate-error.ts';
import { useCurrentLanguage } from '../../../app/i18n/use-current-language.ts';
import { useChangeLanguage } from '../hooks/use-change-language.ts';

export function LanguagePreference() {
  const { t } = useTranslation();
  const language = useCurrentLanguage();
  const changeLanguage = useChangeLanguage();
  return (
    <Card withBorder padding="lg">
      <Title order={4} mb="md">
        {t('profile.language')}
      </Title>
      <NativeSelect
        label={t('profile.language')}
        description={t('profile.languageHint')}
        value={language}
        disabled={changeLanguage.isPending}
        data={languages.map((value) => ({ value, label: languageNames[value] }))}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (!isLanguage(next)) return;
          changeLanguage.mutate(next, {
            // Confirmed in the new language, since that is the one now on screen.
            onSuccess: () =>
              notifications.show({ color: 'teal', message: t('profile.languageSaved', { lng: next }) }),
            onError: (error) => notifications.show({ color: 'red', message: translateError(t, error) }),
          });
        }}
        data-testid="profile-language"
      />
    </Card>
  );
}
