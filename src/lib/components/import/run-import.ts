/**
 * The page's side of the import worker: one worker, created on first use, answering requests
 * by id. Where workers are unavailable (or fail to start) the same code runs on the main thread.
 */
import { sizeIssue, type ImportOutcome } from '$lib/evidence/dataset-import';
import type { ImportRequest, ImportResponse } from './dataset-import.worker';

type Pending = Map<number, (outcome: ImportOutcome | undefined) => void>;

let worker: Worker | undefined;
let workerBroken = false;
let nextId = 1;
const pending: Pending = new Map();

function getWorker(): Worker | undefined {
	if (workerBroken || typeof Worker === 'undefined') return undefined;
	if (worker) return worker;
	try {
		worker = new Worker(new URL('./dataset-import.worker.ts', import.meta.url), {
			type: 'module'
		});
	} catch {
		workerBroken = true;
		return undefined;
	}
	worker.onmessage = (event: MessageEvent<ImportResponse>) => {
		pending.get(event.data.id)?.(event.data.outcome);
		pending.delete(event.data.id);
	};
	worker.onerror = (event) => {
		// The worker could not start or crashed: answer everything waiting with "retry here".
		event.preventDefault();
		workerBroken = true;
		worker?.terminate();
		worker = undefined;
		for (const resolve of pending.values()) resolve(undefined);
		pending.clear();
	};
	return worker;
}

async function onMainThread(request: ImportRequest): Promise<ImportOutcome> {
	const { handleImportRequest } = await import('./dataset-import.worker');
	return handleImportRequest(request);
}

async function run(request: Omit<ImportRequest, 'id'>): Promise<ImportOutcome> {
	const target = getWorker();
	if (target) {
		const id = nextId++;
		const outcome = await new Promise<ImportOutcome | undefined>((resolve) => {
			pending.set(id, resolve);
			target.postMessage({ id, ...request });
		});
		if (outcome) return outcome;
	}
	return onMainThread({ id: 0, ...request } as ImportRequest);
}

/** Reads and validates a file the user chose. A file over the limit is refused unread. */
export function importFile(file: File): Promise<ImportOutcome> {
	const tooBig = sizeIssue(file.size);
	if (tooBig) return Promise.resolve({ ok: false, issues: [tooBig] });
	return run({ file });
}

/** Validates a dataset restored from browser storage. */
export function revalidate(value: unknown): Promise<ImportOutcome> {
	return run({ value });
}
