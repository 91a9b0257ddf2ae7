import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { IdParams, type HttpServer } from '../src/platform/http/index.ts';
import { defaultContractTerms } from '../src/modules/contract-terms/index.ts';
import type { CaseTables } from '../src/modules/cases/index.ts';
import type { RoutingTables } from '../src/modules/routing/index.ts';
import type { ContractTables } from '../src/modules/contracts/index.ts';
import { withModuleTables } from '../src/platform/db/index.ts';
import { buildContact, buildUser, createTestApp, signIn, type TestApp } from './app.ts';
import { buildTenant, checkIsolation, type IsolationCase, type Tenant } from './isolation.ts';

/** One case per endpoint: how A would try to reach B's data through it. */
const matrix: Record<string, IsolationCase> = {
  'POST /api/auth/logout': { selfOnly: "ends the caller's own session; takes no identifier" },
  'GET /api/me': () => ({ method: 'GET', url: '/api/me' }),
  'PATCH /api/me': () => ({ method: 'PATCH', url: '/api/me', payload: { language: 'pl' } }),
  'POST /api/me/password': { selfOnly: "changes the caller's own password; takes no identifier" },
  'GET /api/me/tokens': () => ({ method: 'GET', url: '/api/me/tokens' }),
  'POST /api/me/tokens': () => ({
    method: 'POST',
    url: '/api/me/tokens',
    payload: { name: 'probe', scopes: ['read'], expiresInDays: 1 },
  }),
  'DELETE /api/me/tokens/:id': (_a, b) => ({ method: 'DELETE', url: `/api/me/tokens/${b.tokenId}` }),
  'GET /api/users': () => ({ method: 'GET', url: '/api/users' }),
  'POST /api/users': (_a, b) => ({
    method: 'POST',
    url: '/api/users',
    payload: {
      email: 'intruder@b.test',
      displayName: 'Intruder',
      role: 'customer_admin',
      accountId: b.accountId,
      password: 'intruder-password-1',
    },
  }),
  'GET /api/users/:id': (_a, b) => ({ method: 'GET', url: `/api/users/${b.userId}` }),
  'PATCH /api/users/:id': (_a, b) => ({
    method: 'PATCH',
    url: `/api/users/${b.userId}`,
    payload: { isActive: false },
  }),
  'POST /api/users/:id/password-reset': (_a, b) => ({
    method: 'POST',
    url: `/api/users/${b.userId}/password-reset`,
  }),
  'GET /api/accounts/:id/users': (_a, b) => ({ method: 'GET', url: `/api/accounts/${b.accountId}/users` }),
  'GET /api/teams': () => ({ method: 'GET', url: '/api/teams' }),
  'POST /api/teams': () => ({ method: 'POST', url: '/api/teams', payload: { name: 'Probe team' } }),
  'POST /api/teams/:id/members': (_a, b) => ({
    method: 'POST',
    url: `/api/teams/00000000-0000-4000-8000-000000000000/members`,
    payload: { userId: b.userId },
  }),
  'GET /api/accounts': () => ({ method: 'GET', url: '/api/accounts' }),
  'GET /api/accounts/:id': (_a, b) => ({ method: 'GET', url: `/api/accounts/${b.accountId}` }),
  'POST /api/accounts': () => ({
    method: 'POST',
    url: '/api/accounts',
    payload: { name: 'Probe', legalName: 'Probe', countryCode: 'GB', kind: 'bank' },
  }),
  'PATCH /api/accounts/:id': (_a, b) => ({
    method: 'PATCH',
    url: `/api/accounts/${b.accountId}`,
    payload: { segment: 'emerging' },
  }),
  'GET /api/accounts/:id/contacts': (_a, b) => ({
    method: 'GET',
    url: `/api/accounts/${b.accountId}/contacts`,
  }),
  // Their own account in the path, B's contact id: the contact must not be found through A.
  'GET /api/accounts/:id/contacts/:contactId': (a) => ({
    method: 'GET',
    url: `/api/accounts/${a.accountId}/contacts/${bData.contactId}`,
  }),
  'POST /api/accounts/:id/contacts': (_a, b) => ({
    method: 'POST',
    url: `/api/accounts/${b.accountId}/contacts`,
    payload: { name: 'Intruder', email: 'intruder@a.test' },
  }),
  'PATCH /api/accounts/:id/contacts/:contactId': (_a, b) => ({
    method: 'PATCH',
    url: `/api/accounts/${b.accountId}/contacts/${bData.contactId}`,
    payload: { email: 'intruder@a.test' },
  }),
  'DELETE /api/accounts/:id/contacts/:contactId': (_a, b) => ({
    method: 'DELETE',
    url: `/api/accounts/${b.accountId}/contacts/${bData.contactId}`,
  }),
  'GET /api/services': () => ({ method: 'GET', url: '/api/services?includeRetired=true' }),
  'POST /api/services': () => ({
    method: 'POST',
    url: '/api/services',
    payload: { code: 'probe', name: 'Probe' },
  }),
  'PATCH /api/services/:id': () => ({
    method: 'PATCH',
    url: `/api/services/${bData.serviceId}`,
    payload: { isActive: false },
  }),
  'GET /api/accounts/:id/services': (_a, b) => ({
    method: 'GET',
    url: `/api/accounts/${b.accountId}/services`,
  }),
  'POST /api/accounts/:id/services': (_a, b) => ({
    method: 'POST',
    url: `/api/accounts/${b.accountId}/services`,
    payload: { serviceId: bData.otherServiceId, startedOn: '2026-01-01' },
  }),
  'DELETE /api/accounts/:id/services/:serviceId': (_a, b) => ({
    method: 'DELETE',
    url: `/api/accounts/${b.accountId}/services/${bData.serviceId}`,
  }),
  'GET /api/accounts/:id/notes': (_a, b) => ({ method: 'GET', url: `/api/accounts/${b.accountId}/notes` }),
  'POST /api/accounts/:id/notes': (_a, b) => ({
    method: 'POST',
    url: `/api/accounts/${b.accountId}/notes`,
    payload: { body: 'Probe' },
  }),
  'PATCH /api/accounts/:id/notes/:noteId': (_a, b) => ({
    method: 'PATCH',
    url: `/api/accounts/${b.accountId}/notes/${bData.noteId}`,
    payload: { body: 'Probe' },
  }),
  'GET /api/accounts/:id/opportunities': (_a, b) => ({
    method: 'GET',
    url: `/api/accounts/${b.accountId}/opportunities`,
  }),
  'GET /api/accounts/:id/opportunities/:opportunityId': (_a, b) => ({
    method: 'GET',
    url: `/api/accounts/${b.accountId}/opportunities/${bData.opportunityId}`,
  }),
  'POST /api/accounts/:id/opportunities': (_a, b) => ({
    method: 'POST',
    url: `/api/accounts/${b.accountId}/opportunities`,
    payload: { title: 'Probe', raisedTo: 'account_manager' },
  }),
  'PATCH /api/accounts/:id/opportunities/:opportunityId': (_a, b) => ({
    method: 'PATCH',
    url: `/api/accounts/${b.accountId}/opportunities/${bData.opportunityId}`,
    payload: { status: 'lost' },
  }),
  'GET /api/audit': () => ({ method: 'GET', url: '/api/audit' }),
  // Business calendars are global staff reference data: a customer may neither read nor change them.
  'GET /api/calendars': () => ({ method: 'GET', url: '/api/calendars' }),
  'GET /api/calendars/:id': () => ({ method: 'GET', url: `/api/calendars/${bData.calendarId}` }),
  'POST /api/calendars': () => ({
    method: 'POST',
    url: '/api/calendars',
    payload: { name: 'Probe', spec: { timeZone: 'UTC', always: true } },
  }),
  'PUT /api/calendars/:id': () => ({
    method: 'PUT',
    url: `/api/calendars/${bData.calendarId}`,
    payload: { name: 'Probe', spec: { timeZone: 'UTC', always: true } },
  }),
  'DELETE /api/calendars/:id': () => ({ method: 'DELETE', url: `/api/calendars/${bData.calendarId}` }),
  'POST /api/calendars/:id/holidays/import': () => ({
    method: 'POST',
    url: `/api/calendars/${bData.calendarId}/holidays/import`,
    payload: { ics: probeIcs, from: '2026-01-01', to: '2026-12-31' },
  }),
  'POST /api/calendars/preview': () => ({
    method: 'POST',
    url: '/api/calendars/preview',
    payload: { calendarId: bData.calendarId, target: '8h' },
  }),
  'POST /api/calendars/preview/elapsed': () => ({
    method: 'POST',
    url: '/api/calendars/preview/elapsed',
    payload: { calendarId: bData.calendarId, from: '2026-03-02T09:00:00Z' },
  }),
  // Notifications belong to the signed-in user: no route takes another user's or an account's id.
  'GET /api/notifications': { selfOnly: "lists the caller's own notifications only" },
  'POST /api/notifications/:id/read': { selfOnly: "finds the id among the caller's own notifications only" },
  'POST /api/notifications/read-all': { selfOnly: "marks the caller's own notifications only" },
  'GET /api/accounts/:id/governance/timeline': (_a, b) => ({
    method: 'GET',
    url: `/api/accounts/${b.accountId}/governance/timeline`,
  }),
  'GET /api/accounts/:id/service-reviews': (_a, b) => ({
    method: 'GET',
    url: `/api/accounts/${b.accountId}/service-reviews`,
  }),
  // Their own account in the path, B's review id: the review must not be found through A.
  'GET /api/accounts/:id/service-reviews/:reviewId': (a) => ({
    method: 'GET',
    url: `/api/accounts/${a.accountId}/service-reviews/${bData.reviewId}`,
  }),
  'POST /api/accounts/:id/service-reviews': (_a, b) => ({
    method: 'POST',
    url: `/api/accounts/${b.accountId}/service-reviews`,
    payload: { title: 'Probe', heldOn: '2026-04-01' },
  }),
  'PATCH /api/accounts/:id/service-reviews/:reviewId': (_a, b) => ({
    method: 'PATCH',
    url: `/api/accounts/${b.accountId}/service-reviews/${bData.reviewId}`,
    payload: { status: 'cancelled' },
  }),
  'GET /api/accounts/:id/decisions': (_a, b) => ({
    method: 'GET',
    url: `/api/accounts/${b.accountId}/decisions`,
  }),
  'GET /api/accounts/:id/decisions/:decisionId': (a) => ({
    method: 'GET',
    url: `/api/accounts/${a.accountId}/decisions/${bData.decisionId}`,
  }),
  'POST /api/accounts/:id/decisions': (_a, b) => ({
    method: 'POST',
    url: `/api/accounts/${b.accountId}/decisions`,
    payload: { text: 'Probe', decidedOn: '2026-04-01', decidedBy: 'Probe' },
  }),
  'PATCH /api/accounts/:id/decisions/:decisionId': (_a, b) => ({
    method: 'PATCH',
    url: `/api/accounts/${b.accountId}/decisions/${bData.decisionId}`,
    payload: { text: 'Probe' },
  }),
  'GET /api/accounts/:id/action-items': (_a, b) => ({
    method: 'GET',
    url: `/api/accounts/${b.accountId}/action-items`,
  }),
  'GET /api/accounts/:id/action-items/:actionItemId': (a) => ({
    method: 'GET',
    url: `/api/accounts/${a.accountId}/action-items/${bData.actionItemId}`,
  }),
  'POST /api/accounts/:id/action-items': (_a, b) => ({
    method: 'POST',
    url: `/api/accounts/${b.accountId}/action-items`,
    payload: { title: 'Probe', ownerId: b.adminId, dueOn: '2026-04-01' },
  }),
  'PATCH /api/accounts/:id/action-items/:actionItemId': (_a, b) => ({
    method: 'PATCH',
    url: `/api/accounts/${b.accountId}/action-items/${bData.actionItemId}`,
    payload: { status: 'done' },
  }),
  // Staff only: a customer owns no action items and gets 403.
  'GET /api/action-items': () => ({ method: 'GET', url: '/api/action-items?mine=true' }),
  // Vendors, OLAs and underpinning contracts are internal staff data: a customer gets 403 throughout.
  'GET /api/vendors': () => ({ method: 'GET', url: '/api/vendors?includeRetired=true' }),
  'GET /api/vendors/:id': () => ({ method: 'GET', url: `/api/vendors/${bData.vendorId}` }),
  'POST /api/vendors': () => ({
    method: 'POST',
    url: '/api/vendors',
    payload: { name: 'Probe', kind: 'other' },
  }),
  'PATCH /api/vendors/:id': () => ({
    method: 'PATCH',
    url: `/api/vendors/${bData.vendorId}`,
    payload: { isActive: false },
  }),
  'GET /api/agreements': () => ({ method: 'GET', url: `/api/agreements?vendorId=${bData.vendorId}` }),
  'GET /api/agreements/:id': () => ({ method: 'GET', url: `/api/agreements/${bData.agreementId}` }),
  'POST /api/agreements': () => ({ method: 'POST', url: '/api/agreements', payload: probeAgreement() }),
  'PUT /api/agreements/:id': () => ({
    method: 'PUT',
    url: `/api/agreements/${bData.agreementId}`,
    payload: probeAgreement(),
  }),
  'DELETE /api/agreements/:id': () => ({ method: 'DELETE', url: `/api/agreements/${bData.agreementId}` }),
  // Contracts: B's contract, versions, documents and change requests are simply not found from A.
  'GET /api/contracts': (_a, b) => ({ method: 'GET', url: `/api/contracts?accountId=${b.accountId}` }),
  'POST /api/accounts/:accountId/contracts': (_a, b) => ({
    method: 'POST',
    url: `/api/accounts/${b.accountId}/contracts`,
    payload: { reference: 'PROBE-1', terms: probeTerms() },
  }),
  'GET /api/contracts/:id': () => ({ method: 'GET', url: `/api/contracts/${bData.contractId}` }),
  'PUT /api/contracts/:id/draft': () => ({
    method: 'PUT',
    url: `/api/contracts/${bData.contractId}/draft`,
    payload: { reference: 'PROBE-2', ownerId: null, terms: probeTerms() },
  }),
  'PUT /api/contracts/:id/owner': () => ({
    method: 'PUT',
    url: `/api/contracts/${bData.contractId}/owner`,
    payload: { ownerId: null },
  }),
  'POST /api/contracts/:id/transitions': () => ({
    method: 'POST',
    url: `/api/contracts/${bData.contractId}/transitions`,
    payload: { action: 'terminate', reason: 'Probe' },
  }),
  'POST /api/contracts/:id/amendments': () => ({
    method: 'POST',
    url: `/api/contracts/${bData.contractId}/amendments`,
    payload: { effectiveFrom: '2026-06-01', summary: 'Probe', terms: probeTerms() },
  }),
  'POST /api/contracts/:id/renewals': () => ({
    method: 'POST',
    url: `/api/contracts/${bData.contractId}/renewals`,
    payload: { summary: 'Probe', terms: { ...probeTerms(), endDate: '2030-12-31' } },
  }),
  'DELETE /api/contracts/:id': () => ({ method: 'DELETE', url: `/api/contracts/${bData.contractId}` }),
  'GET /api/contracts/:id/versions': () => ({
    method: 'GET',
    url: `/api/contracts/${bData.contractId}/versions`,
  }),
  'GET /api/contracts/:id/versions/:version': () => ({
    method: 'GET',
    url: `/api/contracts/${bData.contractId}/versions/1`,
  }),
  'GET /api/contracts/:id/versions/:version/diff': () => ({
    method: 'GET',
    url: `/api/contracts/${bData.contractId}/versions/1/diff?against=1`,
  }),
  'GET /api/contracts/:id/change-requests': () => ({
    method: 'GET',
    url: `/api/contracts/${bData.contractId}/change-requests`,
  }),
  'POST /api/contracts/:id/change-requests': () => ({
    method: 'POST',
    url: `/api/contracts/${bData.contractId}/change-requests`,
    payload: { title: 'Probe' },
  }),
  'POST /api/contracts/:id/change-requests/:changeRequestId/decision': () => ({
    method: 'POST',
    url: `/api/contracts/${bData.contractId}/change-requests/${bData.changeRequestId}/decision`,
    payload: { decision: 'reject' },
  }),
  'POST /api/contracts/:id/change-requests/:changeRequestId/withdrawal': () => ({
    method: 'POST',
    url: `/api/contracts/${bData.contractId}/change-requests/${bData.changeRequestId}/withdrawal`,
  }),
  'GET /api/contracts/:id/documents': () => ({
    method: 'GET',
    url: `/api/contracts/${bData.contractId}/documents`,
  }),
  'POST /api/contracts/:id/documents': () => ({
    method: 'POST',
    url: `/api/contracts/${bData.contractId}/documents?fileName=probe.txt`,
    payload: { probe: true },
  }),
  'GET /api/contracts/:id/documents/:documentId/content': () => ({
    method: 'GET',
    url: `/api/contracts/${bData.contractId}/documents/${bData.documentId}/content`,
  }),
  'DELETE /api/contracts/:id/documents/:documentId': () => ({
    method: 'DELETE',
    url: `/api/contracts/${bData.contractId}/documents/${bData.documentId}`,
  }),
  // Cases: B's case is not found from A, by id or by number; A cannot open one on B's account.
  'GET /api/cases': (_a, b) => ({ method: 'GET', url: `/api/cases?accountId=${b.accountId}` }),
  // Counts are staff's (internal clocks): a customer is refused, even for their own account.
  'GET /api/cases/counts': (_a, b) => ({ method: 'GET', url: `/api/cases/counts?accountId=${b.accountId}` }),
  // Search by B's case number finds nothing for A (customers search their own account only).
  'GET /api/cases/search': () => ({ method: 'GET', url: `/api/cases/search?q=${bData.caseReference}` }),
  'POST /api/cases': (_a, b) => ({
    method: 'POST',
    url: '/api/cases',
    payload: { ...probeCase, accountId: b.accountId },
  }),
  'GET /api/cases/:id': () => ({ method: 'GET', url: `/api/cases/${bData.caseReference}` }),
  'PATCH /api/cases/:id': () => ({
    method: 'PATCH',
    url: `/api/cases/${bData.caseId}`,
    payload: { status: 'resolved' },
  }),
  'GET /api/cases/:id/messages': () => ({ method: 'GET', url: `/api/cases/${bData.caseId}/messages` }),
  'POST /api/cases/:id/messages': () => ({
    method: 'POST',
    url: `/api/cases/${bData.caseId}/messages`,
    payload: { visibility: 'public', body: 'Probe' },
  }),
  'GET /api/cases/:id/timeline': () => ({ method: 'GET', url: `/api/cases/${bData.caseId}/timeline` }),
  'GET /api/cases/:id/sla': () => ({ method: 'GET', url: `/api/cases/${bData.caseId}/sla` }),
  // SLA recomputation runs are staff-only (403), whatever account they cover.
  'GET /api/sla/recomputations': () => ({ method: 'GET', url: '/api/sla/recomputations' }),
  'GET /api/sla/recomputations/:id': () => ({
    method: 'GET',
    url: '/api/sla/recomputations/00000000-0000-4000-8000-000000000000',
  }),
  'POST /api/sla/recomputations': (_a, b) => ({
    method: 'POST',
    url: '/api/sla/recomputations',
    payload: { accountId: b.accountId },
  }),
  // Who may own a case is staff information: customers are refused (403), B's case included.
  'GET /api/cases/:id/assignees': () => ({ method: 'GET', url: `/api/cases/${bData.caseId}/assignees` }),
  'POST /api/cases/:id/watchers': (a) => ({
    method: 'POST',
    url: `/api/cases/${bData.caseId}/watchers`,
    payload: { userId: a.adminId, watching: true },
  }),
  // Work routing is staff work: routing profiles, team queues and escalations refuse customers (403).
  'GET /api/users/:id/routing-profile': (_a, b) => ({
    method: 'GET',
    url: `/api/users/${b.userId}/routing-profile`,
  }),
  'PUT /api/users/:id/routing-profile': (_a, b) => ({
    method: 'PUT',
    url: `/api/users/${b.userId}/routing-profile`,
    payload: { serviceCodes: [], caseTypes: [], languages: ['en'], loadCap: 1, available: true },
  }),
  'GET /api/teams/:id/routing': () => ({ method: 'GET', url: `/api/teams/${probeId}/routing` }),
  'PUT /api/teams/:id/routing': () => ({
    method: 'PUT',
    url: `/api/teams/${probeId}/routing`,
    payload: { autoAssign: true },
  }),
  'GET /api/cases/:id/escalations': () => ({ method: 'GET', url: `/api/cases/${bData.caseId}/escalations` }),
  'POST /api/cases/:id/escalations': () => ({
    method: 'POST',
    url: `/api/cases/${bData.caseReference}/escalations`,
    payload: { kind: 'hierarchical', reason: 'Probe' },
  }),
  'GET /api/cases/:id/attachments': () => ({ method: 'GET', url: `/api/cases/${bData.caseId}/attachments` }),
  'POST /api/cases/:id/attachments': () => ({
    method: 'POST',
    url: `/api/cases/${bData.caseReference}/attachments?fileName=probe.txt`,
    payload: { probe: true },
  }),
  'GET /api/cases/:id/attachments/:attachmentId/content': () => ({
    method: 'GET',
    url: `/api/cases/${bData.caseId}/attachments/${bData.attachmentId}/content`,
  }),
  'DELETE /api/cases/:id/attachments/:attachmentId': () => ({
    method: 'DELETE',
    url: `/api/cases/${bData.caseId}/attachments/${bData.attachmentId}`,
  }),
  // Links, merge and split: B's links are not found from A; changing them is staff work (403).
  'GET /api/cases/:id/links': () => ({ method: 'GET', url: `/api/cases/${bData.caseId}/links` }),
  'POST /api/cases/:id/links': () => ({
    method: 'POST',
    url: `/api/cases/${bData.caseId}/links`,
    payload: { kind: 'related', caseNumber: bData.caseReference },
  }),
  'DELETE /api/cases/:id/links/:linkId': () => ({
    method: 'DELETE',
    url: `/api/cases/${bData.caseId}/links/${bData.linkId}`,
  }),
  'POST /api/cases/:id/merge': () => ({
    method: 'POST',
    url: `/api/cases/${bData.caseId}/merge`,
    payload: { into: bData.caseReference },
  }),
  'POST /api/cases/:id/split': () => ({
    method: 'POST',
    url: `/api/cases/${bData.caseId}/split`,
    payload: { messageIds: [probeId], subject: 'Probe' },
  }),
  // Macros, saved views and bulk actions are staff tools: customers are refused (403), B's case included.
  'GET /api/macros': () => ({ method: 'GET', url: '/api/macros' }),
  'POST /api/macros': () => ({
    method: 'POST',
    url: '/api/macros',
    payload: { name: 'Probe', sharing: 'personal', bodies: { en: 'Probe' }, visibility: 'public' },
  }),
  'GET /api/macros/:id': () => ({ method: 'GET', url: `/api/macros/${probeId}` }),
  'PATCH /api/macros/:id': () => ({
    method: 'PATCH',
    url: `/api/macros/${probeId}`,
    payload: { name: 'Probe' },
  }),
  'DELETE /api/macros/:id': () => ({ method: 'DELETE', url: `/api/macros/${probeId}` }),
  'POST /api/cases/:id/macros/:macroId/preview': () => ({
    method: 'POST',
    url: `/api/cases/${bData.caseId}/macros/${probeId}/preview`,
  }),
  'POST /api/cases/:id/macros/:macroId/apply': () => ({
    method: 'POST',
    url: `/api/cases/${bData.caseId}/macros/${probeId}/apply`,
  }),
  'GET /api/views': () => ({ method: 'GET', url: '/api/views' }),
  'POST /api/views': (_a, b) => ({
    method: 'POST',
    url: '/api/views',
    payload: { name: 'Probe', filters: { accountId: b.accountId } },
  }),
  'PUT /api/views/order': () => ({ method: 'PUT', url: '/api/views/order', payload: { viewIds: [probeId] } }),
  'GET /api/views/:id': () => ({ method: 'GET', url: `/api/views/${probeId}` }),
  'PATCH /api/views/:id': () => ({
    method: 'PATCH',
    url: `/api/views/${probeId}`,
    payload: { name: 'Probe' },
  }),
  'DELETE /api/views/:id': () => ({ method: 'DELETE', url: `/api/views/${probeId}` }),
  'POST /api/cases/bulk': () => ({
    method: 'POST',
    url: '/api/cases/bulk',
    payload: { caseIds: [bData.caseId], changes: { status: 'resolved' } },
  }),
};

