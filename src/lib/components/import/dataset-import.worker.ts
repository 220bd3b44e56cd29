/**
 * Reads and validates an imported dataset off the main thread, so a 20 MB file does not
 * freeze the page. Messages: `{ id, file }` for a file the user chose, `{ id, value }` for a
 * dataset restored from browser storage. Answers `{ id, outcome }`.
 */
import {
	decodeImportBytes,
	importDataset,
	importDatasetObject,
	sizeIssue,
	type ImportOutcome
} from '../../evidence/dataset-import';

export type ImportRequest = { id: number } & ({ file: File } | { value: unknown });
export interface ImportResponse {
	id: number;
	outcome: ImportOutcome;
}

/** What the worker does with one request; exported so the main-thread fallback runs the same code. */
export async function handleImportRequest(request: ImportRequest): Promise<ImportOutcome> {
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
		let outcome: ImportOutcome;
		try {
			outcome = await handleImportRequest(event.data as ImportRequest);
		} catch (error) {
			outcome = {
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
		(self as unknown as Worker).postMessage({ id, outcome } satisfies ImportResponse);
	};
}
