import { ActionIcon, Button, Group, Indicator, Menu, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBell, IconCalendarDue, IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormatters } from '../../../app/i18n/use-formatters.ts';
import type { AppNotification } from '../api/notifications-types.ts';
import {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useRecentNotifications,
} from '../hooks/use-notifications.ts';

/** The kind picks an icon; the text itself is shown as the server stored it. */
function iconFor(kind: string): ReactNode {
  if (kind.endsWith('.overdue')) return <IconAlertTriangle size={14} />;
  if (kind.endsWith('.due_soon')) return <IconCalendarDue size={14} />;
  return <IconInfoCircle size={14} />;
}

function colourFor(kind: string) {
  if (kind.endsWith('.overdue')) return 'red';
  if (kind.endsWith('.due_soon')) return 'orange';
  return 'blue';
}

export function NotificationsBell({ timeZone }: { timeZone?: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const recent = useRecentNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const { formatDateTime } = useFormatters(timeZone);
  const unread = recent.data?.unreadCount ?? 0;
  const items = recent.data?.items ?? [];

  function open(notification: AppNotification) {
    if (!notification.readAt) markRead.mutate(notification.id);
    if (notification.link) void navigate(notification.link);
  }

  return (
    <Menu position="bottom-end" width={360} shadow="md" withinPortal>
      <Menu.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={16}
          color="red"
          disabled={unread === 0}
          offset={4}
          data-testid="notifications-unread"
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('notifications.bell', { unread })}
            data-testid="notifications-bell"
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Menu.Target>
      <Menu.Dropdown data-testid="notifications-menu">
        <Group justify="space-between" px="sm" py={6}>
          <Text size="sm" fw={600}>
            {t('notifications.title')}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
            data-testid="notifications-mark-all"
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <Menu.Divider />
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" px="sm" py="md" ta="center" data-testid="notifications-empty">
            {recent.isError ? t('notifications.loadFailed') : t('notifications.empty')}
          </Text>
        ) : (
          <Stack gap={0} mah={420} style={{ overflowY: 'auto' }}>
            {items.map((notification) => (
              <Menu.Item
                key={notification.id}
                onClick={() => open(notification)}
                data-testid="notification-item"
                data-unread={notification.readAt ? undefined : 'true'}
                bg={notification.readAt ? undefined : 'blue.0'}
                leftSection={
                  <ThemeIcon size="sm" radius="xl" variant="light" color={colourFor(notification.kind)}>
                    {iconFor(notification.kind)}
                  </ThemeIcon>
                }
              >
                <Text size="sm" fw={notification.readAt ? 400 : 600} lineClamp={2}>
                  {notification.title}
                </Text>
                {notification.body ? (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {notification.body}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed">
                  {formatDateTime(notification.createdAt)}
                </Text>
              </Menu.Item>
            ))}
          </Stack>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
