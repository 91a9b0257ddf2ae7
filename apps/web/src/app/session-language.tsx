import { useSyncUserLanguage } from '../modules/identity/index.ts';

/** Renders nothing; keeps the interface in the signed-in person's language. */
export function SessionLanguage() {
  useSyncUserLanguage();
  return null;
}
