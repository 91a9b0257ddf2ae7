import { caseStatuses, priorities } from '@paydesk/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseViews,
  defaultCaseView,
  emptyQueueFilter,
  fromSavedFilters,
  isSameQueue,
  isWaitingOnCustomer,
  readQueueSearch,
  slaFilters,
  toCaseFilter,
  withSla,
  withWaitingOnCustomer,
  writeQueueSearch,
  type QueueFilter,
} from './queue-filter.ts';

const accountId = '0b7e8f52-5f8a-4a43-9c1e-3d2b1a0f9e77';
const read = (search: string) => readQueueSearch(new URLSearchParams(search), 'mine');

const queueFilters: fc.Arbitrary<QueueFilter> = fc.record({
  view: fc.constantFrom(...caseViews),
  q: fc.string({ maxLength: 30 }),
  status: fc.uniqueArray(fc.constantFrom(...caseStatuses), { maxLength: 4 }),
  priority: fc.option(fc.constantFrom(...priorities), { nil: null }),
  openOnly: fc.boolean(),
  accountId: fc.option(fc.uuid(), { nil: null }),
  sla: fc.option(fc.constantFrom(...slaFilters), { nil: null }),
});

describe('the queue filter in the address', () => {
  it('reads back every filter it writes, whatever the default queue', () => {
    fc.assert(
      fc.property(queueFilters, fc.constantFrom(...caseViews), (filter, fallback) => {
        const search = writeQueueSearch(filter, fallback).toString();
        expect(readQueueSearch(new URLSearchParams(search), fallback)).toEqual(filter);
      }),
    );
  });

  it('leaves the defaults out, so the plain queue is a plain address', () => {
    expect(writeQueueSearch(emptyQueueFilter('mine'), 'mine').toString()).toBe('');
    expect(writeQueueSearch(emptyQueueFilter('all'), 'mine').toString()).toBe('view=all');
  });

  it('keeps a linked queue: view, SLA state, statuses, priority, account, open and words', () => {
    expect(
      read(
        `view=team&sla=breached&status=open&status=on_hold&priority=P1&account=${accountId}&open=0&q=bacs+file`,
      ),
    ).toEqual({
      view: 'team',
      sla: 'breached',
      status: ['open', 'on_hold'],
      priority: 'P1',
      accountId,
      openOnly: false,
      q: 'bacs file',
    });
  });

  it('drops what does not parse instead of sending it to be refused', () => {
    expect(read('view=everyone&sla=late&status=open&status=lost&status=open&priority=P9&account=42')).toEqual(
      {
        ...emptyQueueFilter('mine'),
        status: ['open'],
      },
    );
  });
});

describe('toCaseFilter', () => {
  const filter: QueueFilter = {
    view: 'team',
    q: '  sort code ',
    status: ['pending_customer'],
    priority: 'P2',
    openOnly: true,
    accountId,
    sla: 'at_risk',
  };

  it('sends staff filters as GET /api/cases takes them, the words trimmed', () => {
    expect(toCaseFilter(filter, true)).toEqual({
      view: 'team',
      q: 'sort code',
      status: ['pending_customer'],
      priority: 'P2',
      open: true,
      accountId,
      sla: 'at_risk',
    });
  });

  it('sends a customer none of the staff-only filters', () => {
    expect(toCaseFilter(filter, false)).toEqual({
      q: 'sort code',
      status: ['pending_customer'],
      priority: 'P2',
      open: true,
    });
  });

  it('leaves out what is not filtered on', () => {
    expect(toCaseFilter({ ...emptyQueueFilter('all'), openOnly: false, q: '   ' }, true)).toEqual({
      view: 'all',
    });
  });
});

describe('saved views', () => {
  it('apply exactly the filters they were saved from', () => {
    fc.assert(
      fc.property(queueFilters, fc.constantFrom(...caseViews), (filter, fallback) => {
        expect(isSameQueue(fromSavedFilters(toCaseFilter(filter, true), fallback), filter)).toBe(true);
      }),
    );
  });

  it('open the default queue when they name none, and everything when they do not say open', () => {
    expect(fromSavedFilters({ sla: 'breached' }, 'mine')).toEqual({
      ...emptyQueueFilter('mine'),
      openOnly: false,
      sla: 'breached',
    });
  });

  it('are the one in use whatever the order of statuses, and not once anything differs', () => {
    const a = { ...emptyQueueFilter('all'), status: ['open', 'new'] } satisfies QueueFilter;
    expect(isSameQueue(a, { ...a, status: ['new', 'open'] })).toBe(true);
    expect(isSameQueue(a, { ...a, q: ' ' })).toBe(true);
    expect(isSameQueue(a, { ...a, sla: 'breached' })).toBe(false);
    expect(isSameQueue(a, { ...a, view: 'mine' })).toBe(false);
    expect(isSameQueue(a, { ...a, openOnly: false })).toBe(false);
  });
});

describe('quick toggles', () => {
  const base = emptyQueueFilter('all');

  it('keep at risk and breached apart: one replaces the other, switching one off keeps the other', () => {
    const atRisk = withSla(base, 'at_risk', true);
    expect(atRisk.sla).toBe('at_risk');
    expect(withSla(atRisk, 'breached', true).sla).toBe('breached');
    expect(withSla(atRisk, 'at_risk', false).sla).toBeNull();
    expect(withSla(atRisk, 'breached', false).sla).toBe('at_risk');
  });

  it('waiting on customer is the pending-customer status alone', () => {
    const waiting = withWaitingOnCustomer({ ...base, status: ['open'] }, true);
    expect(waiting.status).toEqual(['pending_customer']);
    expect(isWaitingOnCustomer(waiting)).toBe(true);
    expect(isWaitingOnCustomer({ ...base, status: ['pending_customer', 'open'] })).toBe(false);
    expect(withWaitingOnCustomer(waiting, false).status).toEqual([]);
  });

  it('start agents on their own cases and everyone else on the whole queue', () => {
    expect(defaultCaseView('agent')).toBe('mine');
    expect(defaultCaseView('account_manager')).toBe('all');
    expect(defaultCaseView('admin')).toBe('all');
  });
});
