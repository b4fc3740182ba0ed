import { openStore, type Store } from '../../src/main/office/store/open-store';

/**
 * Opens a data folder's store for a look between two `despacho` runs, and closes it again: one
 * process owns a data folder at a time, so the command must find it free.
 */
export async function withDataFolderStore<T>(dataDir: string, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ kind: 'pglite', dataDir });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
