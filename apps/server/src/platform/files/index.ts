export { createFileStore, type FileStore, type StoredFile } from './file-store.ts';
export {
  acceptedContentTypes,
  isTextContentType,
  maskedIfText,
  mediaTypeOf,
  sniffedTypeMatches,
} from './content-types.ts';
export { attachmentDisposition, cleanFileName } from './file-names.ts';
