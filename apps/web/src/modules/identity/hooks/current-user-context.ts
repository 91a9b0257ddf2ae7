import { createContext } from 'react';
import type { Me } from '../api/identity-types.ts';

/** Provided by `RequireAuth` for the screens behind it. */
export const CurrentUserContext = createContext<Me | null>(null);
