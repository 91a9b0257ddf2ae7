/**
 * What the server accepts as an attachment (apps/server cases/attachments.ts), for the file picker
 * only: the server checks every file's first bytes against its type and answers 415 otherwise.
 */
export const attachmentAccept = [
  'text/plain',
  'text/csv',
  'application/json',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/msword',
  'application/vnd.ms-excel',
  'message/rfc822',
  '.eml',
].join(',');

/** The server's limit (25 MiB): a larger file is refused before its upload, not after it. */
export const attachmentSizeLimitBytes = 25 * 1024 * 1024;

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
