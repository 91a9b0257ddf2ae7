/**
 * Vendors and the operational agreements behind customer SLAs: internal OLAs per team and
 * underpinning contracts with vendors, and the resolver the SLA engine asks which of them govern a case.
 */
export {
  createAgreementsService,
  type AgreementsService,
  type NewAgreement,
  type NewVendor,
} from './agreements.service.ts';
export { agreementsRoutes } from './agreements.routes.ts';
export {
  agreementsInForce,
  agreementsTakingIn,
  applicableAgreements,
  type AgreementParties,
  type AgreementQuery,
  type ApplicableAgreement,
} from './applicable-agreements.ts';
