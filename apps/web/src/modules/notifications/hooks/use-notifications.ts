import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchRecentNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '../api/notifications-api.ts';
import { notificationsKeys } from '../api/notifications-keys.ts';

const recentCount = 20;
/** Reminders are written by an hourly job: a minute's delay in the bell is plenty. */
const pollMs = 60_000;

export function useRecentNotifications() {
  return useQuery({
    queryKey: notificationsKeys.recent(),
    queryFn: ({ signal }) => fetchRecentNotifications(recentCount, signal),
    refetchInterval: pollMs,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => markNotificationRead(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKeys.all }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => markAllNotificationsRead(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKeys.all }),
  });
}
