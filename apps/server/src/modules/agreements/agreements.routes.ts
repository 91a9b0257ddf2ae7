import { Type } from 'typebox';
import {
  contextOf,
  errorResponses,
  etag,
  IdParams,
  Page,
  readIfMatch,
  sendVersionConflict,
  type HttpServer,
} from '../../platform/http/index.ts';
import {
  AgreementConflictSchema,
  AgreementListQuery,
  AgreementSchema,
  CreateAgreementBody,
  CreateVendorBody,
  IfMatchHeaders,
  ReplaceAgreementBody,
  UpdateVendorBody,
  VendorListQuery,
  VendorSchema,
} from './agreements.schemas.ts';
import {
  AgreementVersionConflict,
  type AgreementRow,
  type AgreementsService,
  type VendorRow,
} from './agreements.service.ts';
import type { SlaPolicy } from '../contract-terms/index.ts';

/**
 * Vendors, OLAs and underpinning contracts: staff reference data (customers get 403). Agreement
 * replacements are optimistic: GET gives the version as an ETag, PUT must send it back in If-Match
 * (none: 428 PRECONDITION_REQUIRED; stale: 409 AGREEMENT_VERSION_CONFLICT with the current agreement).
 */
export function agreementsRoutes(service: AgreementsService) {
  return async function register(app: HttpServer) {
    app.get(
      '/api/vendors',
      {
        schema: {
          tags: ['agreements'],
          summary: 'Vendors, by name (active ones unless includeRetired)',
          querystring: VendorListQuery,
          response: { 200: Page(VendorSchema), ...errorResponses },
        },
      },
      async (request) => {
        const page = await service.listVendors(contextOf(request), {
          limit: request.query.limit ?? 50,
          cursor: request.query.cursor,
          includeRetired: request.query.includeRetired,
        });
        return { items: page.items.map(presentVendor), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/api/vendors/:id',
      {
        schema: {
          tags: ['agreements'],
          summary: 'One vendor',
          params: IdParams,
          response: { 200: VendorSchema, ...errorResponses },
        },
      },
      async (request) => presentVendor(await service.getVendor(contextOf(request), request.params.id)),
    );

    app.post(
      '/api/vendors',
      {
        schema: {
          tags: ['agreements'],
          summary: 'Add a vendor (admins, account managers, service-level analysts)',
          body: CreateVendorBody,
          response: { 201: VendorSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const vendor = await service.createVendor(contextOf(request), request.body);
        return reply.code(201).send(presentVendor(vendor));
      },
    );

    app.patch(
      '/api/vendors/:id',
      {
        schema: {
          tags: ['agreements'],
          summary: 'Change a vendor or retire it (isActive: false)',
          params: IdParams,
          body: UpdateVendorBody,
          response: { 200: VendorSchema, ...errorResponses },
        },
      },
      async (request) =>
        presentVendor(await service.updateVendor(contextOf(request), request.params.id, request.body)),
    );

    app.get(
      '/api/agreements',
      {
        schema: {
          tags: ['agreements'],
          summary: 'OLAs and underpinning contracts, by name; filter by kind, team or vendor',
          querystring: AgreementListQuery,
          response: { 200: Page(AgreementSchema), ...errorResponses },
        },
      },
      async (request) => {
        const page = await service.list(contextOf(request), {
          ...request.query,
          limit: request.query.limit ?? 50,
        });
        return { items: page.items.map(presentAgreement), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/api/agreements/:id',
      {
        schema: {
          tags: ['agreements'],
          summary: 'One agreement; its version is the ETag',
          params: IdParams,
          response: { 200: AgreementSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const agreement = await service.get(contextOf(request), request.params.id);
        return reply.header('etag', etagOf(agreement)).send(presentAgreement(agreement));
      },
    );

    app.post(
      '/api/agreements',
      {
        schema: {
          tags: ['agreements'],
          summary:
            'Create an OLA (kind ola, teamId) or an underpinning contract (kind underpinning, vendorId)',
          body: CreateAgreementBody,
          response: { 201: AgreementSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const agreement = await service.create(contextOf(request), request.body);
        return reply.code(201).header('etag', etagOf(agreement)).send(presentAgreement(agreement));
      },
    );

    app.put(
      '/api/agreements/:id',
      {
        schema: {
          tags: ['agreements'],
          summary: 'Replace an agreement; If-Match: "<version>" is required',
          params: IdParams,
          headers: IfMatchHeaders,
          body: ReplaceAgreementBody,
          response: {
            200: AgreementSchema,
            ...errorResponses,
            409: AgreementConflictSchema,
            428: Type.Ref('Problem'),
          },
        },
      },
      async (request, reply) => {
        const expectedVersion = readIfMatch(request.headers['if-match'], 'agreement version');
        try {
          const agreement = await service.replace(
            contextOf(request),
            request.params.id,
            expectedVersion,
            request.body,
          );
          return await reply.header('etag', etagOf(agreement)).send(presentAgreement(agreement));
        } catch (error) {
          if (!(error instanceof AgreementVersionConflict)) throw error;
          return sendVersionConflict(reply, error, {
            version: error.current.version,
            body: presentAgreement(error.current),
          });
        }
      },
    );

    app.delete(
      '/api/agreements/:id',
      {
        schema: {
          tags: ['agreements'],
          summary:
            'Withdraw an agreement: deleted if it has not come into force yet, otherwise ended after today',
          params: IdParams,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await service.remove(contextOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}

function presentVendor(vendor: VendorRow) {
  return { ...vendor, createdAt: vendor.createdAt.toISOString(), updatedAt: vendor.updatedAt.toISOString() };
}

function presentAgreement(agreement: AgreementRow) {
  const { teamId, teamName, vendorId, vendorName, calendarId: _calendarId, ...rest } = agreement;
  return {
    ...rest,
    policy: agreement.policy as SlaPolicy,
    team: teamId === null ? null : { id: teamId, name: teamName ?? '' },
    vendor: vendorId === null ? null : { id: vendorId, name: vendorName ?? '' },
    createdAt: agreement.createdAt.toISOString(),
    updatedAt: agreement.updatedAt.toISOString(),
  };
}

function etagOf(agreement: AgreementRow): string {
  return etag(agreement.version);
}
