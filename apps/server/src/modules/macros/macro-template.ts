import {
  macroPlaceholder,
  macroVariables,
  type CaseStatus,
  type Language,
  type MacroVariable,
} from '@paydesk/shared';

/**
 * Macro bodies: text with `{{variable}}` placeholders filled from the case the macro is applied to.
 * Pure: the macros service renders them when a macro is previewed or applied. The variables and the
 * check for unknown ones (`unknownVariables`, which refuses a typo at save time: it must not send a
 * customer a reply with a silent gap) are in @paydesk/shared, which the web form checks with too;
 * rendering itself never throws.
 */
export type TemplateValues = Partial<Record<MacroVariable, string | null>>;

const known = new Set<string>(macroVariables);

/**
 * Fills the placeholders in one pass, so a value that itself looks like `{{…}}` (a subject a customer
 * typed) is inserted as written, never expanded. A known variable without a value (a case without a
 * contact) renders empty and is reported in `missing`, for the preview to show; an unknown one, which
 * only a macro saved before a variable was retired can hold, stays as written.
 */
export function renderTemplate(
  template: string,
  values: TemplateValues,
): { text: string; missing: MacroVariable[] } {
  const missing = new Set<MacroVariable>();
  const text = template.replace(macroPlaceholder, (whole, name: string) => {
    if (!known.has(name)) return whole;
    const value = values[name as MacroVariable];
    if (value === null || value === undefined || value === '') missing.add(name as MacroVariable);
    return value ?? '';
  });
  return { text, missing: [...missing] };
}

/** `{{case.status}}` in the reply's language: customers read words, not the API's identifiers. */
export const statusLabels: Record<Language, Record<CaseStatus, string>> = {
  en: {
    new: 'new',
    open: 'open',
    pending_customer: 'waiting for your reply',
    pending_internal: 'in progress with our team',
    pending_vendor: 'in progress with our partner',
    on_hold: 'on hold',
    resolved: 'resolved',
    closed: 'closed',
  },
  'es-MX': {
    new: 'nuevo',
    open: 'abierto',
    pending_customer: 'en espera de su respuesta',
    pending_internal: 'en curso con nuestro equipo',
    pending_vendor: 'en curso con nuestro socio',
    on_hold: 'en pausa',
    resolved: 'resuelto',
    closed: 'cerrado',
  },
  pl: {
    new: 'nowa',
    open: 'otwarta',
    pending_customer: 'czeka na Twoją odpowiedź',
    pending_internal: 'w toku w naszym zespole',
    pending_vendor: 'w toku u naszego partnera',
    on_hold: 'wstrzymana',
    resolved: 'rozwiązana',
    closed: 'zamknięta',
  },
  'zh-CN': {
    new: '新建',
    open: '处理中',
    pending_customer: '等待您的回复',
    pending_internal: '我们的团队正在处理',
    pending_vendor: '我们的合作伙伴正在处理',
    on_hold: '已搁置',
    resolved: '已解决',
    closed: '已关闭',
  },
};

/** The body in the case's language; else English; else the first the macro has, in a fixed order. */
export function pickBody(
  bodies: Partial<Record<Language, string>>,
  language: Language,
): { language: Language; template: string } {
  const order: Language[] = [language, 'en', 'es-MX', 'pl', 'zh-CN'];
  const chosen = order.find((candidate) => bodies[candidate] !== undefined) ?? 'en';
  return { language: chosen, template: bodies[chosen] ?? '' };
}
