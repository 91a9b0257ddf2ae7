import type { Tx } from '../../platform/db/index.ts';

/**
 * How the contracts module tells a person something (renewal due, change requested, decided): an
 * in-app notification written in the caller's transaction, so it exists exactly when the change does.
 * The notifications module provides it; the contracts module only needs this shape.
 */
export type Notify = (
  tx: Tx,
  notification: {
    userId: string;
    kind: string;
    title: string;
    body: string;
    link?: string;
    entityType?: string;
    entityId?: string;
  },
) => Promise<unknown>;
