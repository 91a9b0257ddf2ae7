import { maskCardNumbers } from '../card-numbers/index.ts';

/**
 * The file types Paydesk stores, each recognised by its content: the declared Content-Type alone is
 * the client's word, so a file whose first bytes are not what it says is refused. Each feature
 * accepts its own subset (contract documents, case attachments) of the types known here.
 *
 * Text types are stored with card numbers masked, which needs UTF-8 text; that is why archives
 * (zip, gzip) and Outlook's binary .msg are not known here: nothing inside them can be checked or
 * masked.
 */
interface KnownType {
  matches: (bytes: Buffer) => boolean;
  /** Readable as UTF-8 text: stored with card numbers masked. */
  text: boolean;
}

const knownTypes: Record<string, KnownType> = {
  'application/pdf': binary((b) => startsWith(b, '%PDF-')),
  'image/png': binary((b) => startsWith(b, '\x89PNG\r\n\x1a\n')),
  'image/jpeg': binary((b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff),
  'image/gif': binary((b) => startsWith(b, 'GIF87a') || startsWith(b, 'GIF89a')),
  'image/webp': binary((b) => startsWith(b, 'RIFF') && startsWith(b.subarray(8), 'WEBP')),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': binary(isOfficeOpenXml),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': binary(isOfficeOpenXml),
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': binary(isOfficeOpenXml),
  'application/vnd.oasis.opendocument.text': binary(
    isOpenDocument('application/vnd.oasis.opendocument.text'),
  ),
  'application/vnd.oasis.opendocument.spreadsheet': binary(
    isOpenDocument('application/vnd.oasis.opendocument.spreadsheet'),
  ),
  // Word 97–2003 and Excel 97–2003 are both OLE compound files; the container is all a sniff sees.
  'application/msword': binary(isCompoundFile),
  'application/vnd.ms-excel': binary(isCompoundFile),
  'text/plain': { matches: isText, text: true },
  'text/csv': { matches: isText, text: true },
  'application/json': { matches: isText, text: true },
  // An e-mail as saved by a mail client (.eml): text that starts with a header field.
  'message/rfc822': {
    matches: (b) => isText(b) && /^[!-9;-~]+:[ \t]/.test(b.toString('latin1', 0, 1000)),
    text: true,
  },
};

/** Every content type some feature may accept; each feature lists its own subset. */
export const acceptedContentTypes: readonly string[] = Object.keys(knownTypes);

/** The media type of a Content-Type header, lower-cased, without parameters (`; charset=…`). */
export function mediaTypeOf(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Whether the bytes are what `contentType` (a media type) says; false for a type not known here. */
export function sniffedTypeMatches(contentType: string, bytes: Buffer): boolean {
  return Object.hasOwn(knownTypes, contentType) && knownTypes[contentType]!.matches(bytes);
}

/** Whether files of this type are text, to be stored with card numbers masked. */
export function isTextContentType(contentType: string): boolean {
  return Object.hasOwn(knownTypes, contentType) && knownTypes[contentType]!.text;
}

/**
 * The bytes to store: text with card numbers masked, like everything else that enters Paydesk;
 * binary files as uploaded, since they cannot be read reliably.
 */
export function maskedIfText(contentType: string, bytes: Buffer): Buffer {
  return isTextContentType(contentType)
    ? Buffer.from(maskCardNumbers(bytes.toString('utf8')), 'utf8')
    : bytes;
}

function binary(matches: (bytes: Buffer) => boolean): KnownType {
  return { matches, text: false };
}

function startsWith(bytes: Buffer, signature: string) {
  return bytes.subarray(0, signature.length).equals(Buffer.from(signature, 'latin1'));
}

function isZip(bytes: Buffer) {
  return startsWith(bytes, 'PK\x03\x04');
}

/** A zip that names the part list every Office Open XML package has: not just any renamed zip. */
function isOfficeOpenXml(bytes: Buffer) {
  return isZip(bytes) && bytes.includes('[Content_Types].xml', 0, 'latin1');
}

/** OpenDocument stores its type first, uncompressed, as the entry `mimetype` (ODF 1.2 §3.3). */
function isOpenDocument(mimeType: string) {
  const expected = `mimetype${mimeType}`;
  return (bytes: Buffer) => isZip(bytes) && bytes.toString('latin1', 30, 30 + expected.length) === expected;
}

function isCompoundFile(bytes: Buffer) {
  return startsWith(bytes, '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1');
}

function isText(bytes: Buffer) {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
