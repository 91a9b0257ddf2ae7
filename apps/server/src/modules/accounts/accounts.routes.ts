import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors.ts';
import {
  contextOf,
  errorResponses,
  IdParams,
  Page,
  PageQuery,
  type HttpServer,
} from '../../platform/http/index.ts';
import type { AccountsService } from './accounts.service.ts';
import {
  AccountListQuery,
  AccountSchema,
  ContactListQuery,
  ContactParams,
  ContactSchema,
  CreateAccountBody,
  CreateContactBody,
  CreateOpportunityBody,
  CreateServiceBody,
  NoteBody,
  NoteParams,
  NoteSchema,
  OpportunityListQuery,
  OpportunityParams,
  OpportunitySchema,
  ServiceListQuery,
  ServiceSchema,
  SubscribeBody,
  SubscriptionParams,
  SubscriptionSchema,
  UpdateAccountBody,
  UpdateContactBody,
  UpdateOpportunityBody,
  UpdateServiceBody,
} from './accounts.schemas.ts';

const Empty = { 204: Type.Null(), ...errorResponses };

/**
 * Accounts, their contacts and subscribed services, the service catalogue, and the internal
 * relationship notes and opportunities. Who may do what is the service's decision.
 */
export function accountsRoutes(service: AccountsService) {
  return async function register(app: HttpServer) {
    app.get(
      '/api/accounts',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Customer accounts in your scope: search by name, filter, page',
          querystring: AccountListQuery,
          response: { 200: Page(AccountSchema), ...errorResponses },
        },
      },
      async (request) => {
        const { limit, ...filter } = request.query;
        return serialisePage(await service.list(contextOf(request), { limit: limit ?? 50, ...filter }));
      },
    );

    app.get(
      '/api/accounts/:id',
      {
        schema: {
          tags: ['accounts'],
          summary: 'One customer account',
          params: IdParams,
          response: { 200: AccountSchema, ...errorResponses },
        },
      },
      async (request) => timestamps(await service.get(contextOf(request), request.params.id)),
    );

    app.post(
      '/api/accounts',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Create a customer account (admins, account managers)',
          body: CreateAccountBody,
          response: { 201: AccountSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(timestamps(await service.create(contextOf(request), request.body))),
    );

    app.patch(
      '/api/accounts/:id',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Change an account: names, country, kind, segment, owner, language, time zone',
          params: IdParams,
          body: UpdateAccountBody,
          response: { 200: AccountSchema, ...errorResponses },
        },
      },
      async (request) =>
        timestamps(await service.update(contextOf(request), request.params.id, request.body)),
    );

    app.get(
      '/api/accounts/:id/contacts',
      {
        schema: {
          tags: ['contacts'],
          summary: "An account's contacts (customers: their own account's)",
          params: IdParams,
          querystring: ContactListQuery,
          response: { 200: Page(ContactSchema), ...errorResponses },
        },
      },
      async (request) => {
        const { limit, ...rest } = request.query;
        return serialisePage(
          await service.listContacts(contextOf(request), request.params.id, { limit: limit ?? 50, ...rest }),
        );
      },
    );

    app.get(
      '/api/accounts/:id/contacts/:contactId',
      {
        schema: {
          tags: ['contacts'],
          summary: 'One contact',
          params: ContactParams,
          response: { 200: ContactSchema, ...errorResponses },
        },
      },
      async (request) =>
        timestamps(await service.getContact(contextOf(request), request.params.id, request.params.contactId)),
    );

    app.post(
      '/api/accounts/:id/contacts',
      {
        schema: {
          tags: ['contacts'],
          summary: 'Add a contact (admins, account managers); e-mail unique within the account',
          params: IdParams,
          body: CreateContactBody,
          response: { 201: ContactSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(timestamps(await service.createContact(contextOf(request), request.params.id, request.body))),
    );

    app.patch(
      '/api/accounts/:id/contacts/:contactId',
      {
        schema: {
          tags: ['contacts'],
          summary: 'Change a contact (admins, account managers)',
          params: ContactParams,
          body: UpdateContactBody,
          response: { 200: ContactSchema, ...errorResponses },
        },
      },
      async (request) =>
        timestamps(
          await service.updateContact(
            contextOf(request),
            request.params.id,
            request.params.contactId,
            request.body,
          ),
        ),
    );

    app.delete(
      '/api/accounts/:id/contacts/:contactId',
      {
        schema: {
          tags: ['contacts'],
          summary: 'Remove a contact (admins, account managers)',
          params: ContactParams,
          response: Empty,
        },
      },
      async (request, reply) => {
        await service.deleteContact(contextOf(request), request.params.id, request.params.contactId);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/services',
      {
        schema: {
          tags: ['services'],
          summary: 'The service catalogue',
          querystring: ServiceListQuery,
          response: { 200: Type.Object({ items: Type.Array(ServiceSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await service.listServices(contextOf(request), request.query) }),
    );

    app.post(
      '/api/services',
      {
        schema: {
          tags: ['services'],
          summary: 'Add a service to the catalogue (admins, account managers)',
          body: CreateServiceBody,
          response: { 201: ServiceSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.createService(contextOf(request), request.body)),
    );

    app.patch(
      '/api/services/:id',
      {
        schema: {
          tags: ['services'],
          summary: 'Rename, describe or retire a catalogue service (admins, account managers)',
          params: IdParams,
          body: UpdateServiceBody,
          response: { 200: ServiceSchema, ...errorResponses },
        },
      },
      async (request) => service.updateService(contextOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/accounts/:id/services',
      {
        schema: {
          tags: ['services'],
          summary: 'The services an account takes (customers: their own account)',
          params: IdParams,
          response: { 200: Type.Object({ items: Type.Array(SubscriptionSchema) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: (await service.listSubscriptions(contextOf(request), request.params.id)).map(toSubscription),
      }),
    );

    app.post(
      '/api/accounts/:id/services',
      {
        schema: {
          tags: ['services'],
          summary: 'Subscribe an account to a catalogue service from a start date (admins, account managers)',
          params: IdParams,
          body: SubscribeBody,
          response: { 201: SubscriptionSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(toSubscription(await service.subscribe(contextOf(request), request.params.id, request.body))),
    );

    app.delete(
      '/api/accounts/:id/services/:serviceId',
      {
        schema: {
          tags: ['services'],
          summary: 'End a subscription (admins, account managers)',
          params: SubscriptionParams,
          response: Empty,
        },
      },
      async (request, reply) => {
        await service.unsubscribe(contextOf(request), request.params.id, request.params.serviceId);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/accounts/:id/notes',
      {
        schema: {
          tags: ['notes'],
          summary: 'Relationship notes, newest first (staff only)',
          params: IdParams,
          querystring: PageQuery,
          response: { 200: Page(NoteSchema), ...errorResponses },
        },
      },
      async (request) =>
        serialisePage(
          await service.listNotes(contextOf(request), request.params.id, {
            limit: request.query.limit ?? 50,
            cursor: request.query.cursor,
          }),
        ),
    );

    app.post(
      '/api/accounts/:id/notes',
      {
        schema: {
          tags: ['notes'],
          summary: 'Write a relationship note (staff only)',
          params: IdParams,
          body: NoteBody,
          response: { 201: NoteSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(timestamps(await service.addNote(contextOf(request), request.params.id, request.body))),
    );

    app.patch(
      '/api/accounts/:id/notes/:noteId',
      {
        schema: {
          tags: ['notes'],
          summary: 'Correct a note (its author only)',
          params: NoteParams,
          body: NoteBody,
          response: { 200: NoteSchema, ...errorResponses },
        },
      },
      async (request) =>
        timestamps(
          await service.editNote(contextOf(request), request.params.id, request.params.noteId, request.body),
        ),
    );

    app.get(
      '/api/accounts/:id/opportunities',
      {
        schema: {
          tags: ['opportunities'],
          summary: 'Opportunities, newest first (staff only)',
          params: IdParams,
          querystring: OpportunityListQuery,
          response: { 200: Page(OpportunitySchema), ...errorResponses },
        },
      },
      async (request) => {
        const { limit, ...rest } = request.query;
        return serialisePage(
          await service.listOpportunities(contextOf(request), request.params.id, {
            limit: limit ?? 50,
            ...rest,
          }),
        );
      },
    );

    app.get(
      '/api/accounts/:id/opportunities/:opportunityId',
      {
        schema: {
          tags: ['opportunities'],
          summary: 'One opportunity (staff only)',
          params: OpportunityParams,
          response: { 200: OpportunitySchema, ...errorResponses },
        },
      },
      async (request) =>
        timestamps(
          await service.getOpportunity(contextOf(request), request.params.id, request.params.opportunityId),
        ),
    );

    app.post(
      '/api/accounts/:id/opportunities',
      {
        preValidation: refuseNumericAmount,
        schema: {
          tags: ['opportunities'],
          summary: 'Raise an opportunity to an account or product manager (staff)',
          params: IdParams,
          body: CreateOpportunityBody,
          response: { 201: OpportunitySchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            timestamps(await service.raiseOpportunity(contextOf(request), request.params.id, request.body)),
          ),
    );

    app.patch(
      '/api/accounts/:id/opportunities/:opportunityId',
      {
        preValidation: refuseNumericAmount,
        schema: {
          tags: ['opportunities'],
          summary: 'Work an opportunity: status, value, next step, owner (admins, account managers)',
          params: OpportunityParams,
          body: UpdateOpportunityBody,
          response: { 200: OpportunitySchema, ...errorResponses },
        },
      },
      async (request) =>
        timestamps(
          await service.updateOpportunity(
            contextOf(request),
            request.params.id,
            request.params.opportunityId,
            request.body,
          ),
        ),
    );
  };
}

/**
 * The validator coerces a JSON number to a string, but JSON.parse has already rounded any number
 * past 2^53 by then: a number is refused outright so that no rounded amount is ever stored.
 */
async function refuseNumericAmount(request: FastifyRequest) {
  const body: unknown = request.body;
  const value: unknown =
    typeof body === 'object' && body !== null && 'value' in body ? body.value : undefined;
  if (typeof value === 'object' && value !== null && 'amountMinor' in value) {
    if (typeof value.amountMinor === 'number') {
      throw new AppError('VALIDATION_FAILED', 'value.amountMinor must be a string of minor units', {
        errors: [{ path: 'body/value/amountMinor', message: 'must be a string of integer minor units' }],
      });
    }
  }
}

/** Instants leave the server as ISO 8601 strings. */
function timestamps<T extends { createdAt: Date; updatedAt: Date }>(row: T) {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

function serialisePage<T extends { createdAt: Date; updatedAt: Date }>(page: {
  items: T[];
  nextCursor: string | null;
}) {
  return { items: page.items.map(timestamps), nextCursor: page.nextCursor };
}

function toSubscription<T extends { createdAt: Date }>(subscription: T) {
  return { ...subscription, createdAt: subscription.createdAt.toISOString() };
}
