import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';

/** IANA zone names this browser knows (UTC first), for a searchable select. */
function knownTimeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return ['UTC', ...zones.filter((zone) => zone !== 'UTC')];
}

type TimeZoneSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string;
  onChange: (timeZone: string) => void;
};

/** An IANA time zone, searchable by any part of its name ("warsaw" finds Europe/Warsaw). */
export function TimeZoneSelect({ value, onChange, ...props }: TimeZoneSelectProps) {
  const data = useMemo(() => {
    const zones = knownTimeZones();
    // A stored zone the browser does not list (an alias, say) stays selectable.
    return value && !zones.includes(value) ? [value, ...zones] : zones;
  }, [value]);
  return (
    <Select
      searchable
      allowDeselect={false}
      limit={100}
      {...props}
      data={data}
      value={value || null}
      onChange={(zone) => {
        if (zone) onChange(zone);
      }}
    />
  );
}
