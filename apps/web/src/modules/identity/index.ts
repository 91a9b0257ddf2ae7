// The identity module's public surface: sessions, the signed-in person, their profile and API tokens.
export { identityKeys } from './api/identity-keys.ts';
export type { ApiToken, Me } from './api/identity-types.ts';
export { ApiTokensCard } from './components/api-tokens-card.tsx';
export { LanguagePreference } from './components/language-preference.tsx';
export { LoginForm } from './components/login-form.tsx';
export { PasswordChangeForm } from './components/password-change-form.tsx';
export { ProfileDetails } from './components/profile-details.tsx';
export { RequireAuth } from './components/require-auth.tsx';
export { UserLanguageMenu } from './components/user-language-menu.tsx';
export { UserMenu } from './components/user-menu.tsx';
export { resetSession } from './hooks/reset-session.ts';
export { useCurrentUser } from './hooks/use-current-user.ts';
export { useMe } from './hooks/use-me.ts';
export { useSyncUserLanguage } from './hooks/use-sync-user-language.ts';
