import { Select, type SelectProps } from '@mantine/core';
import { isCustomerRole } from '@paydesk/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../identity/index.ts';
import { useUsers } from '../../users/index.ts';
import { canListStaff } from '../permissions.ts';

interface AssigneeSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: string | null;
  onChange: (userId: string | null) => void;
  /** Who it is now, kept as an option even when the directory is not readable. */
  current?: { id: string; displayName: string } | null;
  testId: string;
}

/** Whom to assign: the active staff for those who may read the directory; otherwise me (or who it is). */
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
  testId,
  staff,
  ...props
}: AssigneeSelectProps & { staff: Array<{ id: string; displayName: string }> }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const data = useMemo(() => {
    const people = new Map<string, string>([[me.id, t('cases.actions.me', { name: me.displayName })]]);
    if (current) people.set(current.id, current.id === me.id ? people.get(me.id)! : current.displayName);
    for (const person of staff) if (!people.has(person.id)) people.set(person.id, person.displayName);
    return [...people].map(([id, label]) => ({ value: id, label }));
  }, [me.id, me.displayName, current, staff, t]);
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
