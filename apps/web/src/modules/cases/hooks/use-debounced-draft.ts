import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

/**
 * Text typed into a box whose value lives in the address. The box keeps its own draft, so typing is
 * never slowed or its caret moved by a navigation per keystroke; the draft is committed once typing
 * pauses. A value that changes from elsewhere (a saved view applied, back and forward) replaces the
 * draft; the value the box itself committed does not, even when it arrives after more typing.
 */
export function useDebouncedDraft(committed: string, commit: (value: string) => void, delayMs = 300) {
  const [draft, setDraft] = useState(committed);
  const [debounced] = useDebouncedValue(draft, delayMs);
  const lastCommitted = useRef(committed);

  useEffect(() => {
    if (committed === lastCommitted.current) return;
    lastCommitted.current = committed;
    setDraft(committed);
  }, [committed]);

  useEffect(() => {
    if (debounced === lastCommitted.current) return;
    lastCommitted.current = debounced;
    commit(debounced);
    // Only a pause in typing commits (`commit` is a new function on every render of the caller).
  }, [debounced]);

  return [draft, setDraft] as const;
}
