/**
 * Imported datasets kept in this browser, in IndexedDB (through the `idb` library). The
 * embedded dataset is never written here: it lives in the site itself and cannot be damaged by
 * an import.
 *
 * Two stores written in one transaction: `entries` (what the list on /data shows: file name,
 * when, summary) and `datasets` (the dataset itself), so listing never loads every dataset.
 * The key of the active dataset sits in `settings`. Every failure is a `StorageError` with a
 * reason the page can explain (quota exceeded, storage unavailable, other).
 *
 * The database is shared with other tabs and may have been left damaged (by an older version,
 * another program, a failed upgrade): a database without our stores is repaired on open, a
 * record that is not an entry is listed apart (`listDamaged`) rather than crashed on, and every
 * write is announced to the other tabs (`watchStorage`).
 */
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { DatasetSummary, ImportFormat } from '$lib/evidence/dataset-import';
import { slugify } from '$lib/export/filename';
import type { Dataset } from '$lib/evidence/schema';
import { DATABASE_NAME } from './database-name';

const DB_NAME = DATABASE_NAME;
const ENTRIES = 'entries';
const DATASETS = 'datasets';
const SETTINGS = 'settings';
const STORES = [ENTRIES, DATASETS, SETTINGS] as const;
const ACTIVE = 'active';

export interface StoredEntry {
	key: string;
	fileName: string;
	format: ImportFormat;
	/** ISO timestamp of the import. */
	importedAt: string;
	summary: DatasetSummary;
}

/** A record in the list of imports that is not an entry: shown apart, with a way to remove it. */
export interface DamagedRecord {
	key: string;
	/** What was found instead of an entry, for the message ("a number", "an object without …"). */
	found: string;
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

let opening: Promise<IDBPDatabase> | undefined;

function createMissingStores(db: IDBPDatabase) {
	for (const store of STORES) if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
}

async function openOnce(version?: number): Promise<IDBPDatabase> {
	const db = await openDB(DB_NAME, version, {
		upgrade: (upgrading) => createMissingStores(upgrading),
		blocked: () => {
			// Another tab holds the old version open; it closes on `blocking` (below) and we go on.
		},
		// Another tab upgrading (or repairing) the database: close ours and reopen on next use.
		blocking: () => {
			db.close();
			opening = undefined;
		},
		terminated: () => {
			opening = undefined;
		}
	});
	return db;
}

/**
 * Opens the database at whatever version it has (a new one is created with our stores). A
 * database that lacks a store (created empty, or by a failed upgrade) is repaired by opening
 * it one version up, which lets us create the missing stores; the records it has stay.
 */
async function openRepaired(): Promise<IDBPDatabase> {
	const db = await openOnce();
	if (STORES.every((store) => db.objectStoreNames.contains(store))) return db;
	const version = db.version;
	db.close();
	return openOnce(version + 1);
}

function open(): Promise<IDBPDatabase> {
	if (typeof indexedDB === 'undefined' || !indexedDB)
		return Promise.reject(new StorageError('unavailable', 'IndexedDB is not available'));
	opening ??= openRepaired().catch((error) => {
		opening = undefined;
		throw toStorageError(error);
	});
	return opening;
}

/** Runs `work` in one transaction over all stores; resolves when it commits. */
type Transaction<Mode extends IDBTransactionMode> = IDBPTransaction<unknown, string[], Mode>;

async function transact<T, Mode extends IDBTransactionMode>(
	mode: Mode,
	work: (tx: Transaction<Mode>) => Promise<T>
): Promise<T> {
	const db = await open();
	let tx: Transaction<Mode>;
	try {
		tx = db.transaction([...STORES], mode);
	} catch (error) {
		throw toStorageError(error);
	}
	try {
		const [result] = await Promise.all([work(tx), tx.done]);
		return result;
	} catch (error) {
		// A failed request aborts the whole transaction, so nothing is half written.
		try {
			tx.abort();
		} catch {
			// already finished
		}
		// The transaction's own error (e.g. QuotaExceededError at commit) says more than "aborted".
		throw toStorageError(tx.error ?? error);
	}
}

// Tabs of this site tell each other when the stored imports change.
const CHANNEL = `${DB_NAME}-changes`;
let channel: BroadcastChannel | undefined;

function announceChange() {
	if (typeof BroadcastChannel === 'undefined') return;
	try {
		channel ??= new BroadcastChannel(CHANNEL);
		channel.postMessage({ changed: true });
	} catch {
		// Telling other tabs is a courtesy; the write itself succeeded.
	}
}

/**
 * Calls `onChange` whenever another tab of this site adds, removes or activates an import.
 * Returns a function that stops watching. A no-op where BroadcastChannel is missing.
 */
export function watchStorage(onChange: () => void): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const listener = new BroadcastChannel(CHANNEL);
	listener.onmessage = () => onChange();
	return () => listener.close();
}

