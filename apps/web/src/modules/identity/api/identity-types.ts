import type { Role } from '@paydesk/shared';

export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  tier: 1 | 2 | 3 | null;
  /** A language tag; the web applies it only when it is one of the supported languages. */
  language: string;
  timeZone: string;
  account: { id: string; name: string } | null;
  teams: Array<{ id: string; name: string }>;
}

export const tokenScopes = ['read', 'write'] as const;
export type TokenScope = (typeof tokenScopes)[number];

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export interface CreateApiTokenInput {
  name: string;
  scopes: TokenScope[];
  expiresInDays: number;
}

export interface CreatedApiToken {
  token: ApiToken;
  secret: string;
}

export interface UpdateMeInput {
  displayName?: string;
  language?: string;
  timeZone?: string;
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}
