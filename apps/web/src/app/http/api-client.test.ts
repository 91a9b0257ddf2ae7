import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiRequest } from './api-client.ts';
import { ApiError } from './api-error.ts';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('document', { cookie: 'other=1; pd_csrf=csrf%2Dvalue; theme=dark' });
});

afterEach(() => {
  vi.unstubAllGlobals();
  fetchMock.mockReset();
});

function json(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });
}

function sentHeaders(): Record<string, string> {
  return fetchMock.mock.calls[0]?.[1]?.headers as Record<string, string>;
}

describe('apiRequest', () => {
  it('sends the CSRF cookie value as x-csrf-token on writes', async () => {
    fetchMock.mockResolvedValue(json(200, { ok: true }));
    await apiRequest('/api/me', { method: 'PATCH', body: { language: 'pl' } });
    expect(sentHeaders()['x-csrf-token']).toBe('csrf-value');
    expect(sentHeaders()['content-type']).toBe('application/json');
    expect(fetchMock.mock.calls[0]?.[1]?.body).toBe('{"language":"pl"}');
  });

  it('sends no CSRF header on reads, and encodes the query', async () => {
    fetchMock.mockResolvedValue(json(200, { items: [] }));
    await apiRequest('/api/users', { query: { limit: 50, cursor: null } });
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/users?limit=50');
    expect(sentHeaders()['x-csrf-token']).toBeUndefined();
  });

  it('returns undefined for 204 No Content', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(apiRequest('/api/me/tokens/1', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('turns problem+json into an ApiError carrying the code and retry time', async () => {
    fetchMock.mockResolvedValue(
      json(
        429,
        {
          type: 'about:blank',
          title: 'Locked',
          status: 429,
          code: 'AUTH_LOCKED_OUT',
          retryAfterSeconds: 600,
        },
        'application/problem+json',
      ),
    );
    const error = await apiRequest('/api/auth/login', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('AUTH_LOCKED_OUT');
    expect((error as ApiError).status).toBe(429);
    expect((error as ApiError).retryAfterSeconds).toBe(600);
  });

  it('maps a non-problem 401 to AUTH_REQUIRED and a proxy error page to INTERNAL_ERROR', async () => {
    fetchMock.mockResolvedValueOnce(new Response('nope', { status: 401 }));
    await expect(apiRequest('/api/me')).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(apiRequest('/api/me')).rejects.toMatchObject({ code: 'INTERNAL_ERROR', status: 502 });
  });

  it('reports a failed connection as NETWORK_ERROR', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(apiRequest('/api/me')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });
});
