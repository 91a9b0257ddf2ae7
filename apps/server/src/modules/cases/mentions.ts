import { maskCardNumbers } from '../../platform/card-numbers/index.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { NewNotification } from '../notifications/index.ts';
import type { AddedMessage } from './cases.service.ts';

/**
 * `@handle` at the start of the text or after a character that cannot be part of an address (so the
 * `@` inside `ops@northbank.test` is not one); a handle is an e-mail address or a name without
 * spaces (`@amelia.hughes`, `@AmeliaHughes`).
 */
const mentionPattern =
  /(?<![\w@.%+-])@([\p{L}\p{N}][\p{L}\p{N}._%+-]*(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)/gu;

/**
 * The handles a text mentions, as written, each once, in order of first appearance. Punctuation
 * that ends a sentence (`ask @amelia.`) is not part of the handle.
 */
export function parseMentions(text: string): string[] {
  const handles = new Set<string>();
  for (const match of text.matchAll(mentionPattern)) {
    const handle = match[1]!.replace(/[._%+-]+$/u, '');
    if (handle) handles.add(handle);
  }
  return [...handles];
}

export interface StaffMember {
  id: string;
  email: string;
  displayName: string;
}

/**
 * The staff the handles name, each once. A handle names a person by their e-mail address, its part
 * before the `@`, or their display name without spaces or with dots for spaces, ignoring case. A
 * handle that names nobody, or several people, names no one: a notification to the wrong person is
 * worse than none.
 */
export function resolveMentions(handles: string[], staff: StaffMember[]): string[] {
  const byKey = new Map<string, Set<string>>();
  for (const member of staff) {
    const email = member.email.toLowerCase();
    const name = member.displayName.trim().toLowerCase();
    for (const key of [email, email.split('@')[0]!, name.replace(/\s+/g, '.'), name.replace(/\s+/g, '')]) {
      if (!key) continue;
      const ids = byKey.get(key) ?? new Set<string>();
      byKey.set(key, ids.add(member.id));
    }
  }
  const named = new Set<string>();
  for (const handle of handles) {
    const ids = byKey.get(handle.toLowerCase());
    if (ids?.size === 1) named.add([...ids][0]!);
  }
  return [...named];
}

/**
 * Tells the staff a reply or note mentions, in the message's transaction: one notification per
 * person per message, never to the author. Customers' text is only text: they cannot summon staff.
 */
export function createMentionNotifier(deps: {
  notify: (executor: Executor, notification: NewNotification) => Promise<unknown>;
}) {
  return async (tx: Executor, message: AddedMessage): Promise<void> => {
    if (message.fromCustomer) return;
    const handles = parseMentions(message.body);
    if (handles.length === 0) return;
    const staff = await tx
      .selectFrom('users')
      .select(['id', 'email', 'displayName'])
      .where('accountId', 'is', null)
      .where('isActive', '=', true)
      .execute();
    const author = staff.find((member) => member.id === message.authorId)?.displayName ?? 'Someone';
    const where = message.visibility === 'internal' ? 'an internal note' : 'a reply';
    for (const userId of resolveMentions(handles, staff)) {
      if (userId === message.authorId) continue;
      await deps.notify(tx, {
        userId,
        kind: 'case.mentioned',
        title: `${author} mentioned you in ${where} on ${message.reference}`,
        body: excerpt(message.body),
        link: `/cases/${message.caseId}`,
        entityType: 'case',
        entityId: message.caseId,
      });
    }
  };
}

function excerpt(body: string) {
  const text = maskCardNumbers(body.replace(/\s+/g, ' ').trim());
  return text.length > 280 ? `${text.slice(0, 279)}…` : text;
}
