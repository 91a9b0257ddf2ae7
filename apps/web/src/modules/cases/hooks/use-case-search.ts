import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { searchCases } from '../api/cases-api.ts';
import { casesKeys } from '../api/cases-keys.ts';
import { findNamedCase, searchAddress } from '../case-search.ts';

const searchOptions = (text: string) => ({
  queryKey: casesKeys.search(text),
  queryFn: ({ signal }: { signal: AbortSignal }) => searchCases(text, signal),
});

/** Cases matching `q` (already debounced by the caller); nothing is asked for an empty one. */
export function useCaseSearch(q: string) {
  const text = q.trim();
  return useQuery({
    ...searchOptions(text),
    enabled: text.length > 0,
    placeholderData: (previous) => previous,
  });
}

/**
 * Submitting a search: a case the words name outright (its number, reference or external reference)
 * opens at once; anything else goes to the search page's results.
 */
export function useSubmitSearch() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (words: string) => {
    const text = words.trim();
    if (!text) return;
    try {
      const named = findNamedCase(text, await queryClient.fetchQuery(searchOptions(text)));
      if (named) return await navigate(`/cases/${named.reference}`);
    } catch {
      // The search page asks again and explains the failure there.
    }
    return navigate(searchAddress(text));
  };
}
