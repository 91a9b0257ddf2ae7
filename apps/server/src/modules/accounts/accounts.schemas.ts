import { Type, type TProperties } from 'typebox';
import { languages } from '@paydesk/shared';
import { PageQuery, StrictObject, Uuid, DateTime, Nullable } from '../../platform/http/index.ts';

import {
  accountKinds,
  accountSegments,
  contactRoles,
  opportunityStatuses,
  opportunityAudiences,
} from '@paydesk/shared';

/** The same fields, each optional: what a PATCH body or the optional part of a POST body holds. */
const optional = <T extends TProperties>(fields: T) => Type.Partial(Type.Object(fields)).properties;
/** Required text: something besides white space, which the service trims away. */
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const Kind = Type.Enum(accountKinds);
const Segment = Type.Enum(accountSegments);
const Language = Type.Enum(languages);
const ContactRoleSchema = Type.Enum(contactRoles);
const Status = Type.Enum(opportunityStatuses);
const Audience = Type.Enum(opportunityAudiences);
const UserRef = Type.Object({ id: Uuid, displayName: Type.String() });
/** Checked against ISO 3166-1 by the service; either case is accepted and stored upper-case. */
const CountryCode = Type.String({ pattern: '^[A-Za-z]{2}$' });
const TimeZone = Type.String({ minLength: 1, maxLength: 64 });
const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' });
/** International format; spaces, dashes, dots and brackets are allowed and stripped. */
const Phone = Type.String({ minLength: 7, maxLength: 30, pattern: '^\\+[0-9 ().-]+$' });

const amountDescription =
  'Integer minor units (pence, centavos, fen) as a decimal string, both in requests and answers: a ' +
  'JSON number loses precision past 2^53, so numbers are refused.';

/** Money on the wire: exact minor units as a string and an ISO 4217 currency. */
export const MoneySchema = Type.Object({
  amountMinor: Type.String({ pattern: '^(0|[1-9][0-9]*)$', description: amountDescription }),
  currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' }),
});
const MoneyInput = StrictObject({
  // 19 digits is the width of a bigint; the service refuses values past its maximum.
  amountMinor: Type.String({ pattern: '^(0|[1-9][0-9]{0,18})$', description: amountDescription }),
  currency: Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO 4217 code' }),
});

export const AccountSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    legalName: Type.String(),
    countryCode: Type.String(),
    kind: Kind,
    /** Internal classification: absent for customer users. */
    segment: Type.Optional(Nullable(Segment)),
    owner: Nullable(UserRef),
    defaultLanguage: Type.String(),
    timeZone: Type.String(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Account' },
);

export const AccountListQuery = StrictObject({
  ...PageQuery.properties,
  search: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the name or legal name' })),
  countryCode: Type.Optional(CountryCode),
  kind: Type.Optional(Kind),
  segment: Type.Optional(Segment),
  ownerId: Type.Optional(Uuid),
  serviceId: Type.Optional(Uuid),
});

const accountRequired = {
  name: Text(200),
  legalName: Text(300),
  countryCode: CountryCode,
  kind: Kind,
};
const accountOptional = {
  segment: Nullable(Segment),
  ownerId: Nullable(Uuid),
  defaultLanguage: Language,
  timeZone: TimeZone,
};
export const CreateAccountBody = StrictObject({ ...accountRequired, ...optional(accountOptional) });
export const UpdateAccountBody = StrictObject(optional({ ...accountRequired, ...accountOptional }));

export const ContactSchema = Type.Object(
  {
    id: Uuid,
    accountId: Uuid,
    name: Type.String(),
    jobTitle: Type.String(),
    email: Type.String(),
    phone: Nullable(Type.String()),
    language: Language,
    roles: Type.Array(ContactRoleSchema),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Contact' },
);

const contactRequired = { name: Text(200), email: Email };
const contactOptional = {
  jobTitle: Type.String({ maxLength: 200 }),
  phone: Nullable(Phone),
  language: Language,
  roles: Type.Array(ContactRoleSchema, { uniqueItems: true, maxItems: contactRoles.length }),
};
export const CreateContactBody = StrictObject({ ...contactRequired, ...optional(contactOptional) });
export const UpdateContactBody = StrictObject(optional({ ...contactRequired, ...contactOptional }));
export const ContactListQuery = StrictObject({
  ...PageQuery.properties,
  role: Type.Optional(ContactRoleSchema),
});

export const ServiceSchema = Type.Object(
  {
    id: Uuid,
    code: Type.String(),
    name: Type.String(),
    description: Type.String(),
    isActive: Type.Boolean(),
  },
  { $id: 'Service' },
);
const serviceEditable = {
  name: Text(200),
  description: Type.String({ maxLength: 2000 }),
};
export const CreateServiceBody = StrictObject({
  code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,49}$' }),
  name: serviceEditable.name,
  ...optional({ description: serviceEditable.description }),
});
/** The code is a stable handle for integrations: it never changes once published. */
export const UpdateServiceBody = StrictObject(optional({ ...serviceEditable, isActive: Type.Boolean() }));
export const ServiceListQuery = StrictObject({
  includeRetired: Type.Optional(Type.Boolean({ default: false })),
});

export const SubscriptionSchema = Type.Object(
  {
    accountId: Uuid,
    service: Type.Object({ id: Uuid, code: Type.String(), name: Type.String(), isActive: Type.Boolean() }),
    startedOn: Type.String({ format: 'date' }),
    createdAt: DateTime,
  },
  { $id: 'Subscription' },
);
export const SubscribeBody = StrictObject({
  serviceId: Uuid,
  startedOn: Type.String({ format: 'date', description: 'The first day of the service (YYYY-MM-DD)' }),
});

export const NoteSchema = Type.Object(
  {
    id: Uuid,
    accountId: Uuid,
    author: UserRef,
    body: Type.String(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'AccountNote' },
);
export const NoteBody = StrictObject({ body: Text(20000) });

export const OpportunitySchema = Type.Object(
  {
    id: Uuid,
    accountId: Uuid,
    title: Type.String(),
    description: Type.String(),
    status: Status,
    raisedTo: Audience,
    value: Nullable(MoneySchema),
    nextStep: Type.String(),
    owner: Nullable(UserRef),
    raisedBy: UserRef,
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Opportunity' },
);
const opportunityRequired = {
  title: Text(200),
  raisedTo: Audience,
};
const opportunityOptional = {
  description: Type.String({ maxLength: 10000 }),
  status: Status,
  value: Nullable(MoneyInput),
  nextStep: Type.String({ maxLength: 1000 }),
  ownerId: Nullable(Uuid),
};
export const CreateOpportunityBody = StrictObject({
  ...opportunityRequired,
  ...optional(opportunityOptional),
});
export const UpdateOpportunityBody = StrictObject(
  optional({ ...opportunityRequired, ...opportunityOptional }),
);
export const OpportunityListQuery = StrictObject({
  ...PageQuery.properties,
  status: Type.Optional(Status),
});

export const ContactParams = StrictObject({ id: Uuid, contactId: Uuid });
export const SubscriptionParams = StrictObject({ id: Uuid, serviceId: Uuid });
export const NoteParams = StrictObject({ id: Uuid, noteId: Uuid });
export const OpportunityParams = StrictObject({ id: Uuid, opportunityId: Uuid });
