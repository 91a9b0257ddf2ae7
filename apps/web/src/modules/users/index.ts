// The users module's public surface: the administrators' list of everyone who can sign in.
export type { UserPage, UserSummary } from './api/users-types.ts';
export { usersKeys } from './api/users-keys.ts';
export { UserTable } from './components/user-table.tsx';
export { useUsers } from './hooks/use-users.ts';
