import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconLink, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import type { CaseLink, CaseLinkKind, CaseLinkViewKind } from '../api/cases-types.ts';
import { useAddLink, useCaseLinks, useRemoveLink } from '../hooks/use-case-work.ts';
import { CaseStatusBadge } from './case-badges.tsx';

/** The order a reader wants them: what this case became, its family, its duplicates, the rest. */
const groupOrder: CaseLinkViewKind[] = [
  'merged_into',
  'parent',
  'child',
  'duplicate_of',
  'duplicated_by',
  'related',
  'merged_from',
];
const newKinds: CaseLinkKind[] = ['related', 'duplicate_of', 'parent', 'child'];
/** A merge is history, not a link one takes back. */
const isRemovable = (kind: CaseLinkViewKind) => kind !== 'merged_into' && kind !== 'merged_from';

/** The case's links by kind, each with the other case's status; staff add and remove them. */
export function LinksPanel({ address, canEdit }: { address: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const links = useCaseLinks(address);
  const remove = useRemoveLink(address);
  const items = links.data ?? [];
  const groups = groupOrder
    .map((kind) => ({ kind, items: items.filter((link) => link.kind === kind) }))
    .filter((group) => group.items.length > 0);

  return (
    <Card withBorder data-testid="case-links">
      <Title order={5} mb="xs">
        {t('cases.links.title')}
      </Title>
      <Stack gap="sm">
        <ProblemAlert error={links.error ?? remove.error} testId="case-links-error" />
        {links.isSuccess && groups.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="case-links-empty">
            {t('cases.links.none')}
          </Text>
        ) : null}
        {groups.map((group) => (
          <Stack key={group.kind} gap={4} data-testid="case-link-group" data-kind={group.kind}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              {t(`cases.links.kinds.${group.kind}`)}
            </Text>
            {group.items.map((link) => (
              <LinkRow
                key={link.id}
                link={link}
                onRemove={canEdit && isRemovable(link.kind) ? () => remove.mutate(link.id) : undefined}
                removing={remove.isPending && remove.variables === link.id}
              />
            ))}
          </Stack>
        ))}
        {canEdit ? <AddLinkForm address={address} /> : null}
      </Stack>
    </Card>
  );
}

function LinkRow({
  link,
  onRemove,
  removing,
}: {
  link: CaseLink;
  onRemove: (() => void) | undefined;
  removing: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      justify="space-between"
      data-testid="case-link"
      data-kind={link.kind}
      data-case-reference={link.case.reference}
    >
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Anchor component={Link} to={`/cases/${link.case.reference}`} size="sm" fw={600}>
          {link.case.reference}
        </Anchor>
        <Text size="xs" c="dimmed" truncate="end" title={link.case.subject}>
          {link.case.subject}
        </Text>
      </Stack>
      <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
        <CaseStatusBadge status={link.case.status} testId="case-link-status" />
        {onRemove ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            loading={removing}
            aria-label={t('cases.links.remove', { reference: link.case.reference })}
            onClick={onRemove}
            data-testid="case-link-remove"
          >
            <IconX size={14} />
          </ActionIcon>
        ) : null}
      </Group>
    </Group>
  );
}

function AddLinkForm({ address }: { address: string }) {
  const { t } = useTranslation();
  const add = useAddLink(address);
  const [kind, setKind] = useState<CaseLinkKind>('related');
  const [reference, setReference] = useState('');
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const caseNumber = reference.trim().toUpperCase();
    if (!caseNumber) {
      setMissing(true);
      return;
    }
    add.mutate({ kind, caseNumber }, { onSuccess: () => setReference('') });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="case-link-form">
      <Stack gap="xs">
        <ProblemAlert error={add.error} testId="case-link-add-error" />
        <Select
          size="xs"
          label={t('cases.links.kind')}
          allowDeselect={false}
          data={newKinds.map((value) => ({ value, label: t(`cases.links.newKinds.${value}`) }))}
          value={kind}
          onChange={(value) => value && setKind(value as CaseLinkKind)}
          comboboxProps={{ withinPortal: true }}
          data-testid="case-link-kind"
        />
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            label={t('cases.links.case')}
            placeholder="PD-100001"
            maxLength={20}
            value={reference}
            error={missing ? t('common.required') : undefined}
            onChange={(event) => {
              setReference(event.currentTarget.value);
              setMissing(false);
            }}
            data-testid="case-link-reference"
          />
          <Button
            size="xs"
            type="submit"
            variant="light"
            leftSection={<IconLink size={14} />}
            loading={add.isPending}
            data-testid="case-link-add"
          >
            {t('cases.links.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
