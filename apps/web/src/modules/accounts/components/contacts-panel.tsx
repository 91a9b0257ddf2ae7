import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Contact } from '../api/accounts-types.ts';
import { useContacts } from '../hooks/use-accounts.ts';
import { ContactModal } from './contact-modal.tsx';
import { PanelState } from '../../../ui/panel-state.tsx';

/** Whom to call first: the primary contact, then escalation, technical and billing contacts. */
const roleOrder = ['primary', 'escalation', 'technical', 'billing'] as const;
function rank(contact: Contact): number {
  const ranks = contact.roles.map((role) => roleOrder.indexOf(role));
  return ranks.length > 0 ? Math.min(...ranks) : roleOrder.length;
}

interface ContactsPanelProps {
  account: Account;
  canEdit: boolean;
}

export function ContactsPanel({ account, canEdit }: ContactsPanelProps) {
  const { t } = useTranslation();
  const contacts = useContacts(account.id);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const rows = [...(contacts.data?.items ?? [])].sort((a, b) => rank(a) - rank(b));

  return (
    <>
      {canEdit ? (
        <Group justify="flex-end" mb="sm">
          <Button
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing('new')}
            data-testid="contact-add"
          >
            {t('accounts.contacts.add')}
          </Button>
        </Group>
      ) : null}
      <PanelState
        isPending={contacts.isPending}
        error={contacts.error}
        isEmpty={rows.length === 0}
        emptyText={t('accounts.contacts.empty')}
        testId="contacts"
      >
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" data-testid="contacts-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accounts.contacts.name')}</Table.Th>
                <Table.Th>{t('accounts.contacts.roles')}</Table.Th>
                <Table.Th>{t('accounts.contacts.email')}</Table.Th>
                <Table.Th>{t('accounts.contacts.phone')}</Table.Th>
                {canEdit ? <Table.Th w={48} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((contact) => (
                <Table.Tr key={contact.id} data-testid="contact-row" data-contact-email={contact.email}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {contact.name}
                    </Text>
                    {contact.jobTitle ? (
                      <Text size="xs" c="dimmed">
                        {contact.jobTitle}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {contact.roles.map((role) => (
                        <Badge
                          key={role}
                          size="sm"
                          variant="light"
                          color={role === 'escalation' ? 'orange' : 'blue'}
                        >
                          {t(`accounts.contactRoles.${role}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={`mailto:${contact.email}`} size="sm">
                      {contact.email}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={contact.phone ? undefined : 'dimmed'}>
                      {contact.phone ?? t('common.none')}
                    </Text>
                  </Table.Td>
                  {canEdit ? (
                    <Table.Td>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() => setEditing(contact)}
                        aria-label={t('accounts.contacts.edit', { name: contact.name })}
                        data-testid="contact-edit"
                      >
                        <IconPencil size={16} />
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </PanelState>
      {editing ? (
        <ContactModal
          accountId={account.id}
          contact={editing === 'new' ? null : editing}
          defaultLanguage={account.defaultLanguage}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
