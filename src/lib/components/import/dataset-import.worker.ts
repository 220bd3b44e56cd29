/**
 * Reads and validates an imported dataset off the main thread, so a 20 MB file does not
 * freeze the page. Messages: `{ id, file }` for a file the user chose, `{ id, value }` for a
 * dataset restored from browser storage, `{ id, storedKey }` for one the worker reads from
 * browser storage itself. Answers `{ id, outcome }`.
 *
 * Reading a stored dataset here matters for a large one: read on the main thread and sent
 * over, a 6,000-study dataset was cloned there three times (out of IndexedDB, to the worker,
 * back), each a long task; read here, the main thread clones only the validated dataset.
 */
import {
	decodeImportBytes,
	importDataset,
	importDatasetObject,
	nestingIssue,
	sizeIssue,
	type ImportOutcome
} from '../../evidence/dataset-import';
import { loadDataset } from '../../storage/imported-datasets';

export type ImportRequest = { id: number } & (
	{ file: File } | { value: unknown } | { storedKey: string }
);
export interface ImportResponse {
	id: number;
	/** Absent when the worker could not read browser storage: the page reads it itself. */
	outcome?: ImportOutcome;
}

/**
 * The answer for a key with no stored dataset: not valid, and no issue (a check that fails
 * always has one), so the page tells it from an invalid dataset (`restoreStored`).
 */
const STORED_MISSING: ImportOutcome = { ok: false, issues: [] };

/** Browser storage could not be read here (none in this context): the page reads it instead. */
export class StorageUnreadable extends Error {}

async function checkStored(key: string): Promise<ImportOutcome> {
	let value: unknown;
	try {
		value = await loadDataset(key);
	} catch (error) {
		throw new StorageUnreadable(String(error));
	}
	if (value === undefined) return STORED_MISSING;
	const tooDeep = nestingIssue(value);
	if (tooDeep) return { ok: false, format: 'json', issues: [tooDeep] };
	return importDatasetObject(value);
}

/** What the worker does with one request; exported so the main-thread fallback runs the same code. */
export async function handleImportRequest(request: ImportRequest): Promise<ImportOutcome> {
	if ('storedKey' in request) return checkStored(request.storedKey);
	if ('value' in request) return importDatasetObject(request.value);
	const { file } = request;
	const tooBig = sizeIssue(file.size);
	if (tooBig) return { ok: false, issues: [tooBig] };
	const decoded = decodeImportBytes(await file.arrayBuffer());
	if (!decoded.ok) return { ok: false, issues: [decoded.issue] };
	return importDataset(decoded.text, { fileName: file.name, bytes: file.size });
}

// In a worker `self` has no `document`; this module is also imported on the main thread (fallback).
if (typeof document === 'undefined' && typeof self !== 'undefined' && 'postMessage' in self) {
	self.onmessage = async (event: MessageEvent<ImportRequest | null>) => {
		// A message that could not be cloned arrives empty: nothing to answer (the page times out).
		if (!event.data || typeof event.data.id !== 'number') return;
		const { id } = event.data;
		let outcome: ImportOutcome | undefined;
		try {
			outcome = await handleImportRequest(event.data as ImportRequest);
		} catch (error) {
			outcome =
				error instanceof StorageUnreadable
					? undefined
					: {
							ok: false,
							issues: [
								{
									path: '(file)',
									message: `the file could not be read: ${String(error)}`,
									kind: 'syntax'
								}
							]
						};
		}
		// A stored dataset that fails here is checked again by the page, which reports it as it
		// always did: read in a worker, a value nested far too deep comes back as null (a
		// smaller stack), and the user would be told the wrong thing. Rare, so the cost is too.
		if ('storedKey' in event.data && outcome && !outcome.ok && outcome.issues.length)
			outcome = undefined;
		(self as unknown as Worker).postMessage({ id, outcome } satisfies ImportResponse);
	};
}
