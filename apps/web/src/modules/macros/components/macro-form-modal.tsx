import {
  Button,
  Checkbox,
  Code,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Tabs,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { caseStatuses, languages as macroLanguages, macroVariables, unknownVariables } from '@paydesk/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/http/api-error.ts';
import { translateError } from '../../../app/i18n/translate-error.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { useCurrentUser } from '../../identity/index.ts';
import type { MacroInput } from '../api/macros-api.ts';
import type { FieldActions, Language, Macro, MessageVisibility } from '../api/macros-types.ts';
import { useSaveMacro } from '../hooks/use-macros.ts';

interface MacroFormModalProps {
  opened: boolean;
  /** The macro to change; null: a new one. */
  macro: Macro | null;
  onClose: () => void;
}

export function MacroFormModal({ opened, macro, onClose }: MacroFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={macro ? t('macros.manage.editTitle') : t('macros.manage.newTitle')}
      size="lg"
      centered
    >
      {/* Keyed so that each opening starts from the macro as saved (or blank), not the last typing. */}
      <MacroForm key={macro?.id ?? 'new'} macro={macro} onClose={onClose} />
    </Modal>
  );
}

/** Where a macro is shared, as one choice: only me, one of my teams (`team:<id>`), or everyone. */
function sharingOf(macro: Macro | null): string {
  if (!macro) return 'personal';
  return macro.sharing === 'team' && macro.team ? `team:${macro.team.id}` : macro.sharing;
}

/**
 * The form covers what agents set most (status, taking the case, tags); other actions a macro was
 * given through the API (priority, team, removing tags) are kept as they are.
 */
