import { describe, expect, it } from 'vitest';
import { attachmentDisposition, cleanFileName } from './file-names.ts';

describe('file names', () => {
  it('keeps the base name only, without control characters, quotes or card numbers', () => {
    expect(cleanFileName('C:\\Users\\ops\\..\\report "final".pdf')).toBe('report final.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('line\nbreak.txt')).toBe('linebreak.txt');
    expect(cleanFileName('refund 4111111111111111.csv')).not.toContain('4111111111111111');
    expect(cleanFileName('x'.repeat(300))).toHaveLength(255);
  });

  it('always offers a download, with an ASCII fallback and the exact name', () => {
    expect(attachmentDisposition('Zażółć "log".txt')).toBe(
      `attachment; filename="Za____ _log_.txt"; filename*=UTF-8''Za%C5%BC%C3%B3%C5%82%C4%87%20%22log%22.txt`,
    );
  });
});
