import { maskCardNumbers } from '../card-numbers/index.ts';

/** A name to show and to offer on download: no path, no control characters, no card numbers. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return maskCardNumbers(base.replace(/[\u0000-\u001f\u007f"]/g, '').trim()).slice(0, 255);
}

/** A Content-Disposition that always downloads: RFC 6266 with an ASCII fallback and the exact name (RFC 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