/** An id that names nothing: staff-only endpoints refuse a customer before looking anything up. */
const probeId = '00000000-0000-4000-8000-000000000000';

const probeCase = {
  subject: 'Probe',
  description: 'Probe',
  type: 'question',
  impact: 'low',
  urgency: 'low',
} as const;

function probeTerms() {
  return {
    ...defaultContractTerms({ title: 'Probe', startDate: '2026-01-01', currency: 'GBP' }),
    endDate: '2026-12-31',
  };
}

const unmeasured = { firstResponse: null, nextResponse: null, resolution: null, periodicUpdate: null };
function probeAgreement() {
  return {
    kind: 'underpinning',
    vendorId: bData.vendorId,
    name: 'Probe UC',
    policy: {
      name: 'Probe',
      calendarId: bData.calendarId,
      conditions: { services: [], caseTypes: [], channels: [] },
      targets: { P1: { ...unmeasured, resolution: 240 }, P2: unmeasured, P3: unmeasured, P4: unmeasured },
      pauseStatuses: [],
      warningThresholds: [],
      breachActions: [],
    },
    effectiveFrom: '2026-01-01',
  };
}

const probeIcs = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//probe//EN',
  'BEGIN:VEVENT',
  'UID:probe-1',
  'DTSTART;VALUE=DATE:20260601',
  'SUMMARY:Probe',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

