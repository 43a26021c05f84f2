import { QueryClient, type InvalidateOptions, type InvalidateQueryFilters } from "@tanstack/react-query";

/**
 * The app's QueryClient. An invalidation means "what is read from now on must show the change",
 * but React Query cancels only the refetches of loaded queries: a first load still in flight
 * answers the invalidation with what it read, possibly before the change (a setting added while
 * the settings list was still loading stayed missing). Such loads are cancelled, so the
 * invalidation's refetch starts after the change.
 */
export class AppQueryClient extends QueryClient {
  override async invalidateQueries(filters?: InvalidateQueryFilters, options?: InvalidateOptions): Promise<void> {
    await this.cancelQueries({ ...filters, predicate: (query) => query.state.data === undefined && (filters?.predicate?.(query) ?? true) });
    return super.invalidateQueries(filters, options);
  }
}
