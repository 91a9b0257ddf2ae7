import type { Services } from '../app.ts';
import type { NewMacro } from '../modules/macros/index.ts';
import type { RequestContext } from '../platform/auth/index.ts';

/**
 * The demo's macros, so the case page's picker has something to show: replies everyone uses, in the
 * demo's languages with the case's variables, and one team's internal hand-over note. Each also sets
 * fields, as macros do: acknowledging takes the case and opens it, asking for the reference waits on
 * the customer, the hand-over tags the case for L2.
 */
const everyoneMacros: NewMacro[] = [
  {
    name: 'Acknowledge and take the case',
    sharing: 'everyone',
    visibility: 'public',
    bodies: {
      en: 'Hello {{contact.name}},\n\nThank you for reporting this. I have taken {{case.reference}} and am looking into it now; you will hear from me with an update shortly.\n\n{{agent.name}}',
      'es-MX':
        'Hola {{contact.name}}:\n\nGracias por informarnos. Tomé el caso {{case.reference}} y lo estoy revisando; le enviaré una actualización en breve.\n\n{{agent.name}}',
      pl: 'Dzień dobry {{contact.name}},\n\ndziękujemy za zgłoszenie. Zajmuję się sprawą {{case.reference}} i wkrótce przekażę informacje o postępach.\n\n{{agent.name}}',
      'zh-CN':
        '{{contact.name}}，您好：\n\n感谢您的反馈。我已接手 {{case.reference}}，正在处理，稍后会向您更新进展。\n\n{{agent.name}}',
    },
    actions: { status: 'open', assigneeId: 'me' },
  },
  {
    name: 'Ask for the transaction reference',
    sharing: 'everyone',
    visibility: 'public',
    bodies: {
      en: 'Hello {{contact.name}},\n\nTo trace the payment in {{case.reference}} we need its end-to-end reference (or the UETR), the amount and the value date. Could you send them?\n\n{{agent.name}}',
      'es-MX':
        'Hola {{contact.name}}:\n\nPara rastrear el pago del caso {{case.reference}} necesitamos su referencia de extremo a extremo (o el UETR), el importe y la fecha valor. ¿Nos los puede enviar?\n\n{{agent.name}}',
      pl: 'Dzień dobry {{contact.name}},\n\naby odnaleźć płatność w sprawie {{case.reference}}, potrzebujemy jej referencji end-to-end (lub UETR), kwoty i daty waluty. Prosimy o ich przesłanie.\n\n{{agent.name}}',
    },
    actions: { status: 'pending_customer' },
  },
];

/** L1's hand-over to L2: an internal note that tags the case. */
const l1HandOver = (teamId: string): NewMacro => ({
  name: 'Hand over to L2',
  sharing: 'team',
  teamId,
  visibility: 'internal',
  bodies: {
    en: 'Handing {{case.reference}} ({{case.priority}}, {{account.name}}) to L2: first checks done, the customer has been told.',
  },
  actions: { addTags: ['l2-handover'] },
});

export async function seedDemoMacros(
  services: Services,
  teamIds: Map<string, string>,
  admin: RequestContext,
  l1Lead: RequestContext,
) {
  for (const macro of everyoneMacros) await services.macros.create(admin, macro);
  await services.macros.create(l1Lead, l1HandOver(teamIds.get('l1-mexico')!));
}