/** B's records below the account, made by staff before the matrix runs. */
const bData = {
  contactId: '',
  serviceId: '',
  otherServiceId: '',
  noteId: '',
  opportunityId: '',
  calendarId: '',
  reviewId: '',
  decisionId: '',
  actionItemId: '',
  vendorId: '',
  agreementId: '',
  contractId: '',
  changeRequestId: '',
  documentId: '',
  caseId: '',
  caseReference: '',
  attachmentId: '',
  linkId: '',
};

async function buildAccountRecords(t: TestApp, b: Tenant) {
  const staff = await buildUser(t, { role: 'account_manager' });
  const session = await signIn(t, staff.email);
  const post = async (url: string, payload: object) => {
    const response = await t.app.inject({ method: 'POST', url, headers: session.headers, payload });
    if (response.statusCode !== 201) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response.json<{ id: string }>();
  };
  const services = await t.app.inject({ method: 'GET', url: '/api/services', headers: session.headers });
  const [first, second] = services.json<{ items: { id: string }[] }>().items;
  bData.serviceId = first!.id;
  bData.otherServiceId = second!.id;
  bData.contactId = (await buildContact(t, b.accountId, { roles: ['primary'] })).id;
  await post(`/api/accounts/${b.accountId}/services`, {
    serviceId: bData.serviceId,
    startedOn: '2025-01-01',
  });
  bData.noteId = (await post(`/api/accounts/${b.accountId}/notes`, { body: 'Renewal talks in May' })).id;
  bData.opportunityId = (
    await post(`/api/accounts/${b.accountId}/opportunities`, {
      title: 'Open banking',
      raisedTo: 'product_manager',
      value: { amountMinor: '5000000', currency: 'GBP' },
    })
  ).id;
  bData.calendarId = (
    await post('/api/calendars', {
      name: 'Betapay support hours',
      spec: { timeZone: 'Europe/London', week: { mon: [['09:00', '17:30']] } },
    })
  ).id;
  bData.reviewId = (
    await post(`/api/accounts/${b.accountId}/service-reviews`, { title: 'Q1 review', heldOn: '2026-03-20' })
  ).id;
  bData.decisionId = (
    await post(`/api/accounts/${b.accountId}/decisions`, {
      reviewId: bData.reviewId,
      text: 'Weekend maintenance',
      decidedOn: '2026-03-20',
      decidedBy: 'Both parties',
    })
  ).id;
  bData.actionItemId = (
    await post(`/api/accounts/${b.accountId}/action-items`, {
      title: 'Send the report',
      ownerId: staff.id,
      dueOn: '2026-03-27',
    })
  ).id;
  bData.vendorId = (await post('/api/vendors', { name: 'Betapay processor', kind: 'processor' })).id;
  bData.agreementId = (await post('/api/agreements', probeAgreement())).id;
  const { contracts, documents } = t.services.contracts;
  bData.contractId = (
    await contracts.create(null, b.accountId, { reference: 'BETA-MSA', terms: probeTerms() })
  ).id;
  await contracts.transition(null, bData.contractId, undefined, { action: 'activate' });
  bData.changeRequestId = (
    await post(`/api/contracts/${bData.contractId}/change-requests`, { title: 'Add LINK ATM' })
  ).id;
  const betaCase = await t.services.cases.create(null, { ...probeCase, accountId: b.accountId });
  bData.caseId = betaCase.id;
  bData.caseReference = betaCase.reference;
  const betaChild = await t.services.cases.create(null, { ...probeCase, accountId: b.accountId });
  bData.linkId = (
    await t.services.cases.links.add(null, betaChild.id, { kind: 'parent', caseId: betaCase.id })
  ).id;
  const attached = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${bData.caseId}/attachments?fileName=returns.pdf`,
    headers: { ...session.headers, 'content-type': 'application/pdf' },
    payload: Buffer.from('%PDF-1.7 probe'),
  });
  bData.attachmentId = attached.json<{ id: string }>().id;
  bData.documentId = (
    await documents.upload(null, bData.contractId, {
      fileName: 'msa.pdf',
      contentType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.7 probe'),
    })
  ).id;
}

describe('tenant isolation matrix', () => {
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    t = await createTestApp();
    a = await buildTenant(t, 'Alphabank');
    b = await buildTenant(t, 'Betapay');
    await buildAccountRecords(t, b);
  });
  afterAll(() => t.close());

  it("never shows a customer of A anything of B's, through any endpoint", async () => {
    const bBefore = await snapshot(t, b);
    const failures = await checkIsolation(t.app, matrix, a, b);
    expect(failures).toEqual([]);
    expect(await snapshot(t, b)).toEqual(bBefore);
  });

  it('still sees its own data (the matrix is not passing because everything is refused)', async () => {
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/accounts/${a.accountId}`,
      headers: a.session.headers,
    });
    expect(own.statusCode).toBe(200);
    const users = await t.app.inject({
      method: 'GET',
      url: `/api/accounts/${a.accountId}/users`,
      headers: a.token.headers,
    });
    expect(
      users
        .json()
        .items.map((u: { id: string }) => u.id)
        .sort(),
    ).toEqual([a.adminId, a.userId].sort());
  });
});

