import { Select, type ComboboxData, type SelectProps } from '@mantine/core';
import { isCustomerRole } from '@paydesk/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../identity/index.ts';
import { useUsers } from '../../users/index.ts';
import { useCaseAssignees } from '../hooks/use-case-work.ts';
import { canListStaff } from '../permissions.ts';

interface Person {
  id: string;
  displayName: string;
}

interface AssigneeSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: string | null;
  onChange: (userId: string | null) => void;
  /** Who it is now, kept as an option even when the directory is not readable. */
  current?: Person | null;
  /** The case being assigned (id or reference): its team's staff are offered first. */
  caseAddress?: string;
  testId: string;
}

/**
 * Whom to assign: the case's team (GET /api/cases/:id/assignees, leads first), me and who it is now;
 * for those who may read the staff directory, everyone else on the staff too.
 */
export function AssigneeSelect(props: AssigneeSelectProps) {
  const me = useCurrentUser();
  return canListStaff(me.role) ? <StaffSelect {...props} /> : <Choices {...props} staff={[]} />;
}

function StaffSelect(props: AssigneeSelectProps) {
  const users = useUsers();
  const staff = useMemo(
    () =>
      (users.data?.pages.flatMap((page) => page.items) ?? [])
        .filter((user) => user.isActive && !isCustomerRole(user.role))
        .map((user) => ({ id: user.id, displayName: user.displayName })),
    [users.data],
  );
  return <Choices {...props} staff={staff} />;
}

function Choices({
  value,
  onChange,
  current,
  caseAddress,
  testId,
  staff,
  ...props
}: AssigneeSelectProps & { staff: Person[] }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const assignees = useCaseAssignees(caseAddress ?? null);
  const data = useMemo((): ComboboxData => {
    const seen = new Set<string>();
    const option = (person: Person, isLead = false) => {
      seen.add(person.id);
      const name = person.id === me.id ? t('cases.actions.me', { name: me.displayName }) : person.displayName;
      return { value: person.id, label: isLead ? t('cases.assignees.lead', { name }) : name };
    };
    const team = assignees.data?.team ?? null;
    const members = (assignees.data?.items ?? [])
      .filter((person) => person.inTeam)
      .map((person) => option(person, person.isLead));
    const others = [me, ...(current ? [current] : []), ...staff].flatMap((person) =>
      seen.has(person.id) ? [] : [option(person)],
    );
    if (team === null || members.length === 0) return others;
    return [
      { group: team.name, items: members },
      ...(others.length > 0 ? [{ group: t('cases.assignees.others'), items: others }] : []),
    ];
  }, [me, current, staff, assignees.data, t]);
  return (
    <Select
      {...props}
      searchable
      clearable
      placeholder={t('cases.unassigned')}
      data={data}
      value={value}
      onChange={onChange}
      data-testid={testId}
    />
  );
}
