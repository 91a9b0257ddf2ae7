import { describe, expect, it } from 'vitest';
import {
  acceptedContentTypes,
  isTextContentType,
  maskedIfText,
  mediaTypeOf,
  sniffedTypeMatches,
} from './content-types.ts';

const bytes = (text: string) => Buffer.from(text, 'latin1');
const pdf = bytes('%PDF-1.7\n%%EOF\n');
const png = bytes('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR');
const jpeg = bytes('\xff\xd8\xff\xe0\x00\x10JFIF');
const docx = bytes('PK\x03\x04\x14\x00\x06\x00....[Content_Types].xml....PK\x05\x06');
const plainZip = bytes('PK\x03\x04\x14\x00\x00\x00....logs/app.log....PK\x05\x06');
const odt = bytes(`PK\x03\x04${'\x00'.repeat(26)}mimetypeapplication/vnd.oasis.opendocument.text`);
const ole = bytes('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00');
const eml = bytes('Received: from mx.northbank.test\r\nSubject: Returned payment\r\n\r\nHello');

describe('content types', () => {
  it('recognises each type by its first bytes', () => {
    expect(sniffedTypeMatches('application/pdf', pdf)).toBe(true);
    expect(sniffedTypeMatches('image/png', png)).toBe(true);
    expect(sniffedTypeMatches('image/jpeg', jpeg)).toBe(true);
    expect(sniffedTypeMatches('image/gif', bytes('GIF89a\x01\x00'))).toBe(true);
    expect(sniffedTypeMatches('image/webp', bytes('RIFF\x24\x00\x00\x00WEBPVP8 '))).toBe(true);
    expect(
      sniffedTypeMatches('application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx),
    ).toBe(true);
    expect(sniffedTypeMatches('application/vnd.oasis.opendocument.text', odt)).toBe(true);
    expect(sniffedTypeMatches('application/vnd.ms-excel', ole)).toBe(true);
    expect(sniffedTypeMatches('text/csv', Buffer.from('date,amount\n2026-03-02,12.50\n'))).toBe(true);
    expect(sniffedTypeMatches('message/rfc822', eml)).toBe(true);
  });

  it('refuses a file disguised as another type', () => {
    expect(sniffedTypeMatches('application/pdf', png)).toBe(false);
    expect(sniffedTypeMatches('image/png', jpeg)).toBe(false);
    // Any zip renamed .docx is not a Word document, nor is a Word document an OpenDocument one.
    expect(
      sniffedTypeMatches('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', plainZip),
    ).toBe(false);
    expect(sniffedTypeMatches('application/vnd.oasis.opendocument.spreadsheet', odt)).toBe(false);
    expect(sniffedTypeMatches('text/plain', png)).toBe(false);
    expect(sniffedTypeMatches('text/plain', bytes('caf\xe9'))).toBe(false);
    expect(sniffedTypeMatches('message/rfc822', Buffer.from('Just some text'))).toBe(false);
  });

  it('knows no archives or executables, and no type by an inherited name', () => {
    expect(acceptedContentTypes).not.toContain('application/zip');
    expect(sniffedTypeMatches('application/zip', plainZip)).toBe(false);
    expect(sniffedTypeMatches('application/x-msdownload', bytes('MZ\x90\x00'))).toBe(false);
    expect(sniffedTypeMatches('constructor', pdf)).toBe(false);
    expect(isTextContentType('toString')).toBe(false);
  });

  it('says which types are text, to be masked', () => {
    expect(['text/plain', 'text/csv', 'application/json', 'message/rfc822'].map(isTextContentType)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(isTextContentType('application/pdf')).toBe(false);
  });

  it('reads the media type out of a Content-Type header', () => {
    expect(mediaTypeOf('Text/Plain; charset=utf-8')).toBe('text/plain');
    expect(mediaTypeOf(undefined)).toBe('');
  });
});

describe('maskedIfText', () => {
  it('masks card numbers in text and leaves binary files as uploaded', () => {
    const log = Buffer.from('auth declined for 4111 1111 1111 1111\n');
    expect(maskedIfText('text/plain', log).toString()).not.toContain('4111 1111 1111 1111');
    const scan = Buffer.concat([pdf, log]);
    expect(maskedIfText('application/pdf', scan)).toBe(scan);
  });
});