function MacroForm({ macro, onClose }: { macro: Macro | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const save = useSaveMacro(macro?.id ?? null);
  const [name, setName] = useState(macro?.name ?? '');
  const [visibility, setVisibility] = useState<MessageVisibility>(macro?.visibility ?? 'public');
  const [sharing, setSharing] = useState(sharingOf(macro));
  const [bodies, setBodies] = useState<Partial<Record<Language, string>>>(macro?.bodies ?? {});
  const [language, setLanguage] = useState<Language>(
    macroLanguages.find((code) => macro?.bodies[code]) ?? 'en',
  );
  const [status, setStatus] = useState<string | null>(macro?.actions.status ?? null);
  const [takesCase, setTakesCase] = useState(macro?.actions.assigneeId === 'me');
  const [tags, setTags] = useState<string[]>(macro?.actions.addTags ?? []);
  const [blank, setBlank] = useState<{ name?: boolean; bodies?: boolean }>({});
  const nameTaken = isApiError(save.error) && save.error.code === 'MACRO_ALREADY_EXISTS';
  const unknownIn = Object.fromEntries(
    macroLanguages.map((code) => [code, unknownVariables(bodies[code] ?? '')]),
  ) as Record<Language, string[]>;

  function submit(event: FormEvent) {
    event.preventDefault();
    const written = Object.fromEntries(Object.entries(bodies).filter(([, text]) => text?.trim())) as Partial<
      Record<Language, string>
    >;
    const missing = { name: !name.trim(), bodies: Object.keys(written).length === 0 };
    if (missing.name || missing.bodies) {
      setBlank(missing);
      return;
    }
    // A typo in a variable is shown where it was typed, before the server would refuse it.
    const mistyped = macroLanguages.find((code) => unknownIn[code].length > 0);
    if (mistyped) {
      setLanguage(mistyped);
      return;
    }
    const { status: _status, assigneeId, addTags: _tags, ...kept } = macro?.actions ?? {};
    const actions: FieldActions = {
      ...kept,
      ...(status ? { status } : {}),
      // An assignee the API set other than "whoever applies it" stays unless the box is ticked.
      ...(takesCase ? { assigneeId: 'me' } : assigneeId && assigneeId !== 'me' ? { assigneeId } : {}),
      ...(tags.length > 0 ? { addTags: tags } : {}),
    };
    const teamId = sharing.startsWith('team:') ? sharing.slice('team:'.length) : null;
    const input: MacroInput = {
      name: name.trim(),
      sharing: teamId ? 'team' : (sharing as 'personal' | 'everyone'),
      // A new macro names a team only to share with it; a change also says "no team" when it leaves one.
      ...(teamId ? { teamId } : macro ? { teamId: null } : {}),
      bodies: written,
      visibility,
      actions,
    };
    save.mutate(input, { onSuccess: onClose });
  }

  const sharingChoices = [
    { value: 'personal', label: t('macros.manage.sharingPersonal') },
    ...me.teams.map((team) => ({
      value: `team:${team.id}`,
      label: t('macros.manage.sharingTeam', { team: team.name }),
    })),
    // Only administrators share with everyone; a macro already shared so keeps the choice on screen.
    ...(me.role === 'admin' || macro?.sharing === 'everyone'
      ? [{ value: 'everyone', label: t('macros.manage.sharingEveryone') }]
      : []),
  ];
  // A team macro of a team the editor is not in (an administrator's edit) keeps its team listed.
  if (macro?.team && !sharingChoices.some((choice) => choice.value === `team:${macro.team!.id}`))
    sharingChoices.push({
      value: `team:${macro.team.id}`,
      label: t('macros.manage.sharingTeam', { team: macro.team.name }),
    });

  return (
    <form onSubmit={submit} noValidate data-testid="macro-form">
      <Stack gap="sm">
        {save.error && !nameTaken ? <ProblemAlert error={save.error} testId="macro-form-error" /> : null}
        <TextInput
          label={t('macros.manage.name')}
          required
          maxLength={100}
          data-autofocus
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setBlank((current) => ({ ...current, name: false }));
          }}
          error={blank.name ? t('common.required') : nameTaken ? translateError(t, save.error) : undefined}
          data-testid="macro-form-name"
        />
        <Group grow align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('macros.manage.visibility')}
            </Text>
            <SegmentedControl
              value={visibility}
              onChange={(value) => setVisibility(value as MessageVisibility)}
              data={[
                { value: 'public', label: t('macros.visibility.public') },
                { value: 'internal', label: t('macros.visibility.internal') },
              ]}
              data-testid="macro-form-visibility"
            />
          </Stack>
          <Select
            label={t('macros.manage.sharing')}
            allowDeselect={false}
            data={sharingChoices}
            value={sharing}
            onChange={(value) => value && setSharing(value)}
            data-testid="macro-form-sharing"
          />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('macros.manage.bodies')}
          </Text>
          <Tabs value={language} onChange={(value) => value && setLanguage(value as Language)}>
            <Tabs.List>
              {macroLanguages.map((code) => (
                <Tabs.Tab key={code} value={code} data-testid={`macro-form-language-${code}`}>
                  {t(`macros.languages.${code}`)}
                  {unknownIn[code].length > 0 ? ' ⚠' : bodies[code]?.trim() ? ' ✓' : ''}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
          <Textarea
            aria-label={t(`macros.languages.${language}`)}
            autosize
            minRows={5}
            maxRows={14}
            maxLength={20000}
            value={bodies[language] ?? ''}
            onChange={(event) => {
              const text = event.currentTarget.value;
              setBodies((current) => ({ ...current, [language]: text }));
              setBlank((current) => ({ ...current, bodies: false }));
            }}
            error={
              blank.bodies
                ? t('macros.manage.bodiesRequired')
                : unknownIn[language].length > 0
                  ? t('macros.manage.unknownVariables', {
                      names: unknownIn[language].map((variable) => `{{${variable}}}`).join(', '),
                    })
                  : undefined
            }
            data-testid="macro-form-body"
          />
          <Text size="xs" c="dimmed">
            {t('macros.manage.variables')}{' '}
            {macroVariables.map((variable) => (
              <Code key={variable} mr={4}>{`{{${variable}}}`}</Code>
            ))}
          </Text>
        </Stack>
        <Text size="sm" fw={500} mt="xs">
          {t('macros.changes.title')}
        </Text>
        <Group grow align="flex-start">
          <Select
            label={t('macros.manage.status')}
            placeholder={t('macros.manage.statusUnchanged')}
            clearable
            data={caseStatuses.map((value) => ({ value, label: t(`cases.statuses.${value}`) }))}
            value={status}
            onChange={setStatus}
            data-testid="macro-form-status"
          />
          <TagsInput
            label={t('macros.manage.addTags')}
            value={tags}
            onChange={setTags}
            maxTags={20}
            data-testid="macro-form-tags"
          />
        </Group>
        <Checkbox
          label={t('macros.manage.takesCase')}
          checked={takesCase}
          onChange={(event) => setTakesCase(event.currentTarget.checked)}
          data-testid="macro-form-takes-case"
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="macro-form-submit">
            {macro ? t('macros.manage.saveChanges') : t('macros.manage.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
