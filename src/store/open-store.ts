import type { StorageLocation } from '../config/load-config.ts';
import { openPostgresStore } from './postgres/open-postgres-store.ts';
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';
import type { Store } from './store.ts';

/** Opens the store the configuration names: PostgreSQL when DATABASE_URL says so, SQLite otherwise. */
export function openStore(location: StorageLocation): Promise<Store> {
  return location.kind === 'postgres' ? openPostgresStore(location.url) : openSqliteStore(location.path);
}
