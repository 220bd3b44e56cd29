/**
 * The page's side of the import worker: one worker, created on first use, answering requests
 * by id. Where workers are unavailable (or fail to start) the same code runs on the main thread.
 *
 * A worker that loads but never answers must not leave the page "checking" forever: every
 * request has a time limit and can be cancelled. Either way the worker is stopped (it may be
 * stuck in a loop) and a fresh one starts on the next request.
 */
import { nestingIssue, sizeIssue, type ImportOutcome } from '$lib/evidence/dataset-import';
import type { ImportRequest, ImportResponse } from './dataset-import.worker';

/**
 * How long a check may take before it is given up. Validating a 20 MB file takes about 2 s
 * on a slow laptop; a minute leaves room for a machine that is busy with other things.
 */
export const IMPORT_TIMEOUT_MS = 60_000;

/** Why a check ended without an outcome. */
export class ImportStopped extends Error {
	constructor(readonly reason: 'cancelled' | 'timeout') {
		super(reason === 'cancelled' ? 'the check was cancelled' : 'the check did not finish in time');
		this.name = 'ImportStopped';
	}
}

type Settle = (outcome: ImportOutcome | undefined) => void;

let worker: Worker | undefined;
let workerBroken = false;
let nextId = 1;
const pending = new Map<number, Settle>();

function stopWorker() {
	worker?.terminate();
	worker = undefined;
	for (const settle of pending.values()) settle(undefined);
	pending.clear();
}

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
		const id = event.data?.id;
		pending.get(id)?.(event.data.outcome);
		pending.delete(id);
	};
	worker.onerror = (event) => {
		// The worker could not start or crashed: answer everything waiting with "retry here".
		event.preventDefault();
		workerBroken = true;
		stopWorker();
	};
	return worker;
}

async function onMainThread(request: ImportRequest): Promise<ImportOutcome> {
	const { handleImportRequest } = await import('./dataset-import.worker');
	return handleImportRequest(request);
}

/** Options of a check: a signal to cancel it, and its time limit. */
export interface RunOptions {
	signal?: AbortSignal;
	timeoutMs?: number;
}

async function run(
	request: Omit<ImportRequest, 'id'>,
	{ signal, timeoutMs = IMPORT_TIMEOUT_MS }: RunOptions = {}
): Promise<ImportOutcome> {
	if (signal?.aborted) throw new ImportStopped('cancelled');
	const target = getWorker();
	if (target) {
		const id = nextId++;
		const outcome = await new Promise<ImportOutcome | undefined>((resolve, reject) => {
			const stop = (reason: 'cancelled' | 'timeout') => {
				pending.delete(id);
				clearTimeout(timer);
				// It may be stuck: a fresh worker answers the next request.
				stopWorker();
				reject(new ImportStopped(reason));
			};
			const onAbort = () => stop('cancelled');
			const timer = setTimeout(() => stop('timeout'), timeoutMs);
			signal?.addEventListener('abort', onAbort, { once: true });
			pending.set(id, (answer) => {
				clearTimeout(timer);
				signal?.removeEventListener('abort', onAbort);
				resolve(answer);
			});
			target.postMessage({ id, ...request });
		});
		if (outcome) return outcome;
	}
	return onMainThread({ id: 0, ...request } as ImportRequest);
}

/**
 * Reads and validates a file the user chose. A file over the limit is refused unread. Rejects
 * with `ImportStopped` when cancelled through `signal` or when it takes longer than the limit.
 */
export function importFile(file: File, options?: RunOptions): Promise<ImportOutcome> {
	const tooBig = sizeIssue(file.size);
	if (tooBig) return Promise.resolve({ ok: false, issues: [tooBig] });
	return run({ file }, options);
}

/**
 * Validates a dataset restored from browser storage. A value nested deeper than any dataset
 * is refused here: handing it to the worker would fail in the structured clone, unreported.
 */
export function revalidate(value: unknown, options?: RunOptions): Promise<ImportOutcome> {
	const tooDeep = nestingIssue(value);
	if (tooDeep) return Promise.resolve({ ok: false, format: 'json', issues: [tooDeep] });
	return run({ value }, options);
}

/**
 * Reads a stored dataset and validates it, both in the worker: the main thread receives only
 * the validated dataset. Undefined when nothing is stored under the key. Where the worker
 * cannot read storage (or there is no worker), the same runs on the main thread.
 */
export async function restoreStored(
	key: string,
	options?: RunOptions
): Promise<ImportOutcome | undefined> {
	const outcome = await run({ storedKey: key }, options);
	// Nothing stored: the worker's answer is "not valid" without an issue (see the worker).
	return !outcome.ok && !outcome.issues.length ? undefined : outcome;
}
