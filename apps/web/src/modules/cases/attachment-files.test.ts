import { describe, expect, it } from 'vitest';
import { formatFileSize } from './attachment-files.ts';

describe('formatFileSize', () => {
  it('shows small files in bytes and larger ones in binary kilo- and megabytes', () => {
    expect(formatFileSize(0, 'en')).toBe('0 bytes');
    expect(formatFileSize(512, 'en')).toBe('512 bytes');
    expect(formatFileSize(1024, 'en')).toBe('1 kB');
    expect(formatFileSize(12_800, 'en')).toBe('12.5 kB');
    expect(formatFileSize(25 * 1024 * 1024, 'en')).toBe('25 MB');
  });

  it("writes the number in the person's language", () => {
    expect(formatFileSize(12_800, 'pl')).toBe('12,5 kB');
  });
});
