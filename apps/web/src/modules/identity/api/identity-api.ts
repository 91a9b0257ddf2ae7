import { apiRequest } from '../../../app/http/api-client.ts';
import { isApiError } from '../../../app/http/api-error.ts';
import type {
  ApiToken,
  ChangePasswordInput,
  CreateApiTokenInput,
  CreatedApiToken,
  Me,
  UpdateMeInput,
} from './identity-types.ts';

export async function login(email: string, password: string): Promise<Me> {
  const { user } = await apiRequest<{ user: Me }>('/api/auth/login', {
    method: 'POST',
    body: { email, password },
  });
  return user;
}

export function logout(): Promise<void> {
  return apiRequest<void>('/api/auth/logout', { method: 'POST' });
}

/** The signed-in person, or null when there is no session. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiRequest<Me>('/api/me', signal ? { signal } : {});
  } catch (error) {
    if (isApiError(error) && error.code === 'AUTH_REQUIRED') return null;
    throw error;
  }
}

export function updateMe(input: UpdateMeInput): Promise<Me> {
  return apiRequest<Me>('/api/me', { method: 'PATCH', body: input });
}

export function changePassword(input: ChangePasswordInput): Promise<void> {
  return apiRequest<void>('/api/me/password', { method: 'POST', body: input });
}

export async function fetchApiTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  const { items } = await apiRequest<{ items: ApiToken[] }>('/api/me/tokens', signal ? { signal } : {});
  return items;
}

export function createApiToken(input: CreateApiTokenInput): Promise<CreatedApiToken> {
  return apiRequest<CreatedApiToken>('/api/me/tokens', { method: 'POST', body: input });
}

export function revokeApiToken(id: string): Promise<void> {
  return apiRequest<void>(`/api/me/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
