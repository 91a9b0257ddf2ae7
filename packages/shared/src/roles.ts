/** Staff roles work for the operator; customer roles belong to one customer account. */
export const staffRoles = [
  'admin',
  'account_manager',
  'service_level_analyst',
  'agent',
  'payments_operator',
] as const;
export const customerRoles = ['customer_admin', 'customer_user'] as const;
export const roles = [...staffRoles, ...customerRoles] as const;

export type StaffRole = (typeof staffRoles)[number];
export type CustomerRole = (typeof customerRoles)[number];
export type Role = (typeof roles)[number];

export const agentTiers = [1, 2, 3] as const;
export type AgentTier = (typeof agentTiers)[number];

export const languages = ['en', 'es-MX', 'pl', 'zh-CN'] as const;
export type Language = (typeof languages)[number];

export function isCustomerRole(role: Role): role is CustomerRole {
  return (customerRoles as readonly string[]).includes(role);
}