describe('the matrix itself', () => {
  it('catches a route that leaks another account and a route without a case', async () => {
    const leaky = async (app: HttpServer) => {
      // Deliberately wrong: reads an account without the customer scope.
      app.get(
        '/api/leaky/:id',
        { schema: { params: IdParams, response: { 200: Type.Object({ name: Type.String() }) } } },
        async (request) => {
          const row = await leakyApp.db
            .selectFrom('accounts')
            .select('name')
            .where('id', '=', request.params.id)
            .executeTakeFirstOrThrow();
          return row;
        },
      );
      app.get('/api/uncovered', async () => ({}));
    };
    const leakyApp: TestApp = await createTestApp({ extraRoutes: leaky });
    try {
      const a = await buildTenant(leakyApp, 'Gammabank');
      const b = await buildTenant(leakyApp, 'Deltapay');
      const failures = await checkIsolation(
        leakyApp.app,
        { ...matrix, 'GET /api/leaky/:id': (_a, b) => ({ method: 'GET', url: `/api/leaky/${b.accountId}` }) },
        a,
        b,
      );
      expect(failures).toContainEqual({
        route: 'GET /api/leaky/:id',
        via: 'session',
        problem: expect.stringContaining("contains B's"),
      });
      expect(failures).toContainEqual({
        route: 'GET /api/uncovered',
        via: 'matrix',
        problem: expect.stringContaining('no isolation case'),
      });
    } finally {
      await leakyApp.close();
    }
  });
});

