import { Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { languages } from '@paydesk/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { languageNames } from '../../../app/i18n/language.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { type Contact } from '../api/accounts-types.ts';
import { contactRoles, type ContactRole } from '@paydesk/shared';
import { useSaveContact } from '../hooks/use-accounts.ts';

interface ContactModalProps {
  accountId: string;
  /** The contact being edited, or null for a new one. */
  contact: Contact | null;
  defaultLanguage: string;
  onClose: () => void;
}

interface FieldErrors {
  name?: string;
  email?: string;
  phone?: string;
}

/** Mounted only while open, so each opening starts from the contact's current values. */
export function ContactModal({ accountId, contact, defaultLanguage, onClose }: ContactModalProps) {
  const { t } = useTranslation();
  const save = useSaveContact(accountId);
  const [name, setName] = useState(contact?.name ?? '');
  const [email, setEmail] = useState(contact?.email ?? '');
  const [jobTitle, setJobTitle] = useState(contact?.jobTitle ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [language, setLanguage] = useState<string>(
    contact?.language ??
      ((languages as readonly string[]).includes(defaultLanguage) ? defaultLanguage : 'en'),
  );
  const [roles, setRoles] = useState<ContactRole[]>(contact?.roles ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: FieldErrors = {};
    if (name.trim() === '') next.name = t('common.required');
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) next.email = t('accounts.contacts.emailInvalid');
    if (phone.trim() !== '' && !/^\+[0-9 ().-]{6,29}$/.test(phone.trim()))
      next.phone = t('accounts.contacts.phoneInvalid');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    save.mutate(
      {
        contactId: contact?.id ?? null,
        input: {
          name: name.trim(),
          email: email.trim(),
          jobTitle: jobTitle.trim(),
          phone: phone.trim() === '' ? null : phone.trim(),
          language,
          roles,
        },
      },
      { onSuccess: onClose },
    );
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={contact ? t('accounts.contacts.editTitle') : t('accounts.contacts.addTitle')}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate data-testid="contact-form">
        <Stack gap="sm">
          <ProblemAlert error={save.error} testId="contact-form-error" />
          <Group grow align="flex-start">
            <TextInput
              label={t('accounts.contacts.name')}
              required
              maxLength={200}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              data-autofocus
              data-testid="contact-name"
            />
            <TextInput
              label={t('accounts.contacts.jobTitle')}
              maxLength={200}
              value={jobTitle}
              onChange={(event) => setJobTitle(event.currentTarget.value)}
              data-testid="contact-job-title"
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t('accounts.contacts.email')}
              type="email"
              required
              maxLength={254}
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={errors.email}
              data-testid="contact-email"
            />
            <TextInput
              label={t('accounts.contacts.phone')}
              placeholder="+44 20 7946 0000"
              maxLength={30}
              value={phone}
              onChange={(event) => setPhone(event.currentTarget.value)}
              error={errors.phone}
              data-testid="contact-phone"
            />
          </Group>
          <Select
            label={t('accounts.contacts.language')}
            data={languages.map((value) => ({ value, label: languageNames[value] }))}
            value={language}
            onChange={(value) => setLanguage(value ?? 'en')}
            allowDeselect={false}
            data-testid="contact-language"
          />
          <Checkbox.Group
            label={t('accounts.contacts.roles')}
            value={roles}
            onChange={(value) => setRoles(value as ContactRole[])}
          >
            <Group gap="md" mt={6}>
              {contactRoles.map((role) => (
                <Checkbox
                  key={role}
                  value={role}
                  label={t(`accounts.contactRoles.${role}`)}
                  data-testid={`contact-role-${role}`}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="contact-submit">
              {t('accounts.contacts.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
