/**
 * The digitiser's work in progress, kept in this browser's IndexedDB (plain API) so a reload
 * or a crash loses nothing. A database of its own, so it never shares a version number with
 * the imported datasets' database. What is read back is checked like a project file: a
 * damaged entry is reported, never silently used.
 */
import { parseProject, type DigitiseProject, type ProjectIssue } from '$lib/digitise/project';

const DB_NAME = 'trial-evidence-digitiser';
const STORE = 'projects';
const CURRENT = 'current';

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
	if (typeof indexedDB === 'undefined')
		return Promise.reject(new Error('IndexedDB is not available'));
	opening ??= new Promise<IDBDatabase>((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, 1);
		request.onupgradeneeded = () => {
			if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
		};
		request.onsuccess = () => {
			request.result.onversionchange = () => {
				request.result.close();
				opening = undefined;
			};
			resolve(request.result);
		};
		request.onerror = () => {
			opening = undefined;
			reject(request.error);
		};
	});
	return opening;
}

function run<T>(
	mode: IDBTransactionMode,
	act: (store: IDBObjectStore) => IDBRequest<T>
): Promise<T> {
	return open().then(
		(db) =>
			new Promise<T>((resolve, reject) => {
				const tx = db.transaction(STORE, mode);
				const request = act(tx.objectStore(STORE));
				tx.oncomplete = () => resolve(request.result);
				tx.onerror = () => reject(tx.error ?? request.error);
				tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
			})
	);
}

/** Stores the project as its JSON text (the same text a project file holds). */
export async function saveCurrentProject(project: DigitiseProject): Promise<void> {
	await run('readwrite', (store) => store.put(JSON.stringify(project), CURRENT));
}

export type StoredProject =
	| { state: 'none' }
	| { state: 'restored'; project: DigitiseProject }
	| { state: 'invalid'; issues: ProjectIssue[] };

export async function loadCurrentProject(): Promise<StoredProject> {
	const text = await run<unknown>('readonly', (store) => store.get(CURRENT));
	if (typeof text !== 'string') return { state: 'none' };
	const parsed = parseProject(text);
	return parsed.ok
		? { state: 'restored', project: parsed.project }
		: { state: 'invalid', issues: parsed.issues };
}

export async function clearCurrentProject(): Promise<void> {
	await run('readwrite', (store) => store.delete(CURRENT));
}
