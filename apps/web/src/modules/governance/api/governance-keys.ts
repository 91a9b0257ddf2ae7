/** TanStack Query keys of the governance module; a write invalidates the whole account's governance. */
export const governanceKeys = {
  all: ['governance'] as const,
  account: (accountId: string) => [...governanceKeys.all, accountId] as const,
  timeline: (accountId: string) => [...governanceKeys.account(accountId), 'timeline'] as const,
  reviews: (accountId: string) => [...governanceKeys.account(accountId), 'reviews'] as const,
  decisions: (accountId: string) => [...governanceKeys.account(accountId), 'decisions'] as const,
  actionItems: (accountId: string) => [...governanceKeys.account(accountId), 'action-items'] as const,
  staff: () => [...governanceKeys.all, 'staff'] as const,
};
