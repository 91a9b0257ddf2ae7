import type { Language } from '@paydesk/shared';
import { languages } from '@paydesk/shared';
import { Button, Menu } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { languageNames } from '../app/i18n/language.ts';

interface LanguageMenuProps {
  value: Language;
  onChange: (language: Language) => void;
}

export function LanguageMenu({ value, onChange }: LanguageMenuProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" shadow="md" width={200}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-md"
          leftSection={<IconLanguage size={18} />}
          aria-label={t('header.language')}
          data-testid="language-switcher"
        >
          {languageNames[value]}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('header.language')}</Menu.Label>
        {languages.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => onChange(language)}
            rightSection={language === value ? <IconCheck size={16} /> : null}
            data-testid={`language-option-${language}`}
          >
            {languageNames[language]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
