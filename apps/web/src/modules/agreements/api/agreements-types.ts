import type { AgreementKind, VendorKind } from '@paydesk/shared';
import type { SlaPolicy } from '../../sla-policies/index.ts';

export { agreementKinds, vendorKinds, type AgreementKind, type VendorKind } from '@paydesk/shared';

export interface Vendor {
  id: string;
  name: string;
  kind: VendorKind;
  contactEmail: string | null;
  contactPhone: string | null;
  notes: string;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface VendorInput {
  name: string;
  kind: VendorKind;
  contactEmail?: string | null;
  contactPhone?: string | null;
  notes?: string;
}

/** An internal OLA (a team's promise) or an underpinning contract (a vendor's). */
export interface Agreement {
  id: string;
  kind: AgreementKind;
  team: { id: string; name: string } | null;
  vendor: { id: string; name: string } | null;
  name: string;
  reference: string;
  policy: SlaPolicy;
  effectiveFrom: string;
  /** The first day it no longer applies; null = open-ended. */
  effectiveTo: string | null;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AgreementInput {
  kind: AgreementKind;
  teamId?: string;
  vendorId?: string;
  name: string;
  reference?: string;
  policy: SlaPolicy;
  effectiveFrom: string;
  effectiveTo?: string | null;
}

export interface AgreementFilter {
  kind?: AgreementKind;
  teamId?: string;
  vendorId?: string;
}

export interface Team {
  id: string;
  name: string;
}

export interface CatalogueService {
  id: string;
  code: string;
  name: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