const contractTables = (t: TestApp) => withModuleTables<ContractTables>(t.db);

async function snapshot(t: TestApp, tenant: Tenant) {
  const account = await t.db
    .selectFrom('accounts')
    .selectAll()
    .where('id', '=', tenant.accountId)
    .executeTakeFirst();
  const users = await t.db
    .selectFrom('users')
    .selectAll()
    .where('accountId', '=', tenant.accountId)
    .orderBy('id')
    .execute();
  const tokens = await t.db.selectFrom('apiTokens').selectAll().where('id', '=', tenant.tokenId).execute();
  const accountId = tenant.accountId;
  return {
    account,
    users,
    tokens,
    contacts: await t.db
      .selectFrom('accountContacts')
      .selectAll()
      .where('accountId', '=', accountId)
      .execute(),
    services: await t.db
      .selectFrom('accountServices')
      .selectAll()
      .where('accountId', '=', accountId)
      .execute(),
    notes: await t.db.selectFrom('accountNotes').selectAll().where('accountId', '=', accountId).execute(),
    opportunities: await t.db
      .selectFrom('accountOpportunities')
      .selectAll()
      .where('accountId', '=', accountId)
      .execute(),
    catalogue: await t.db.selectFrom('services').selectAll().orderBy('id').execute(),
    calendars: await t.db.selectFrom('businessCalendars').selectAll().orderBy('id').execute(),
    contracts: await contractTables(t)
      .selectFrom('contracts')
      .selectAll()
      .where('accountId', '=', accountId)
      .execute(),
    contractVersions: await contractTables(t)
      .selectFrom('contractVersions')
      .selectAll()
      .where('accountId', '=', accountId)
      .execute(),
    changeRequests: await contractTables(t)
      .selectFrom('contractChangeRequests')
      .selectAll()
      .where('accountId', '=', accountId)
      .execute(),
    cases: await withModuleTables<CaseTables>(t.db)
      .selectFrom('cases')
      .selectAll()
      .where('accountId', '=', accountId)
      .execute(),
    caseEscalations: await withModuleTables<RoutingTables>(t.db)
      .selectFrom('caseEscalations')
      .selectAll()
      .where('accountId', '=', accountId)
      .execute(),
    caseMessages: await withModuleTables<CaseTables>(t.db)
      .selectFrom('caseMessages')
      .selectAll()
      .where('accountId', '=', accountId)
      .execute(),
    caseLinks: await t.db
      .withTables<{ caseLinks: { accountId: string } }>()
      .selectFrom('caseLinks')
      .selectAll()
      .where('accountId', '=', accountId)
      .execute(),
    caseAttachments: await t.db
      .withTables<{ caseAttachments: { accountId: string } }>()
      .selectFrom('caseAttachments')
      .selectAll()
      .where('accountId', '=', accountId)
      .execute(),
    documents: await contractTables(t)
      .selectFrom('contractDocuments')
      .selectAll()
      .where('accountId', '=', accountId)
      .execute(),
  };
}
