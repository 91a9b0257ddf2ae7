import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration, parseDuration } from '../duration.ts';

interface DurationInputProps {
  /** Minutes; null = not measured. */
  value: number | null;
  onChange: (minutes: number | null) => void;
  label: string;
  error?: string | undefined;
  testId: string;
}

/**
 * A target typed as "4h", "1h 30m", "2d" or minutes. What is typed stays as typed while it is being
 * edited; a text that is no duration is shown as an error and not passed on, and leaving the field
 * shows the value in its usual form.
 */
export function DurationInput({ value, onChange, label, error, testId }: DurationInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatDuration(value));
  const [shown, setShown] = useState(value);
  // A new value from outside (a reset, a reload) replaces the text, unless the text already says it.
  if (value !== shown) {
    setShown(value);
    if (parseDuration(text) !== value) setText(formatDuration(value));
  }
  const parsed = parseDuration(text);
  const invalid = parsed === undefined;

  return (
    <TextInput
      aria-label={label}
      size="xs"
      value={text}
      placeholder={t('slaPolicies.notMeasured')}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const minutes = parseDuration(next);
        if (minutes !== undefined && minutes !== value) {
          setShown(minutes);
          onChange(minutes);
        }
      }}
      onBlur={() => {
        if (!invalid) setText(formatDuration(parsed));
      }}
      error={invalid ? t('slaPolicies.durationInvalid') : error}
      data-testid={testId}
      data-minutes={value ?? ''}
    />
  );
}
