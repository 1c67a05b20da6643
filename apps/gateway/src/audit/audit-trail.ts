import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  AuditEventFilters,
  AuditEventView,
  AuditSlice,
  AuditSliceQuery,
  compareAuditEvents,
  InternalApi,
  Page,
} from '@pressconf/contracts';
import { AuditEvents } from '@pressconf/messaging';
import { ServiceClient } from '../services/service-client';
import { mergeNewestFirst, sliceBySlice } from './audit-merge';

/** Each store of the trail: the gateway's own (its API keys) and the three services'. */
const STORES = ['gateway', 'scheduling', 'submissions', 'notifications'] as const;
type Store = (typeof STORES)[number];

/** Rows asked of each store at a time by the export. */
export const EXPORT_SLICE = 1_000;

/** The filters alone, as each store takes them (no paging: the stores answer slices). */
function filtersOf(query: AuditEventFilters): AuditSliceQuery {
  const { entityType, entityId, actorSubject, action, from, to } = query;
  return { entityType, entityId, actorSubject, action, from, to };
}

/**
 * The audit trail of the whole system: each store keeps its own rows (a trigger writes them in the writing
 * transaction), and the gateway merges them newest first — the gateway's own read here, the services' through their
 * internal route as the calling actor (each checks the role itself).
 */
@Injectable()
export class AuditTrail {
  private readonly own: AuditEvents;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly services: ServiceClient,
  ) {
    this.own = new AuditEvents(dataSource, 'gateway');
  }

  /**
   * One page of the merged trail: every store's newest `page × pageSize` rows (all a page that deep can take from
   * one store) and its count, asked of the four at once; the merge's rows of the page, and the counts summed.
   */
  async page(query: AuditEventFilters, actor: Actor): Promise<Page<AuditEventView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const deepest = page * pageSize;
    const slices = await Promise.all(
      STORES.map((store) => this.slice(store, { ...filtersOf(query), limit: deepest, count: 'true' }, actor)),
    );
    const items = slices
      .flatMap((slice) => slice.items)
      .sort(compareAuditEvents)
      .slice(deepest - pageSize, deepest);
    const total = slices.reduce((sum, slice) => sum + (slice.total ?? 0), 0);
    return { items, page, pageSize, total };
  }

  /** Every row that matches, newest first, read from the stores a slice at a time as the reader goes. */
  rows(query: AuditEventFilters, actor: Actor): AsyncGenerator<AuditEventView> {
    const filters = filtersOf(query);
    return mergeNewestFirst(
      STORES.map((store) =>
        sliceBySlice(
          async (before) => (await this.slice(store, { ...filters, before, limit: EXPORT_SLICE }, actor)).items,
          EXPORT_SLICE,
        ),
      ),
    );
  }

  private slice(store: Store, query: AuditSliceQuery, actor: Actor): Promise<AuditSlice> {
    if (store === 'gateway') return this.own.slice(query);
    return this.services.call<AuditSlice>(InternalApi[store].listAuditEvents, query, actor);
  }
}
