import { Kbd, Loader, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmitSearch } from '../hooks/use-case-search.ts';

/**
 * The header's search: Enter opens a case named outright (its number, reference or external reference),
 * else the search page's results. "/" anywhere outside a text field focuses it.
 */
export function CaseSearchBox() {
  const { t } = useTranslation();
  const submit = useSubmitSearch();
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => input.current?.focus()]]);

  return (
    <TextInput
      ref={input}
      w={{ base: 160, md: 280 }}
      visibleFrom="xs"
      size="sm"
      radius="xl"
      leftSection={<IconSearch size={16} />}
      rightSection={pending ? <Loader size="xs" /> : <Kbd size="xs">/</Kbd>}
      placeholder={t('caseQueue.search.boxPlaceholder')}
      aria-label={t('caseQueue.search.title')}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && text.trim() && !pending) {
          setPending(true);
          void submit(text).finally(() => {
            setPending(false);
            setText('');
            input.current?.blur();
          });
        } else if (event.key === 'Escape') {
          setText('');
          input.current?.blur();
        }
      }}
      data-testid="header-search"
    />
  );
}
