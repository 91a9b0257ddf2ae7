import { Group, Mark, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseSearchHit } from '../api/cases-types.ts';
import { CaseStatusBadge, PriorityBadge } from './case-badges.tsx';

interface CaseSearchResultsProps {
  hits: CaseSearchHit[];
  /** The result Enter opens, moved with the arrow keys in the search box. */
  activeIndex: number;
  /** For `aria-controls` and `aria-activedescendant` on the search box. */
  listId: string;
  /** A customer's own cases need no account. */
  withAccount: boolean;
}

export const searchResultId = (listId: string, index: number) => `${listId}-${index}`;

/** Search results, best match first: what identifies the case, then where the words were found. */
export function CaseSearchResults({ hits, activeIndex, listId, withAccount }: CaseSearchResultsProps) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="xs"
      id={listId}
      role="listbox"
      aria-label={t('caseQueue.search.results')}
      data-testid="search-results"
    >
      {hits.map((hit, index) => {
        const active = index === activeIndex;
        return (
          <Paper
            key={hit.id}
            id={searchResultId(listId, index)}
            role="option"
            aria-selected={active}
            component={Link}
            to={`/cases/${hit.reference}`}
            withBorder
            p="sm"
            radius="md"
            style={{
              display: 'block',
              color: 'inherit',
              textDecoration: 'none',
              borderColor: active ? 'var(--mantine-primary-color-filled)' : undefined,
              background: active ? 'var(--mantine-primary-color-light)' : undefined,
            }}
            data-testid="search-result"
            data-case-reference={hit.reference}
            data-active={active || undefined}
          >
            <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" ff="monospace" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {hit.reference}
                  </Text>
                  <Text size="sm" fw={500} truncate data-testid="search-result-subject">
                    {hit.subject}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {[
                    withAccount ? hit.accountName : null,
                    hit.externalReference
                      ? t('caseQueue.search.externalReference', { reference: hit.externalReference })
                      : null,
                    hit.contact?.email ?? null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {hit.match.snippet.length > 0 ? (
                  <Text size="sm" c="dimmed" lineClamp={2} data-testid="search-result-snippet">
                    {hit.match.snippet.map((part, partIndex) =>
                      part.match ? (
                        <Mark key={partIndex}>{part.text}</Mark>
                      ) : (
                        <span key={partIndex}>{part.text}</span>
                      ),
                    )}
                  </Text>
                ) : null}
              </Stack>
              <Group gap={6} wrap="nowrap">
                <PriorityBadge priority={hit.priority} />
                <CaseStatusBadge status={hit.status} />
              </Group>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
