import type { Static } from 'typebox';
import { describeChanges, recordAudit, type AuditEntry } from '../../platform/audit/index.ts';
import { assertCan, auditContextOf, type RequestContext } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { refuseDuplicates, violatedForeignKey, type Db, type Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/index.ts';
import { validateSlaPolicy, type SlaPolicy } from '../contract-terms/index.ts';
import * as repo from './agreements.repository.ts';
import type {
  AgreementListQuery,
  CreateAgreementBody,
  CreateVendorBody,
  UpdateVendorBody,
} from './agreements.schemas.ts';

export type NewVendor = Static<typeof CreateVendorBody>;
export type VendorChanges = Static<typeof UpdateVendorBody>;
export type NewAgreement = Static<typeof CreateAgreementBody>;
export type AgreementRow = repo.AgreementRow;
export type VendorRow = repo.VendorRow;

type AuditFields = Omit<AuditEntry, 'actor' | 'requestId' | 'sourceIp'>;

const vendorAuditFields = ['name', 'kind', 'contactEmail', 'contactPhone', 'notes', 'isActive'] as const;
const agreementAuditFields = [
  'kind',
  'teamId',
  'vendorId',
  'name',
  'reference',
  'policy',
  'effectiveFrom',
  'effectiveTo',
] as const;

/**
 * An update named a version that is no longer the current one. It carries the agreement as it now
 * is, so the client can show what changed instead of overwriting someone else's edit.
 */
export class AgreementVersionConflict extends AppError {
  constructor(readonly current: AgreementRow) {
    super(
      'AGREEMENT_VERSION_CONFLICT',
      `The agreement is at version ${current.version}; reload it and apply your change again`,
    );
  }
}

/**
 * Vendors, and the operational agreements behind the customer SLAs: OLAs (a team's promise) and
 * underpinning contracts (a vendor's). Internal staff data: every staff member may read it (an agent
 * needs to know what a vendor owes), admins, account managers and service-level analysts change it,
 * customers see none of it (403). An agreement's policy has the same form as a contract's SLA policy.
 */
export function createAgreementsService(deps: {
  db: Db;
  clock: Clock;
  /** Runs in the transaction of every change to an agreement (SLA recomputation of the cases it governs). */
  onChanged?: (
    tx: Tx,
    change: { agreementId: string; teamId: string | null; vendorId: string | null; userId: string | null },
  ) => Promise<unknown>;
}) {
  const { db, clock } = deps;
  const changed = (
    tx: Tx,
    ctx: RequestContext | null,
    agreement: { id: string; teamId: string | null; vendorId: string | null },
  ) =>
    deps.onChanged?.(tx, {
      agreementId: agreement.id,
      teamId: agreement.teamId,
      vendorId: agreement.vendorId,
      userId: ctx?.actor.userId ?? null,
    });

  function audit(tx: Tx, ctx: RequestContext | null, entry: AuditFields) {
    return recordAudit(tx, { ...auditContextOf(ctx), ...entry }, clock);
  }

  async function loadAgreement(executor: Db | Tx, id: string) {
    const agreement = await repo.findAgreement(executor, id);
    if (!agreement) throw agreementNotFound();
    return agreement;
  }

  /** UTC's date: the day an agreement ends on when it is withdrawn. */
  function today(): string {
    return clock.now().toISOString().slice(0, 10);
  }

  return {
    // Vendors

    async listVendors(
      ctx: RequestContext,
      query: { limit: number; cursor?: string | undefined; includeRetired?: boolean | undefined },
    ) {
      assertCan(ctx.actor, 'agreements:read');
      const after = decodeCursor(query.cursor, 2);
      const rows = await repo.listVendors(
        db,
        { includeRetired: query.includeRetired ?? false },
        { limit: query.limit, ...(after ? { after: [String(after[0]), String(after[1])] } : {}) },
      );
      return toPage(rows, query.limit, (row) => [row.sortKey, row.id]);
    },

    async getVendor(ctx: RequestContext | null, id: string) {
      if (ctx) assertCan(ctx.actor, 'agreements:read');
      const vendor = await repo.findVendor(db, id);
      if (!vendor) throw vendorNotFound();
      return vendor;
    },

    async createVendor(ctx: RequestContext | null, input: NewVendor) {
      if (ctx) assertCan(ctx.actor, 'agreements:manage');
      const values: repo.VendorValues = {
        name: input.name.trim(),
        kind: input.kind,
        contactEmail: normaliseEmail(input.contactEmail) ?? null,
        contactPhone: toE164(input.contactPhone) ?? null,
        notes: input.notes?.trim() ?? '',
        isActive: true,
      };
      return refuseDuplicates('VENDOR_ALREADY_EXISTS', { vendors_name_key: 'body/name' }, () =>
        db.transaction().execute(async (tx) => {
          const vendor = await repo.insertVendor(tx, { ...values, createdAt: clock.now() });
          await audit(tx, ctx, {
            action: 'vendor.created',
            entityType: 'vendor',
            entityId: vendor.id,
            changes: describeChanges(null, vendor, vendorAuditFields),
          });
          return vendor;
        }),
      );
    },

    async updateVendor(ctx: RequestContext | null, id: string, input: VendorChanges) {
      if (ctx) assertCan(ctx.actor, 'agreements:manage');
      const changes = definedOnly<Partial<repo.VendorValues>>({
        ...input,
        name: input.name?.trim(),
        notes: input.notes?.trim(),
        contactEmail: normaliseEmail(input.contactEmail),
        contactPhone: toE164(input.contactPhone),
      });
      return refuseDuplicates('VENDOR_ALREADY_EXISTS', { vendors_name_key: 'body/name' }, () =>
        db.transaction().execute(async (tx) => {
          const before = await repo.lockVendor(tx, id);
          if (!before) throw vendorNotFound();
          const described = describeChanges<repo.VendorRow>(before, changes, vendorAuditFields);
          if (Object.keys(described).length === 0) return before;
          const after = await repo.updateVendor(tx, id, { ...changes, updatedAt: clock.now() });
          await audit(tx, ctx, {
            action: 'vendor.updated',
            entityType: 'vendor',
            entityId: id,
            changes: described,
          });
          return after;
        }),
      );
    },

    // Operational agreements

    async list(ctx: RequestContext, query: Static<typeof AgreementListQuery> & { limit: number }) {
      assertCan(ctx.actor, 'agreements:read');
      const { limit, cursor, ...filter } = query;
      const after = decodeCursor(cursor, 2);
      const rows = await repo.listAgreements(db, definedOnly<repo.AgreementFilter>(filter), {
        limit,
        ...(after ? { after: [String(after[0]), String(after[1])] } : {}),
      });
      return toPage(rows, limit, (row) => [row.sortKey, row.id]);
    },

    async get(ctx: RequestContext | null, id: string) {
      if (ctx) assertCan(ctx.actor, 'agreements:read');
      return loadAgreement(db, id);
    },

    async create(ctx: RequestContext | null, input: NewAgreement) {
      if (ctx) assertCan(ctx.actor, 'agreements:manage');
      const values = readAgreement(input);
      return knownReferences(() =>
        db.transaction().execute(async (tx) => {
          const id = await repo.insertAgreement(tx, {
            ...values,
            createdBy: ctx?.actor.userId ?? null,
            createdAt: clock.now(),
          });
          await audit(tx, ctx, {
            action: 'agreement.created',
            entityType: 'operational_agreement',
            entityId: id,
            changes: describeChanges(null, values, agreementAuditFields),
          });
          await changed(tx, ctx, { id, ...values });
          return loadAgreement(tx, id);
        }),
      );
    },

    /** Replaces the agreement as a whole, if `expectedVersion` is still the current version. */
    async replace(
      ctx: RequestContext | null,
      id: string,
      expectedVersion: number | undefined,
      input: NewAgreement,
    ) {
      if (ctx) assertCan(ctx.actor, 'agreements:manage');
      // Without the version edited, a replacement could silently undo someone else's change.
      if (expectedVersion === undefined)
        throw new AppError(
          'PRECONDITION_REQUIRED',
          'Send If-Match: "<version>" with the version you edited',
          {
            errors: [{ path: 'headers/if-match', message: 'required' }],
          },
        );
      const values = readAgreement(input);
      return knownReferences(() =>
        db.transaction().execute(async (tx) => {
          // The row lock makes check-then-write atomic: of two writers of one version, one wins.
          const before = await repo.lockAgreement(tx, id);
          if (!before) throw agreementNotFound();
          if (before.version !== expectedVersion) throw new AgreementVersionConflict(before);
          await repo.updateAgreement(tx, id, { ...values, updatedAt: clock.now() });
          const after = await loadAgreement(tx, id);
          await audit(tx, ctx, {
            action: 'agreement.updated',
            entityType: 'operational_agreement',
            entityId: id,
            changes: { ...describeChanges(before, values, agreementAuditFields), version: after.version },
          });
          await changed(tx, ctx, before);
          // Moved to another team or vendor: the cases it governs now are recomputed too.
          if (before.teamId !== after.teamId || before.vendorId !== after.vendorId)
            await changed(tx, ctx, after);
          return after;
        }),
      );
    },

    /**
     * Withdraws an agreement. One that has never been in force is deleted; one that has is ended
     * today instead (in force today, not from tomorrow), so the clocks it ran stay explainable.
     */
    async remove(ctx: RequestContext | null, id: string) {
      if (ctx) assertCan(ctx.actor, 'agreements:manage');
      await db.transaction().execute(async (tx) => {
        const before = await repo.lockAgreement(tx, id);
        if (!before) throw agreementNotFound();
        const now = today();
        if (now < before.effectiveFrom) {
          await repo.deleteAgreement(tx, id);
          await audit(tx, ctx, {
            action: 'agreement.deleted',
            entityType: 'operational_agreement',
            entityId: id,
            // What was deleted, in full: the audit log is then the only copy.
            changes: Object.fromEntries(
              agreementAuditFields.map((field) => [field, { from: before[field], to: null }]),
            ),
          });
          return;
        }
        const endsOn = nextDay(now);
        if (before.effectiveTo !== null && before.effectiveTo <= endsOn) return;
        await repo.updateAgreement(tx, id, { effectiveTo: endsOn, updatedAt: clock.now() });
        await audit(tx, ctx, {
          action: 'agreement.ended',
          entityType: 'operational_agreement',
          entityId: id,
          changes: { effectiveTo: { from: before.effectiveTo, to: endsOn }, version: before.version + 1 },
        });
      });
    },
  };
}

export type AgreementsService = ReturnType<typeof createAgreementsService>;

/** Checks what the schema cannot and gives the values to store; nothing is written on a problem. */
function readAgreement(input: NewAgreement): repo.AgreementValues {
  const problems: Array<{ path: string; message: string }> = [];
  if (input.kind === 'ola') {
    if (input.teamId === undefined) problems.push({ path: 'body/teamId', message: 'is required for an OLA' });
    if (input.vendorId !== undefined)
      problems.push({ path: 'body/vendorId', message: 'is for underpinning contracts; an OLA names a team' });
  } else {
    if (input.vendorId === undefined)
      problems.push({ path: 'body/vendorId', message: 'is required for an underpinning contract' });
    if (input.teamId !== undefined)
      problems.push({ path: 'body/teamId', message: 'is for OLAs; an underpinning contract names a vendor' });
  }
  const effectiveTo = input.effectiveTo ?? null;
  if (!isCivilDate(input.effectiveFrom))
    problems.push({ path: 'body/effectiveFrom', message: 'is not a date in the calendar' });
  if (effectiveTo !== null && !isCivilDate(effectiveTo))
    problems.push({ path: 'body/effectiveTo', message: 'is not a date in the calendar' });
  else if (effectiveTo !== null && effectiveTo <= input.effectiveFrom)
    problems.push({ path: 'body/effectiveTo', message: 'must be after effectiveFrom' });
  const policy: SlaPolicy = { ...input.policy, name: input.policy.name.trim() };
  problems.push(...validateSlaPolicy(policy, 'body/policy'));
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new AppError('VALIDATION_FAILED', `${first.path.replace(/^body\//, '')} ${first.message}`, {
      errors: problems,
    });
  }
  return {
    kind: input.kind,
    teamId: input.teamId ?? null,
    vendorId: input.vendorId ?? null,
    name: input.name.trim(),
    reference: input.reference?.trim() ?? '',
    policy,
    calendarId: policy.calendarId,
    effectiveFrom: input.effectiveFrom,
    effectiveTo,
  };
}

