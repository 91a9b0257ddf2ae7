import type { Language } from '@paydesk/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applyLanguage } from '../../../app/i18n/i18n.ts';
import { updateMe } from '../api/identity-api.ts';
import { identityKeys } from '../api/identity-keys.ts';
import type { Me } from '../api/identity-types.ts';

/**
 * Switches the interface language at once and remembers it: on this device always, and on the
 * person's profile when someone is signed in.
 */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    // One at a time, so that quick successive choices reach the server in the order made.
    scope: { id: 'change-language' },
    mutationFn: async (language: Language): Promise<Me | null> => {
      await applyLanguage(language);
      const me = queryClient.getQueryData<Me | null>(identityKeys.me());
      if (!me || me.language === language) return null;
      return updateMe({ language });
    },
    onSuccess: (me) => {
      if (me) queryClient.setQueryData(identityKeys.me(), me);
    },
  });
}
