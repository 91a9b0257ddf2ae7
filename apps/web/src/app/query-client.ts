import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { resetSession } from '../modules/identity/index.ts';
import { isApiError } from './http/api-error.ts';

/**
 * One client for the app. A 401 from any call means the session has ended: the cached person is
 * cleared, and the route guard sends the browser to the login page.
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: endSessionOnAuthRequired }),
    mutationCache: new MutationCache({ onError: endSessionOnAuthRequired }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        // Client errors will not change on retry; network and server errors might.
        retry: (failures, error) =>
          failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });

  function endSessionOnAuthRequired(error: Error) {
    if (isApiError(error) && error.code === 'AUTH_REQUIRED') {
      resetSession(queryClient, null);
    }
  }

  return queryClient;
}
