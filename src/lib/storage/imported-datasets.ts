/**
 * Imported datasets kept in this browser, in IndexedDB (plain API, no library). The embedded
 * dataset is never written here: it lives in the site itself and cannot be damaged by an import.
 *
 * Two stores written in one transaction: `entries` (what the list on /data shows: file name,
 * when, summary) and `datasets` (the dataset itself), so listing never loads every dataset.
 * The key of the active dataset sits in `settings`. Every failure is a `StorageError` with a
 * reason the page can explain (quota exceeded, storage unavailable, other).
 */
import type { DatasetSummary, ImportFormat } from '$lib/evidence/dataset-import';
import { slugify } from '$lib/export/filename';
import type { Dataset } from '$lib/evidence/schema';
import { DATABASE_NAME } from './database-name';

const DB_NAME = DATABASE_NAME;
const DB_VERSION = 1;
const ENTRIES = 'entries';
const DATASETS = 'datasets';
const SETTINGS = 'settings';
const ACTIVE = 'active';

export interface StoredEntry {
	key: string;
	fileName: string;
	format: ImportFormat;
	/** ISO timestamp of the import. */
	importedAt: string;
	summary: DatasetSummary;
}

export type StorageFailure = 'quota' | 'unavailable' | 'failed';

export class StorageError extends Error {
	constructor(
		readonly reason: StorageFailure,
		detail: string
	) {
		super(detail);
		this.name = 'StorageError';
	}
}

function toStorageError(error: unknown): StorageError {
	if (error instanceof StorageError) return error;
	const name = (error as { name?: string } | null)?.name;
	const message = (error as { message?: string } | null)?.message ?? String(error);
	if (name === 'QuotaExceededError') return new StorageError('quota', message);
	if (name === 'SecurityError' || name === 'InvalidStateError')
		return new StorageError('unavailable', message);
	return new StorageError('failed', message);
}

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
	if (typeof indexedDB === 'undefined')
		return Promise.reject(new StorageError('unavailable', 'IndexedDB is not available'));
	opening ??= new Promise<IDBDatabase>((resolve, reject) => {
		let request: IDBOpenDBRequest;
		try {
			request = indexedDB.open(DB_NAME, DB_VERSION);
		} catch (error) {
			reject(toStorageError(error));
			return;
		}
		request.onupgradeneeded = () => {
			const db = request.result;
			for (const store of [ENTRIES, DATASETS, SETTINGS])
				if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
		};
		request.onsuccess = () => {
			const db = request.result;
			// Another tab upgrading the database: close ours and reopen on next use.
			db.onversionchange = () => {
				db.close();
				opening = undefined;
			};
			resolve(db);
		};
		request.onerror = () => reject(toStorageError(request.error));
		request.onblocked = () =>
			reject(new StorageError('failed', 'the database is blocked by another tab'));
	}).catch((error) => {
		opening = undefined;
		throw error;
	});
	return opening;
}

/** Runs `work` in one transaction; resolves when it commits, rejects (with the reason) if it aborts. */
async function transact<T>(
	mode: IDBTransactionMode,
	work: (stores: Record<string, IDBObjectStore>) => IDBRequest<T> | void
): Promise<T | undefined> {
	const db = await open();
	return new Promise<T | undefined>((resolve, reject) => {
		let tx: IDBTransaction;
		try {
			tx = db.transaction([ENTRIES, DATASETS, SETTINGS], mode);
		} catch (error) {
			reject(toStorageError(error));
			return;
		}
		let request: IDBRequest<T> | void;
		tx.oncomplete = () => resolve(request ? request.result : undefined);
		tx.onabort = () => reject(toStorageError(tx.error ?? new Error('transaction aborted')));
		// A failed request aborts the whole transaction (not prevented), so nothing is half written.
		tx.onerror = (event) =>
			reject(toStorageError(tx.error ?? (event.target as IDBRequest | null)?.error));
		try {
			request = work({
				[ENTRIES]: tx.objectStore(ENTRIES),
				[DATASETS]: tx.objectStore(DATASETS),
				[SETTINGS]: tx.objectStore(SETTINGS)
			});
		} catch (error) {
			// e.g. DataCloneError, or QuotaExceededError thrown synchronously by put().
			try {
				tx.abort();
			} catch {
				// already finished
			}
			reject(toStorageError(error));
		}
	});
}

/** One key per medicine and version: importing the same version again replaces it. */
export function storageKey(dataset: Dataset): string {
	return `${slugify(dataset.shortTitle) || 'dataset'}@${slugify(dataset.version) || 'version'}`;
}

/** Every stored import, oldest first, without the datasets themselves. */
export async function listStored(): Promise<StoredEntry[]> {
	const entries = (await transact<StoredEntry[]>('readonly', (s) => s[ENTRIES].getAll())) ?? [];
	return entries.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

/**
 * Stores a validated dataset (replacing one with the same key) and, with `activate`, makes it
 * the active one, all in one transaction. Rejects with `StorageError`; then nothing was written.
 */
export async function saveDataset(
	dataset: Dataset,
	meta: Omit<StoredEntry, 'key' | 'importedAt'>,
	{ activate = false } = {}
): Promise<StoredEntry> {
	const entry: StoredEntry = {
		key: storageKey(dataset),
		importedAt: new Date().toISOString(),
		...meta
	};
	await transact('readwrite', (s) => {
		s[DATASETS].put(dataset, entry.key);
		s[ENTRIES].put(entry, entry.key);
		if (activate) s[SETTINGS].put(entry.key, ACTIVE);
	});
	return entry;
}

/** The stored dataset as it was saved (callers validate it again), or undefined. */
export async function loadDataset(key: string): Promise<unknown> {
	return transact<unknown>('readonly', (s) => s[DATASETS].get(key));
}

/** Removes a stored dataset; if it was active, nothing is active afterwards. */
export async function removeDataset(key: string): Promise<void> {
	const active = await getActiveKey();
	await transact('readwrite', (s) => {
		s[DATASETS].delete(key);
		s[ENTRIES].delete(key);
		if (active === key) s[SETTINGS].delete(ACTIVE);
	});
}

export async function getActiveKey(): Promise<string | null> {
	const key = await transact<unknown>('readonly', (s) => s[SETTINGS].get(ACTIVE));
	return typeof key === 'string' ? key : null;
}

/** Remembers which stored dataset is shown; null for the embedded one. */
export async function setActiveKey(key: string | null): Promise<void> {
	await transact('readwrite', (s) => {
		if (key === null) s[SETTINGS].delete(ACTIVE);
		else s[SETTINGS].put(key, ACTIVE);
	});
}