/** `2026-02-30` has the shape of a date but is none; the database would refuse it with a 500. */
function isCivilDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function normaliseEmail(email: string | null | undefined): string | null | undefined {
  return email === null || email === undefined ? email : email.trim().toLowerCase();
}

/** People type numbers with spaces and brackets; stored and compared as E.164. */
function toE164(phone: string | null | undefined): string | null | undefined {
  if (phone === null || phone === undefined) return phone;
  const compact = phone.replace(/[\s().-]/g, '');
  if (!/^\+[1-9][0-9]{6,14}$/.test(compact)) {
    throw new AppError('VALIDATION_FAILED', 'contactPhone is not an international number (E.164)', {
      errors: [
        {
          path: 'body/contactPhone',
          message: 'is not an international number (E.164, such as +44 20 7946 0000)',
        },
      ],
    });
  }
  return compact;
}

/** Drops the fields a PATCH did not mention, so they are neither written nor audited. */
function definedOnly<T extends object>(changes: { [K in keyof T]?: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as T;
}

function vendorNotFound() {
  return new AppError('VENDOR_NOT_FOUND', 'No such vendor');
}

function agreementNotFound() {
  return new AppError('AGREEMENT_NOT_FOUND', 'No such agreement');
}

/**
 * The team, vendor and calendar an agreement names are checked by their foreign keys, in the same
 * statement that writes: a violation becomes the error that names what was not found, and the
 * transaction has rolled back.
 */
async function knownReferences<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    switch (violatedForeignKey(error)) {
      case 'operational_agreements_team_fk':
        throw new AppError('TEAM_NOT_FOUND', 'No such team', {
          errors: [{ path: 'body/teamId', message: 'is not a team' }],
        });
      case 'operational_agreements_vendor_fk':
        throw new AppError('VENDOR_NOT_FOUND', 'No such vendor', {
          errors: [{ path: 'body/vendorId', message: 'is not a vendor' }],
        });
      case 'operational_agreements_calendar_fk':
        throw new AppError('VALIDATION_FAILED', 'policy/calendarId is not a business calendar', {
          errors: [{ path: 'body/policy/calendarId', message: 'is not a business calendar' }],
        });
      default:
        throw error;
    }
  }
}
