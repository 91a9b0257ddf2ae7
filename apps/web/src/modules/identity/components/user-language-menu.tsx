import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCurrentLanguage } from '../../../app/i18n/use-current-language.ts';
import { translateError } from '../../../app/i18n/translate-error.ts';
import { LanguageMenu } from '../../../ui/language-menu.tsx';
import { useChangeLanguage } from '../hooks/use-change-language.ts';

/** The header's language switcher: applies at once, and saves to the profile when signed in. */
export function UserLanguageMenu() {
  const { t } = useTranslation();
  const language = useCurrentLanguage();
  const changeLanguage = useChangeLanguage();
  return (
    <LanguageMenu
      value={language}
      onChange={(next) =>
        changeLanguage.mutate(next, {
          onError: (error) => notifications.show({ color: 'red', message: translateError(t, error) }),
        })
      }
    />
  );
}
