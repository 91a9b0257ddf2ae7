/** TanStack Query keys of the identity module; invalidate by prefix (`identityKeys.all`). */
export const identityKeys = {
  all: ['identity'] as const,
  me: () => [...identityKeys.all, 'me'] as const,
  tokens: () => [...identityKeys.all, 'tokens'] as const,
};
