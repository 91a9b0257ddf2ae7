import type { Role } from '@paydesk/shared';

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  tier: 1 | 2 | 3 | null;
  account: { id: string; name: string } | null;
  isActive: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface UserPage {
  items: UserSummary[];
  nextCursor: string | null;
}
