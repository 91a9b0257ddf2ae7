import { macroVariables, unknownVariables, variablesIn } from '@paydesk/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickBody, renderTemplate, statusLabels, type TemplateValues } from './macro-template.ts';

const values: TemplateValues = {
  'case.reference': 'PD-100042',
  'case.subject': 'FPS credits delayed',
  'contact.name': 'Ana López',
  'account.name': 'Northbank',
  'agent.name': 'Amelia Hughes',
  'case.status': statusLabels['es-MX'].pending_customer,
};

describe('renderTemplate', () => {
  it('fills variables, with or without spaces inside the braces', () => {
    expect(
      renderTemplate('Hola {{contact.name}}, su caso {{ case.reference }} está {{case.status}}.', values),
    ).toEqual({ text: 'Hola Ana López, su caso PD-100042 está en espera de su respuesta.', missing: [] });
  });

  it('renders a known variable without a value empty and reports it', () => {
    expect(renderTemplate('Dear {{contact.name}}, ref {{case.externalReference}}', {})).toEqual({
      text: 'Dear , ref ',
      missing: ['contact.name', 'case.externalReference'],
    });
  });

  it('leaves unknown variables and unclosed braces as written', () => {
    expect(renderTemplate('{{case.nope}} {{case.subject', values).text).toBe('{{case.nope}} {{case.subject');
  });

  it('never expands a value that looks like a placeholder', () => {
    expect(renderTemplate('{{case.subject}}', { 'case.subject': '{{agent.name}}' }).text).toBe(
      '{{agent.name}}',
    );
  });

  it('never throws, and leaves no known placeholder behind', () => {
    const variable = fc.constantFrom(...macroVariables);
    const piece = fc.oneof(
      fc.string(),
      variable.map((name) => `{{${name}}}`),
      fc.constantFrom('{{', '}}', '{', '}', '{{ }}', '{{{case.subject}}}'),
    );
    const valueMap = fc.dictionary(variable, fc.option(fc.string(), { nil: null }));
    fc.assert(
      fc.property(fc.array(piece), valueMap, (pieces, map) => {
        const template = pieces.join('');
        const { text, missing } = renderTemplate(template, map);
        for (const name of missing) expect(map[name] ?? '').toBe('');
        // With values free of braces, no known placeholder can survive rendering.
        if (Object.values(map).every((value) => !value?.includes('{') && !value?.includes('}')))
          for (const name of macroVariables) expect(text).not.toContain(`{{${name}}}`);
      }),
    );
  });

  it('is the identity on text without placeholders', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('{{')),
        (text) => renderTemplate(text, values).text === text,
      ),
    );
  });
});

describe('variablesIn and unknownVariables', () => {
  it('lists each variable once, and the unknown ones for the save-time check', () => {
    const template = 'Hi {{contact.name}} {{contact.name}} {{ case.refrence }} {{account.name}}';
    expect(variablesIn(template)).toEqual(['contact.name', 'case.refrence', 'account.name']);
    expect(unknownVariables(template)).toEqual(['case.refrence']);
  });

  it('finds no unknown variable in a template made of known ones', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...macroVariables)), (names) => {
        expect(unknownVariables(names.map((name) => `text {{${name}}}`).join(' '))).toEqual([]);
      }),
    );
  });
});

describe('pickBody', () => {
  const bodies = { en: 'Hello', pl: 'Dzień dobry' };
  it("takes the case's language, then English, then the first the macro has", () => {
    expect(pickBody(bodies, 'pl')).toEqual({ language: 'pl', template: 'Dzień dobry' });
    expect(pickBody(bodies, 'zh-CN')).toEqual({ language: 'en', template: 'Hello' });
    expect(pickBody({ pl: 'Dzień dobry' }, 'es-MX')).toEqual({ language: 'pl', template: 'Dzień dobry' });
  });
});

describe('statusLabels', () => {
  it('has a label for every status in every language', () => {
    for (const labels of Object.values(statusLabels))
      expect(Object.values(labels).every((label) => label.length > 0)).toBe(true);
  });
});