/** One key per medicine and version: importing the same version again replaces it. */
export function storageKey(dataset: Dataset): string {
	return `${slugify(dataset.shortTitle) || 'dataset'}@${slugify(dataset.version) || 'version'}`;
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object that is not an import entry';
	return `a ${typeof value}`;
}

function isEntry(value: unknown, key: string): value is StoredEntry {
	if (!value || typeof value !== 'object') return false;
	const entry = value as Partial<StoredEntry>;
	const summary = entry.summary as Partial<DatasetSummary> | undefined;
	return (
		entry.key === key &&
		typeof entry.fileName === 'string' &&
		(entry.format === 'json' || entry.format === 'csv') &&
		typeof entry.importedAt === 'string' &&
		!!summary &&
		typeof summary === 'object' &&
		typeof summary.medicine === 'string' &&
		typeof summary.version === 'string'
	);
}

async function readEntries(): Promise<{ entries: StoredEntry[]; damaged: DamagedRecord[] }> {
	return transact('readonly', async (tx) => {
		const store = tx.objectStore(ENTRIES);
		const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
		const entries: StoredEntry[] = [];
		const damaged: DamagedRecord[] = [];
		keys.forEach((rawKey, i) => {
			const key = String(rawKey);
			if (isEntry(values[i], key)) entries.push(values[i]);
			else damaged.push({ key, found: describe(values[i]) });
		});
		return { entries, damaged };
	});
}

/**
 * Every stored import, oldest first, without the datasets themselves. Records that are not
 * entries are left out here and listed by `listDamaged`.
 */
export async function listStored(): Promise<StoredEntry[]> {
	const { entries } = await readEntries();
	return entries.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

/** Records in the list of imports that cannot be read as entries (see `removeDamaged`). */
export async function listDamaged(): Promise<DamagedRecord[]> {
	return (await readEntries()).damaged;
}

/** The list entry for a dataset imported now (what `saveDataset` stores; also for an unsaved one). */
export function makeEntry(
	dataset: Dataset,
	meta: Omit<StoredEntry, 'key' | 'importedAt'>
): StoredEntry {
	return { key: storageKey(dataset), importedAt: new Date().toISOString(), ...meta };
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
	const entry = makeEntry(dataset, meta);
	await transact('readwrite', async (tx) => {
		await Promise.all([
			tx.objectStore(DATASETS).put(dataset, entry.key),
			tx.objectStore(ENTRIES).put(entry, entry.key),
			activate ? tx.objectStore(SETTINGS).put(entry.key, ACTIVE) : undefined
		]);
	});
	announceChange();
	return entry;
}

/** The stored dataset as it was saved (callers validate it again), or undefined. */
export async function loadDataset(key: string): Promise<unknown> {
	return transact('readonly', (tx) => tx.objectStore(DATASETS).get(key));
}

/** Removes a stored dataset; if it was active, nothing is active afterwards. */
export async function removeDataset(key: string): Promise<void> {
	await transact('readwrite', async (tx) => {
		const settings = tx.objectStore(SETTINGS);
		const active = await settings.get(ACTIVE);
		await Promise.all([
			tx.objectStore(DATASETS).delete(key),
			tx.objectStore(ENTRIES).delete(key),
			active === key ? settings.delete(ACTIVE) : undefined
		]);
	});
	announceChange();
}

/** Removes a damaged record (and a dataset stored under its key, if any). */
export async function removeDamaged(key: string): Promise<void> {
	await removeDataset(key);
}

export async function getActiveKey(): Promise<string | null> {
	const key = await transact('readonly', (tx) => tx.objectStore(SETTINGS).get(ACTIVE));
	return typeof key === 'string' ? key : null;
}

/** Remembers which stored dataset is shown; null for the embedded one. */
export async function setActiveKey(key: string | null): Promise<void> {
	await transact('readwrite', async (tx) => {
		const settings = tx.objectStore(SETTINGS);
		if (key === null) await settings.delete(ACTIVE);
		else await settings.put(key, ACTIVE);
	});
	announceChange();
}
