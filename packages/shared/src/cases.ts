/**
 * The vocabularies of cases that contracts and SLA policies already refer to (a policy's conditions
 * name case types and channels; its pause statuses are case statuses). Shared so the API, the SLA
 * engine and the web cannot drift apart.
 */
export const caseTypes = [
  'incident',
  'service_request',
  'question',
  'complaint',
  'enhancement_request',
  'payment_investigation',
  'refund',
  'dispute',
] as const;
export const caseStatuses = [
  'new',
  'open',
  'pending_customer',
  'pending_internal',
  'pending_vendor',
  'on_hold',
  'resolved',
  'closed',
] as const;
/** The statuses an SLA policy may name as pausing its clocks (the waiting ones). */
export const pausableCaseStatuses = [
  'pending_customer',
  'pending_internal',
  'pending_vendor',
  'on_hold',
] as const;
export const caseChannels = ['email', 'phone', 'portal', 'api'] as const;
export const priorities = ['P1', 'P2', 'P3', 'P4'] as const;
/** Impact × urgency gives the priority (the matrix is in the cases module). */
export const impactLevels = ['high', 'medium', 'low'] as const;
export const messageVisibilities = ['public', 'internal'] as const;

export type CaseType = (typeof caseTypes)[number];
export type CaseStatus = (typeof caseStatuses)[number];
export type PausableCaseStatus = (typeof pausableCaseStatuses)[number];
export type CaseChannel = (typeof caseChannels)[number];
export type Priority = (typeof priorities)[number];
export type ImpactLevel = (typeof impactLevels)[number];
export type MessageVisibility = (typeof messageVisibilities)[number];

/** 25 MiB: a day of gateway logs as text, a batch of screenshots' worth, a scanned statement. */
export const attachmentSizeLimitBytes = 25 * 1024 * 1024;

/**
 * What payment-operations support exchanges with customers, each checked by its first bytes: logs
 * and exports (plain text, CSV, JSON), screenshots (PNG, JPEG, GIF, WebP), statements and letters
 * (PDF), office documents (Word, Excel, PowerPoint, OpenDocument) and forwarded e-mails (.eml).
 * Archives are refused: nothing inside a zip can be type-checked or have its card numbers masked,
 * and a log is better read uncompressed at this size anyway.
 */
export const attachmentContentTypes: readonly string[] = [
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
];

/**
 * The variables a macro's reply may use, `{{case.reference}}` and so on: the server refuses any other
 * name when a macro is saved and fills these from the case; the web app lists them where one is written.
 */
export const macroVariables = [
  'case.reference',
  'case.subject',
  'case.status',
  'case.priority',
  'case.externalReference',
  'contact.name',
  'contact.email',
  'account.name',
  'agent.name',
] as const;
export type MacroVariable = (typeof macroVariables)[number];

/** A `{{name}}` in a macro's text (spaces inside the braces allowed); group 1 is the name. */
export const macroPlaceholder = /\{\{\s*([^{}]*?)\s*\}\}/g;

const knownMacroVariables = new Set<string>(macroVariables);

/** The distinct variable names a macro's text uses, in order of first use. */
export function variablesIn(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(macroPlaceholder), (match) => match[1]!))];
}

/** The names a macro's text uses that are not `macroVariables`: a typo the form and the server refuse. */
export function unknownVariables(template: string): string[] {
  return variablesIn(template).filter((name) => !knownMacroVariables.has(name));
}
