import { ActionIcon, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { serviceReviewStatuses, type ServiceReviewStatus } from '@paydesk/shared';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { Attendee, ServiceReview } from '../api/governance-types.ts';
import { useSaveReview } from '../hooks/use-governance.ts';

interface ReviewModalProps {
  accountId: string;
  /** The review to edit, or null to schedule a new one. */
  review: ServiceReview | null;
  onClose: () => void;
}

interface FieldErrors {
  title?: string;
  heldOn?: string;
  startsAt?: string;
  attendees?: string;
}

const emptyAttendee: Attendee = { name: '', organisation: '', role: '' };

export function ReviewModal({ accountId, review, onClose }: ReviewModalProps) {
  const { t } = useTranslation();
  const save = useSaveReview(accountId);
  const [title, setTitle] = useState(review?.title ?? '');
  const [heldOn, setHeldOn] = useState(review?.heldOn ?? '');
  const [startsAt, setStartsAt] = useState(review?.startsAt ?? '');
  const [status, setStatus] = useState<ServiceReviewStatus>(review?.status ?? 'planned');
  const [attendees, setAttendees] = useState<Attendee[]>(review?.attendees ?? []);
  const [agenda, setAgenda] = useState(review?.agenda ?? '');
  const [minutes, setMinutes] = useState(review?.minutes ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});

  function setAttendee(index: number, field: keyof Attendee, value: string) {
    setAttendees((list) => list.map((a, i) => (i === index ? { ...a, [field]: value } : a)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: FieldErrors = {};
    if (title.trim() === '') next.title = t('common.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(heldOn)) next.heldOn = t('governance.dateInvalid');
    if (startsAt !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(startsAt))
      next.startsAt = t('governance.timeInvalid');
    const filled = attendees.filter((a) => a.name.trim() !== '' || a.organisation.trim() !== '');
    if (filled.some((a) => a.name.trim() === '' || a.organisation.trim() === '')) {
      next.attendees = t('governance.reviews.attendeeIncomplete');
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    save.mutate(
      {
        reviewId: review?.id ?? null,
        input: {
          title: title.trim(),
          heldOn,
          startsAt: startsAt === '' ? null : startsAt,
          status,
          attendees: filled.map((a) => ({
            name: a.name.trim(),
            organisation: a.organisation.trim(),
            ...(a.role?.trim() ? { role: a.role.trim() } : {}),
          })),
          agenda,
          minutes,
        },
      },
      { onSuccess: onClose },
    );
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={review ? t('governance.reviews.editTitle') : t('governance.reviews.scheduleTitle')}
      size="xl"
      centered
    >
      <form onSubmit={submit} noValidate data-testid="review-form">
        <Stack gap="sm">
          <ProblemAlert error={save.error} testId="review-form-error" />
          <TextInput
            label={t('governance.reviews.title')}
            required
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            data-autofocus
            data-testid="review-title"
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('governance.reviews.heldOn')}
              required
              value={heldOn}
              onChange={(event) => setHeldOn(event.currentTarget.value)}
              error={errors.heldOn}
              data-testid="review-held-on"
            />
            <TextInput
              type="time"
              label={t('governance.reviews.startsAt')}
              value={startsAt}
              onChange={(event) => setStartsAt(event.currentTarget.value)}
              error={errors.startsAt}
              data-testid="review-starts-at"
            />
            <Select
              label={t('governance.reviews.status')}
              data={serviceReviewStatuses.map((value) => ({
                value,
                label: t(`governance.reviews.statuses.${value}`),
              }))}
              value={status}
              onChange={(value) => setStatus((value as ServiceReviewStatus | null) ?? status)}
              allowDeselect={false}
              data-testid="review-status"
            />
          </Group>
          <Stack gap={4}>
            <Group justify="space-between">
              <Text size="sm" fw={500}>
                {t('governance.reviews.attendees')}
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                leftSection={<IconPlus size={12} />}
                onClick={() => setAttendees((list) => [...list, { ...emptyAttendee }])}
                data-testid="review-add-attendee"
              >
                {t('governance.reviews.addAttendee')}
              </Button>
            </Group>
            {attendees.map((attendee, index) => (
              <Group key={index} gap="xs" wrap="nowrap" data-testid="review-attendee">
                <TextInput
                  placeholder={t('governance.reviews.attendeeName')}
                  aria-label={t('governance.reviews.attendeeName')}
                  value={attendee.name}
                  onChange={(event) => setAttendee(index, 'name', event.currentTarget.value)}
                  style={{ flex: 2 }}
                />
                <TextInput
                  placeholder={t('governance.reviews.attendeeOrganisation')}
                  aria-label={t('governance.reviews.attendeeOrganisation')}
                  value={attendee.organisation}
                  onChange={(event) => setAttendee(index, 'organisation', event.currentTarget.value)}
                  style={{ flex: 2 }}
                />
                <TextInput
                  placeholder={t('governance.reviews.attendeeRole')}
                  aria-label={t('governance.reviews.attendeeRole')}
                  value={attendee.role ?? ''}
                  onChange={(event) => setAttendee(index, 'role', event.currentTarget.value)}
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('governance.reviews.removeAttendee')}
                  onClick={() => setAttendees((list) => list.filter((_, i) => i !== index))}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))}
            {errors.attendees ? (
              <Text size="xs" c="red">
                {errors.attendees}
              </Text>
            ) : null}
          </Stack>
          <Textarea
            label={t('governance.reviews.agenda')}
            autosize
            minRows={3}
            maxLength={20000}
            value={agenda}
            onChange={(event) => setAgenda(event.currentTarget.value)}
            data-testid="review-agenda"
          />
          <Textarea
            label={t('governance.reviews.minutes')}
            autosize
            minRows={3}
            maxLength={100000}
            value={minutes}
            onChange={(event) => setMinutes(event.currentTarget.value)}
            data-testid="review-minutes"
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="review-submit">
              {t('governance.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
