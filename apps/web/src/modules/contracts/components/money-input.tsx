import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, parseMoneyInput } from '../../accounts/index.ts';

interface MoneyInputProps {
  /** Minor units as a decimal string; null = no amount. */
  value: string | null;
  currency: string;
  onChange: (amountMinor: string | null) => void;
  label: string;
  /** Without an amount the value is kept and the field says it is required. */
  required?: boolean;
  error?: string | undefined;
  testId: string;
}

/** The amount as the person writes it ("1,250.50"), without the currency symbol. */
function amountText(amountMinor: string | null, currency: string): string {
  return amountMinor === null ? '' : formatMoney({ amountMinor, currency }, 'en').replace(/[^0-9.,]/g, '');
}

/**
 * An amount typed in major units, kept exact in minor units. What is typed stays as typed; a text
 * that is no amount in the currency is shown as an error and not passed on.
 */
export function MoneyInput({ value, currency, onChange, label, required, error, testId }: MoneyInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => amountText(value, currency));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (parseMoneyInput(text, currency) !== value) setText(amountText(value, currency));
  }
  const isEmpty = text.trim() === '';
  const parsed = isEmpty ? null : parseMoneyInput(text, currency);
  const problem =
    isEmpty && required
      ? t('common.required')
      : !isEmpty && parsed === null
        ? t('contracts.terms.amountInvalid')
        : error;

  return (
    <TextInput
      label={label}
      value={text}
      inputMode="decimal"
      rightSection={currency}
      rightSectionWidth={48}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const blank = next.trim() === '';
        const minor = blank ? null : parseMoneyInput(next, currency);
        if ((blank && !required) || minor !== null) {
          setShown(minor);
          if (minor !== value) onChange(minor);
        }
      }}
      error={problem}
      data-testid={testId}
    />
  );
}
