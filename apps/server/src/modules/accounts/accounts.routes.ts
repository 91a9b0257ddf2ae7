import { Type } from 'typebox';
import {
  contextOf,
  errorResponses,
  IdParams,
  Page,
  StrictObject,
  Uuid,
  type HttpServer,
} from '../../platform/http/index.ts';
import type { AccountsService } from './accounts.service.ts';
import type { AccountRow } from './accounts.repository.ts';

const Kind = Type.Union([
  Type.Literal('bank'),
  Type.Literal('psp'),
  Type.Literal('biller'),
  Type.Literal('acquirer'),
]);

export const AccountSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    legalName: Type.String(),
    countryCode: Type.String(),
    kind: Kind,
    defaultLanguage: Type.String(),
    timeZone: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Account' },
);

const ListQuery = StrictObject({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  search: Type.Optional(Type.String({ maxLength: 200 })),
});

const CreateAccountBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  legalName: Type.String({ minLength: 1, maxLength: 300 }),
  countryCode: Type.String({ pattern: '^[A-Za-z]{2}$' }),
  kind: Kind,
  defaultLanguage: Type.Optional(
    Type.Union([Type.Literal('en'), Type.Literal('es-MX'), Type.Literal('pl'), Type.Literal('zh-CN')]),
  ),
  timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});

export function accountsRoutes(service: AccountsService) {
  return async function register(app: HttpServer) {
    app.get(
      '/api/accounts',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Customer accounts in your scope',
          querystring: ListQuery,
          response: { 200: Page(AccountSchema), ...errorResponses },
        },
      },
      async (request) => {
        const page = await service.list(contextOf(request), {
          limit: request.query.limit ?? 50,
          cursor: request.query.cursor,
          search: request.query.search,
        });
        return { items: page.items.map(toAccount), nextCursor: page.nextCursor };
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
      async (request) => toAccount(await service.get(contextOf(request), request.params.id)),
    );
    app.post(
      '/api/accounts',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Create a customer account',
          body: CreateAccountBody,
          response: { 201: AccountSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(toAccount(await service.create(contextOf(request), request.body))),
    );
  };
}

function toAccount(account: AccountRow) {
  return { ...account, createdAt: account.createdAt.toISOString() };
}
