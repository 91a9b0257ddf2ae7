export {
  scopeOf,
  auditContextOf,
  type Actor,
  type UserActor,
  type Scope,
  type TokenScope,
  type RequestContext,
  type AnonymousContext,
} from './actor.ts';
export { inScope, isInScope } from './scope.ts';
export { randomSecret, hashSecret, safeEqual } from './secrets.ts';
export {
  hashPassword,
  verifyPassword,
  dummyPasswordHash,
  passwordProblem,
  minPasswordLength,
} from './passwords.ts';
export { can, assertCan, permissions, type Permission } from './policy.ts';
