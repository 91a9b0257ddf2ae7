import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMentions, resolveMentions, type StaffMember } from './mentions.ts';

const amelia: StaffMember = { id: 'u1', email: 'amelia.hughes@paydesk.test', displayName: 'Amelia Hughes' };
const analyst: StaffMember = { id: 'u2', email: 'analyst@paydesk.test', displayName: 'Priya Shah' };
const otherAmelia: StaffMember = { id: 'u3', email: 'amelia@vendor.test', displayName: 'Amelia Hughes' };

describe('parseMentions', () => {
  it('finds handles and e-mail addresses after an @, each once, without trailing punctuation', () => {
    expect(
      parseMentions(
        '@amelia.hughes can you check? cc @analyst@paydesk.test, @AmeliaHughes. And @amelia.hughes again',
      ),
    ).toEqual(['amelia.hughes', 'analyst@paydesk.test', 'AmeliaHughes']);
  });

  it('does not take the @ inside an address or a word for a mention', () => {
    expect(parseMentions('Write to ops@northbank.test or user@@host; price@10')).toEqual([]);
    expect(parseMentions('(@priya.shah) and "@zoë"')).toEqual(['priya.shah', 'zoë']);
    expect(parseMentions('@ alone, @.dot, @-dash')).toEqual([]);
  });

  it('never returns a handle that is not written after an @ in the text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom('@', '@amelia', '@a.b@c.d', ' ', '.', ',', 'x@y.z', '@@', '-', '\n'),
            fc.emailAddress().map((email) => `@${email}`),
          ),
        ),
        (parts) => {
          const text = parts.join('');
          const handles = parseMentions(text);
          for (const handle of handles) expect(text).toContain(`@${handle}`);
          expect(new Set(handles).size).toBe(handles.length);
        },
      ),
    );
  });
});

describe('resolveMentions', () => {
  it('names staff by e-mail, its local part or the display name without spaces, ignoring case', () => {
    expect(resolveMentions(['AMELIA.HUGHES@paydesk.test'], [amelia, analyst])).toEqual(['u1']);
    expect(resolveMentions(['analyst'], [amelia, analyst])).toEqual(['u2']);
    expect(resolveMentions(['priya.shah', 'PriyaShah', 'ameliahughes'], [amelia, analyst])).toEqual([
      'u2',
      'u1',
    ]);
  });

  it('ignores unknown handles and handles that fit several people', () => {
    expect(resolveMentions(['nobody', 'customer@northbank.test'], [amelia, analyst])).toEqual([]);
    expect(resolveMentions(['amelia.hughes'], [amelia, otherAmelia])).toEqual([]);
    expect(resolveMentions(['amelia@vendor.test'], [amelia, otherAmelia])).toEqual(['u3']);
  });
});
