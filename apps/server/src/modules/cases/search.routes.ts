import { Type } from 'typebox';
import { contextOf, errorResponses, StrictObject, Uuid, type HttpServer } from '../../platform/http/index.ts';
import { CaseSchema } from './cases.schemas.ts';
import type { CaseSearch } from './search.ts';

export const CaseSearchQuery = StrictObject({
  q: Type.String({
    minLength: 1,
    maxLength: 200,
    description:
      'Words of subjects, replies and notes (in the case language; "quoted phrases", -excluded), or part of a case number (PD-1042), an external reference or a contact e-mail',
  }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  accountId: Type.Optional(Uuid),
});

const SnippetPart = Type.Object({ text: Type.String(), match: Type.Boolean() });

export const CaseSearchResult = Type.Object({
  ...CaseSchema.properties,
  match: Type.Object({
    on: Type.Array(
      Type.Union([
        Type.Literal('number'),
        Type.Literal('reference'),
        Type.Literal('email'),
        Type.Literal('text'),
      ]),
    ),
    rank: Type.Number({ description: 'Higher is better: identifiers first, then text rank' }),
    snippet: Type.Array(SnippetPart, {
      description: 'Where it matched (a message, else the subject), the matched words marked',
    }),
  }),
});

export function caseSearchRoutes(search: CaseSearch) {
  return async function register(app: HttpServer) {
    app.get(
      '/api/cases/search',
      {
        schema: {
          tags: ['cases'],
          summary: 'Search cases, best match first, each with a snippet (customers: their own account)',
          querystring: CaseSearchQuery,
          response: { 200: Type.Object({ items: Type.Array(CaseSearchResult) }), ...errorResponses },
        },
      },
      async (request) => search.search(contextOf(request), request.query),
    );
  };
}
