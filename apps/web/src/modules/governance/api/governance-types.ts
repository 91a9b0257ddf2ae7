import type { ActionItemStatus, ServiceReviewStatus } from '@paydesk/shared';

export interface UserRef {
  id: string;
  displayName: string;
}

export interface Attendee {
  name: string;
  organisation: string;
  role?: string;
}

export interface ServiceReview {
  id: string;
  accountId: string;
  title: string;
  heldOn: string;
  startsAt: string | null;
  status: ServiceReviewStatus;
  attendees: Attendee[];
  agenda: string;
  minutes: string;
  createdBy: UserRef | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReviewInput {
  title: string;
  heldOn: string;
  startsAt: string | null;
  status: ServiceReviewStatus;
  attendees: Attendee[];
  agenda: string;
  minutes: string;
}

export interface Decision {
  id: string;
  accountId: string;
  reviewId: string | null;
  text: string;
  decidedOn: string;
  decidedBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface DecisionInput {
  reviewId: string | null;
  text: string;
  decidedOn: string;
  decidedBy: string;
}

export interface ActionItem {
  id: string;
  accountId: string;
  accountName: string;
  reviewId: string | null;
  title: string;
  description: string;
  owner: UserRef;
  dueOn: string;
  status: ActionItemStatus;
  isOverdue: boolean;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ActionItemInput {
  title: string;
  description: string;
  ownerId: string;
  dueOn: string;
  reviewId: string | null;
}

export interface TimelineEntry {
  at: string;
  kind: string;
  title: string;
  entity: { type: string; id: string };
  summary: string;
}

export interface StaffUser {
  id: string;
  displayName: string;
  role: string;
  isActive: boolean;
  account: { id: string } | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
