import { Type, type TProperties } from 'typebox';
import { actionItemStatuses, serviceReviewStatuses } from '@paydesk/shared';
import { DateTime, Nullable, PageQuery, StrictObject, Uuid } from '../../platform/http/index.ts';

/** The same fields, each optional: what a PATCH body or the optional part of a POST body holds. */
const optional = <T extends TProperties>(fields: T) => Type.Partial(Type.Object(fields)).properties;
/** Required text: something besides white space, which the service trims away. */
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
/** Checked as a real calendar date by the service too (the pattern lets 2026-02-30 through). */
const CivilDate = (description: string) =>
  Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: `${description} (YYYY-MM-DD)` });
const LocalTime = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: "Local start time in the account's time zone (HH:MM)",
});
const ReviewStatus = Type.Enum(serviceReviewStatuses);
const ActionStatus = Type.Enum(actionItemStatuses);
const UserRef = Type.Object({ id: Uuid, displayName: Type.String() });

const AttendeeSchema = StrictObject({
  name: Text(200),
  organisation: Text(200),
  role: Type.Optional(Type.String({ maxLength: 200 })),
});

export const ReviewSchema = Type.Object(
  {
    id: Uuid,
    accountId: Uuid,
    title: Type.String(),
    heldOn: Type.String({ format: 'date' }),
    startsAt: Nullable(Type.String()),
    status: ReviewStatus,
    attendees: Type.Array(
      Type.Object({ name: Type.String(), organisation: Type.String(), role: Type.Optional(Type.String()) }),
    ),
    agenda: Type.String(),
    minutes: Type.String(),
    createdBy: Nullable(UserRef),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'ServiceReview' },
);
const reviewRequired = { title: Text(200), heldOn: CivilDate('The date of the review') };
const reviewOptional = {
  startsAt: Nullable(LocalTime),
  status: ReviewStatus,
  attendees: Type.Array(AttendeeSchema, { maxItems: 100 }),
  agenda: Type.String({ maxLength: 20000 }),
  minutes: Type.String({ maxLength: 100000 }),
};
export const CreateReviewBody = StrictObject({ ...reviewRequired, ...optional(reviewOptional) });
export const UpdateReviewBody = StrictObject(optional({ ...reviewRequired, ...reviewOptional }));
export const ReviewListQuery = StrictObject({
  ...PageQuery.properties,
  status: Type.Optional(ReviewStatus),
});

export const DecisionSchema = Type.Object(
  {
    id: Uuid,
    accountId: Uuid,
    reviewId: Nullable(Uuid),
    text: Type.String(),
    decidedOn: Type.String({ format: 'date' }),
    decidedBy: Type.String(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'GovernanceDecision' },
);
const decisionRequired = {
  text: Text(5000),
  decidedOn: CivilDate('The date of the decision'),
  decidedBy: Text(200),
};
const decisionOptional = { reviewId: Nullable(Uuid) };
export const CreateDecisionBody = StrictObject({ ...decisionRequired, ...optional(decisionOptional) });
export const UpdateDecisionBody = StrictObject(optional({ ...decisionRequired, ...decisionOptional }));
export const DecisionListQuery = StrictObject({
  ...PageQuery.properties,
  reviewId: Type.Optional(Uuid),
});

export const ActionItemSchema = Type.Object(
  {
    id: Uuid,
    accountId: Uuid,
    accountName: Type.String(),
    reviewId: Nullable(Uuid),
    title: Type.String(),
    description: Type.String(),
    owner: UserRef,
    dueOn: Type.String({ format: 'date' }),
    status: ActionStatus,
    isOverdue: Type.Boolean({ description: "Unfinished and due before today in the account's time zone" }),
    completedAt: Nullable(DateTime),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'ActionItem' },
);
const actionRequired = {
  title: Text(200),
  ownerId: Uuid,
  dueOn: CivilDate('The date it is due'),
};
const actionOptional = {
  reviewId: Nullable(Uuid),
  description: Type.String({ maxLength: 10000 }),
  status: ActionStatus,
};
export const CreateActionItemBody = StrictObject({ ...actionRequired, ...optional(actionOptional) });
export const UpdateActionItemBody = StrictObject(optional({ ...actionRequired, ...actionOptional }));
export const ActionItemListQuery = StrictObject({
  ...PageQuery.properties,
  status: Type.Optional(ActionStatus),
  ownerId: Type.Optional(Uuid),
  reviewId: Type.Optional(Uuid),
  overdue: Type.Optional(
    Type.Boolean({ description: "Only unfinished items due before today (account's zone)" }),
  ),
});
export const MyActionItemsQuery = StrictObject({
  ...PageQuery.properties,
  mine: Type.Boolean({ description: 'Must be true: your own unfinished action items, across accounts' }),
});

export const TimelineEntrySchema = Type.Object(
  {
    at: Type.String({ description: 'A date (YYYY-MM-DD) or an instant (ISO 8601)' }),
    kind: Type.String({ description: 'What happened, such as review.held or action_item.completed' }),
    title: Type.String(),
    entity: Type.Object({ type: Type.String(), id: Uuid }),
    summary: Type.String(),
  },
  { $id: 'GovernanceTimelineEntry' },
);
export const TimelineQuery = StrictObject({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
});

export const AccountParams = StrictObject({ id: Uuid });
export const ReviewParams = StrictObject({ id: Uuid, reviewId: Uuid });
export const DecisionParams = StrictObject({ id: Uuid, decisionId: Uuid });
export const ActionItemParams = StrictObject({ id: Uuid, actionItemId: Uuid });
