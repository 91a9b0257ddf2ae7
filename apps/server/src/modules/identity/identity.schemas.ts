import { Type } from 'typebox';
import { agentTiers, languages, roles } from '@paydesk/shared';
import { StrictObject, Uuid, DateTime, Nullable } from '../../platform/http/index.ts';

export const RoleSchema = Type.Enum(roles);
export const TierSchema = Type.Enum(agentTiers);
export const LanguageSchema = Type.Enum(languages);
const AccountRef = Type.Object({ id: Uuid, name: Type.String() });

export const MeSchema = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    tier: Nullable(TierSchema),
    language: LanguageSchema,
    timeZone: Type.String(),
    account: Nullable(AccountRef),
    teams: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  },
  { $id: 'Me' },
);

export const UserSchema = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    tier: Nullable(TierSchema),
    account: Nullable(AccountRef),
    isActive: Type.Boolean(),
    lockedUntil: Nullable(DateTime),
    createdAt: DateTime,
  },
  { $id: 'User' },
);

export const ApiTokenSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    prefix: Type.String(),
    scopes: Type.Array(Type.Union([Type.Literal('read'), Type.Literal('write')])),
    expiresAt: DateTime,
    lastUsedAt: Nullable(DateTime),
    revokedAt: Nullable(DateTime),
    createdAt: DateTime,
  },
  { $id: 'ApiToken' },
);

export const TeamSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.String(),
  timeZone: Type.String(),
  memberCount: Type.Integer(),
});

const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' });
const Password = Type.String({ minLength: 1, maxLength: 256 });
const DisplayName = Type.String({ minLength: 1, maxLength: 200 });
const TimeZone = Type.String({ minLength: 1, maxLength: 64 });

export const LoginBody = StrictObject({ email: Email, password: Password });
export const UpdateMeBody = StrictObject({
  displayName: Type.Optional(DisplayName),
  language: Type.Optional(LanguageSchema),
  timeZone: Type.Optional(TimeZone),
});
export const ChangePasswordBody = StrictObject({ currentPassword: Password, newPassword: Password });
export const CreateTokenBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  scopes: Type.Array(Type.Union([Type.Literal('read'), Type.Literal('write')]), { minItems: 1, maxItems: 2 }),
  expiresInDays: Type.Integer({ minimum: 1, maximum: 365 }),
});
export const CreateUserBody = StrictObject({
  email: Email,
  displayName: DisplayName,
  role: RoleSchema,
  accountId: Type.Optional(Nullable(Uuid)),
  tier: Type.Optional(Nullable(TierSchema)),
  language: Type.Optional(LanguageSchema),
  timeZone: Type.Optional(TimeZone),
  password: Password,
});
export const UpdateUserBody = StrictObject({
  role: Type.Optional(RoleSchema),
  tier: Type.Optional(Nullable(TierSchema)),
  isActive: Type.Optional(Type.Boolean()),
  displayName: Type.Optional(DisplayName),
  unlock: Type.Optional(Type.Literal(true)),
});
export const ResetPasswordBody = StrictObject({
  token: Type.String({ minLength: 10, maxLength: 200 }),
  newPassword: Password,
});
export const CreateTeamBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  timeZone: Type.Optional(TimeZone),
});
export const AddTeamMemberBody = StrictObject({ userId: Uuid, isLead: Type.Optional(Type.Boolean()) });
