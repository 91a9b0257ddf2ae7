import { Center, Loader, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { moveHighlight } from '../case-search.ts';
import { useCaseSearch, useSubmitSearch } from '../hooks/use-case-search.ts';
import { useDebouncedDraft } from '../hooks/use-debounced-draft.ts';
import { CaseSearchResults, searchResultId } from './case-search-results.tsx';

/**
 * Search over subjects, replies and notes, case numbers, external references and contact e-mails. The
 * words are in the address (`?q=`), so a search can be linked and survives a reload. Results follow the
 * typing; arrow keys move through them and Enter opens the highlighted one (words typed since the last
 * results are searched first, and a case they name outright opens).
 */
export function CaseSearchPanel({ withAccount }: { withAccount: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listId = useId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const submit = useSubmitSearch();
  const [draft, setDraft] = useDebouncedDraft(
    q,
    (next) => setParams(next.trim() ? { q: next } : {}, { replace: true }),
    250,
  );
  const search = useCaseSearch(q);
  // Results of an earlier search stay on screen while the next loads; they are not this search's.
  const current = search.isPlaceholderData ? undefined : search.data;
  const hits = q.trim() ? (search.data ?? []) : [];
  const [active, setActive] = useState({ q, index: 0 });
  const activeIndex = active.q === q ? Math.min(active.index, Math.max(hits.length - 1, 0)) : 0;

  function open() {
    const hit = current?.[activeIndex];
    if (draft.trim() === q.trim() && hit) void navigate(`/cases/${hit.reference}`);
    else void submit(draft);
  }

  return (
    <Stack gap="md">
      <TextInput
        size="md"
        autoFocus
        leftSection={<IconSearch size={18} />}
        rightSection={search.isFetching ? <Loader size="xs" /> : null}
        placeholder={t('caseQueue.search.placeholder')}
        aria-label={t('caseQueue.search.title')}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits.length > 0 ? searchResultId(listId, activeIndex) : undefined}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setActive({ q, index: moveHighlight(activeIndex, event.key, hits.length) });
          } else if (event.key === 'Enter') {
            event.preventDefault();
            open();
          }
        }}
        data-testid="search-input"
      />
      {!q.trim() ? (
        <Text c="dimmed" size="sm" ta="center" py="lg" data-testid="search-hint">
          {t('caseQueue.search.hint')}
        </Text>
      ) : search.isError ? (
        <ProblemAlert error={search.error} testId="search-error" />
      ) : search.isPending ? (
        <Center py="xl">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : current && current.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="lg" data-testid="search-empty">
          {t('caseQueue.search.empty', { q: q.trim() })}
        </Text>
      ) : (
        <CaseSearchResults hits={hits} activeIndex={activeIndex} listId={listId} withAccount={withAccount} />
      )}
    </Stack>
  );
}
