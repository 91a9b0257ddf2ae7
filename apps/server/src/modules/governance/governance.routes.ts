import { Type } from 'typebox';
import { contextOf, errorResponses, Page, type HttpServer } from '../../platform/http/index.ts';
import type { GovernanceService } from './governance.service.ts';
import {
  AccountParams,
  ActionItemListQuery,
  ActionItemParams,
  ActionItemSchema,
  CreateActionItemBody,
  CreateDecisionBody,
  CreateReviewBody,
  DecisionListQuery,
  DecisionParams,
  DecisionSchema,
  MyActionItemsQuery,
  ReviewListQuery,
  ReviewParams,
  ReviewSchema,
  TimelineEntrySchema,
  TimelineQuery,
  UpdateActionItemBody,
  UpdateDecisionBody,
  UpdateReviewBody,
} from './governance.schemas.ts';

/**
 * Service reviews, decisions, action items and the governance timeline of an account. Customers'
 * administrators read their own account's; who may do what is the service's decision.
 */
export function governanceRoutes(service: GovernanceService) {
  return async function register(app: HttpServer) {
    app.get(
      '/api/accounts/:id/governance/timeline',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['governance'],
          summary: 'Reviews, decisions and action items (and more, as modules add them), newest first',
          params: AccountParams,
          querystring: TimelineQuery,
          response: { 200: Type.Object({ items: Type.Array(TimelineEntrySchema) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: await service.timeline(contextOf(request), request.params.id, {
          limit: request.query.limit ?? 200,
        }),
      }),
    );

    app.get(
      '/api/accounts/:id/service-reviews',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['governance'],
          summary: 'Service reviews, latest first (customers: their own account)',
          params: AccountParams,
          querystring: ReviewListQuery,
          response: { 200: Page(ReviewSchema), ...errorResponses },
        },
      },
      async (request) => {
        const { limit, ...rest } = request.query;
        return serialisePage(
          await service.listReviews(contextOf(request), request.params.id, { limit: limit ?? 50, ...rest }),
        );
      },
    );

    app.get(
      '/api/accounts/:id/service-reviews/:reviewId',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['governance'],
          summary: 'One service review with its attendees, agenda and minutes',
          params: ReviewParams,
          response: { 200: ReviewSchema, ...errorResponses },
        },
      },
      async (request) =>
        timestamps(await service.getReview(contextOf(request), request.params.id, request.params.reviewId)),
    );

    app.post(
      '/api/accounts/:id/service-reviews',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['governance'],
          summary: 'Schedule or record a service review (account managers, service-level analysts)',
          params: AccountParams,
          body: CreateReviewBody,
          response: { 201: ReviewSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(timestamps(await service.createReview(contextOf(request), request.params.id, request.body))),
    );

    app.patch(
      '/api/accounts/:id/service-reviews/:reviewId',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['governance'],
          summary: 'Edit a review, mark it held or cancel it (a cancelled review is not edited)',
          params: ReviewParams,
          body: UpdateReviewBody,
          response: { 200: ReviewSchema, ...errorResponses },
        },
      },
      async (request) =>
        timestamps(
          await service.updateReview(
            contextOf(request),
            request.params.id,
            request.params.reviewId,
            request.body,
          ),
        ),
    );

    app.get(
      '/api/accounts/:id/decisions',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['governance'],
          summary: 'Decisions, latest first (customers: their own account)',
          params: AccountParams,
          querystring: DecisionListQuery,
          response: { 200: Page(DecisionSchema), ...errorResponses },
        },
      },
      async (request) => {
        const { limit, ...rest } = request.query;
        return serialisePage(
          await service.listDecisions(contextOf(request), request.params.id, { limit: limit ?? 50, ...rest }),
        );
      },
    );

    app.get(
      '/api/accounts/:id/decisions/:decisionId',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['governance'],
          summary: 'One decision',
          params: DecisionParams,
          response: { 200: DecisionSchema, ...errorResponses },
        },
      },
      async (request) =>
        timestamps(
          await service.getDecision(contextOf(request), request.params.id, request.params.decisionId),
        ),
    );

    app.post(
      '/api/accounts/:id/decisions',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['governance'],
          summary: 'Record a decision, in a review or outside one',
          params: AccountParams,
          body: CreateDecisionBody,
          response: { 201: DecisionSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            timestamps(await service.createDecision(contextOf(request), request.params.id, request.body)),
          ),
    );

    app.patch(
      '/api/accounts/:id/decisions/:decisionId',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['governance'],
          summary: 'Correct a decision',
          params: DecisionParams,
          body: UpdateDecisionBody,
          response: { 200: DecisionSchema, ...errorResponses },
        },
      },
      async (request) =>
        timestamps(
          await service.updateDecision(
            contextOf(request),
            request.params.id,
            request.params.decisionId,
            request.body,
          ),
        ),
    );

    app.get(
      '/api/accounts/:id/action-items',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['governance'],
          summary: 'Action items, soonest due first: filter by status, owner, review, overdue',
          params: AccountParams,
          querystring: ActionItemListQuery,
          response: { 200: Page(ActionItemSchema), ...errorResponses },
        },
      },
      async (request) => {
        const { limit, ...rest } = request.query;
        return serialiseActionPage(
          await service.listActionItems(contextOf(request), request.params.id, {
            limit: limit ?? 50,
            ...rest,
          }),
        );
      },
    );

    app.get(
      '/api/accounts/:id/action-items/:actionItemId',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['governance'],
          summary: 'One action item',
          params: ActionItemParams,
          response: { 200: ActionItemSchema, ...errorResponses },
        },
      },
      async (request) =>
        actionItem(
          await service.getActionItem(contextOf(request), request.params.id, request.params.actionItemId),
        ),
    );

    app.post(
      '/api/accounts/:id/action-items',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['governance'],
          summary: 'Add an action item owned by a staff member, with a due date',
          params: AccountParams,
          body: CreateActionItemBody,
          response: { 201: ActionItemSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            actionItem(await service.createActionItem(contextOf(request), request.params.id, request.body)),
          ),
    );

    app.patch(
      '/api/accounts/:id/action-items/:actionItemId',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['governance'],
          summary: 'Work an action item: status, owner, due date',
          params: ActionItemParams,
          body: UpdateActionItemBody,
          response: { 200: ActionItemSchema, ...errorResponses },
        },
      },
      async (request) =>
        actionItem(
          await service.updateActionItem(
            contextOf(request),
            request.params.id,
            request.params.actionItemId,
            request.body,
          ),
        ),
    );

    app.get(
      '/api/action-items',
      {
        config: { auth: 'user' },
        schema: {
          tags: ['governance'],
          summary: 'Your own unfinished action items across accounts (staff)',
          querystring: MyActionItemsQuery,
          response: { 200: Page(ActionItemSchema), ...errorResponses },
        },
      },
      async (request) => {
        const { limit, ...rest } = request.query;
        return serialiseActionPage(
          await service.listMyActionItems(contextOf(request), { limit: limit ?? 50, ...rest }),
        );
      },
    );
  };
}

/** Instants leave the server as ISO 8601 strings. */
function timestamps<T extends { createdAt: Date; updatedAt: Date }>(row: T) {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

function serialisePage<T extends { createdAt: Date; updatedAt: Date }>(page: {
  items: T[];
  nextCursor: string | null;
}) {
  return { items: page.items.map(timestamps), nextCursor: page.nextCursor };
}

function actionItem<T extends { createdAt: Date; updatedAt: Date; completedAt: Date | null }>(row: T) {
  return { ...timestamps(row), completedAt: row.completedAt?.toISOString() ?? null };
}

function serialiseActionPage<T extends { createdAt: Date; updatedAt: Date; completedAt: Date | null }>(page: {
  items: T[];
  nextCursor: string | null;
}) {
  return { items: page.items.map(actionItem), nextCursor: page.nextCursor };
}
