import { attachmentContentTypes } from '@paydesk/shared';

/**
 * What the server accepts, for the file picker only: the server checks every file's first bytes
 * against its type and answers 415 otherwise (.eml too, which browsers often leave without a type).
 */
export const attachmentAccept = [...attachmentContentTypes, '.eml'].join(',');

const units = [
  ['megabyte', 1024 * 1024],
  ['kilobyte', 1024],
] as const;

/** 512 bytes, 12.5 kB, 3.2 MB: in the person's language, binary multiples as file managers show them. */
export function formatFileSize(bytes: number, language: string): string {
  const [unit, size] = units.find(([, size]) => bytes >= size) ?? ['byte', 1];
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit,
    // "512 byte" reads as a typo: bytes are written out, kB and MB abbreviated.
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: 1,
  }).format(bytes / size);
}
