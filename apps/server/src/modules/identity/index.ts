export {
  createIdentityService,
  createAuthenticator,
  type IdentityService,
  type Me,
  type NewUser,
} from './identity.service.ts';
export { identityRoutes, toUser } from './identity.routes.ts';
export { UserSchema } from './identity.schemas.ts';
export { activeTeamLeads } from './identity.repository.ts';
export { createLoginThrottle, type LoginThrottle } from './login-throttle.ts';
export { createIdentityPurgeJob } from './purge-expired.job.ts';
