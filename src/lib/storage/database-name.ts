/** Name of the IndexedDB database that keeps imported datasets (see imported-datasets.ts). */
export const DATABASE_NAME = 'trial-evidence';

/**
 * Whether this browser certainly has no database of ours, without opening one (opening would
 * create it): most visitors never import a dataset, and then the storage code need not load.
 * False when it cannot tell (no `indexedDB.databases()`, or it fails).
 */
export async function certainlyNoDatabase(): Promise<boolean> {
	try {
		if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return false;
		const databases = await indexedDB.databases();
		return !databases.some((db) => db.name === DATABASE_NAME);
	} catch {
		return false;
	}
}
