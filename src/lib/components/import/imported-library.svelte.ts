import { getContext, setContext } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import type { DatasetState } from '$lib/components/dataset-context.svelte';
import type { ImportFormat } from '$lib/evidence/dataset-import';
import { loadStatsEngine } from '$lib/evidence/intervals';
import type { Dataset } from '$lib/evidence/schema';
import { certainlyNoDatabase } from '$lib/storage/database-name';
import type { DamagedRecord, StorageFailure, StoredEntry } from '$lib/storage/imported-datasets';

// Loaded on demand, so that a page without an imported dataset ships none of it: storage
// (a small module, read once at start), validation and the statistics module (only when a
// stored dataset is shown or a new one added).
const storage = () => import('$lib/storage/imported-datasets');

const KEY = Symbol('imported-library');

/**
 * Something the page must tell the user about storage; never swallowed. `during` says what the
 * user was doing, so the page shows it there: on load (`restore`, top of /data), in the list
 * of kept datasets (`library`), or another tab changed the list (`elsewhere`).
 */
export type LibraryProblem = { during: 'restore' | 'library' | 'elsewhere' } & (
	| { kind: StorageFailure; detail: string }
	| { kind: 'stored-invalid'; detail: string }
	| { kind: 'stored-missing'; name: string }
	| { kind: 'removed-elsewhere'; name: string }
);

/** How `add` went: stored, or shown for this visit only because storing failed (and why). */
export type AddOutcome =
	{ stored: true } | { stored: false; reason: StorageFailure; detail: string };

function failureOf(error: unknown): { reason: StorageFailure; detail: string } {
	// A StorageError carries its reason; anything else is reported as it is.
	const reason = error instanceof Error && 'reason' in error ? error.reason : undefined;
	return reason === 'quota' || reason === 'unavailable' || reason === 'failed'
		? { reason, detail: (error as Error).message }
		: { reason: 'failed', detail: String(error) };
}

/**
 * The imported datasets kept in this browser and which one is shown. Activating one sets
 * `DatasetState.imported`; choosing the embedded dataset clears it. The embedded dataset
 * is never stored.
 *
 * When the browser cannot keep a dataset (no IndexedDB, storage full), a valid import is
 * still shown for this visit: it stays in memory (`sessionOnly`) and the page says so. Other
 * tabs' changes arrive through `watchStorage`, and this tab follows them.
 */
export class ImportLibrary {
	entries: StoredEntry[] = $state([]);
	/** Records of the stored list that are not entries: listed apart, each removable. */
	damaged: DamagedRecord[] = $state([]);
	activeKey: string | null = $state(null);
	/** True until the stored list and the active dataset have been read. */
	restoring = $state(true);
	problem: LibraryProblem | null = $state(null);
	/** Keys of imports held in memory only (not stored), with why they could not be stored. */
	sessionOnly = new SvelteMap<string, StorageFailure>();
	private readonly inMemory = new SvelteMap<string, Dataset>();
	private stopWatching: (() => void) | undefined;

	constructor(private readonly datasets: DatasetState) {}

	get active(): StoredEntry | undefined {
		return this.entries.find((e) => e.key === this.activeKey);
	}

	/** Whether the shown imported dataset is held for this visit only. */
	get activeIsSessionOnly(): boolean {
		return this.activeKey !== null && this.sessionOnly.has(this.activeKey);
	}

	private report(error: unknown, during: LibraryProblem['during']) {
		const { reason, detail } = failureOf(error);
		this.problem = { during, kind: reason, detail };
	}

	/** Reads the stored list and shows the active imported dataset, if any. Called once on load. */
	async restore(): Promise<void> {
		try {
			// Nothing was ever imported in this browser: nothing to list or show.
			if (await certainlyNoDatabase()) return;
			const { listStored, listDamaged, getActiveKey } = await storage();
			[this.entries, this.damaged] = await Promise.all([listStored(), listDamaged()]);
			const key = await getActiveKey();
			if (key) await this.show(key, 'restore');
		} catch (error) {
			// No storage (private mode, disabled): the embedded dataset stays; say so only on /data.
			this.report(error, 'restore');
		} finally {
			this.restoring = false;
			void this.watch();
		}
	}

	/** Follows other tabs: their additions, removals and choice of the active dataset. */
	private async watch() {
		if (this.stopWatching || typeof BroadcastChannel === 'undefined') return;
		const { watchStorage } = await storage();
		this.stopWatching = watchStorage(() => void this.refresh());
	}

	/** Re-reads the stored list after another tab changed it. */
	private async refresh(): Promise<void> {
		try {
			const { listStored, listDamaged, getActiveKey } = await storage();
			const shown = this.active;
			const [entries, damaged, key] = await Promise.all([
				listStored(),
				listDamaged(),
				getActiveKey()
			]);
			const sessionEntries = this.entries.filter((e) => this.sessionOnly.has(e.key));
			this.entries = [
				...entries,
				...sessionEntries.filter((e) => !entries.some((s) => s.key === e.key))
			];
			this.damaged = damaged;
			if (this.activeIsSessionOnly) return;
			if (shown && !entries.some((e) => e.key === shown.key)) {
				// The dataset shown here was removed in another tab: back to the embedded one.
				this.activeKey = null;
				this.datasets.imported = null;
				this.problem = {
					during: 'elsewhere',
					kind: 'removed-elsewhere',
					name: `${shown.summary.medicine} ${shown.summary.version}`
				};
				return;
			}
			if (key !== this.activeKey) {
				if (key === null) {
					this.activeKey = null;
					this.datasets.imported = null;
				} else await this.show(key, 'elsewhere');
			}
		} catch (error) {
			this.report(error, 'elsewhere');
		}
	}

	/** Loads, re-validates and shows a stored (or in-memory) dataset. */
	private async show(key: string, during: LibraryProblem['during']): Promise<boolean> {
		const held = this.inMemory.get(key);
		if (held) {
			this.datasets.imported = held;
			this.activeKey = key;
			return true;
		}
		const { setActiveKey } = await storage();
		// Read and checked in the worker (a large dataset is cloned once, not three times).
		const { restoreStored } = await import('./run-import');
		const outcome = await restoreStored(key);
		if (!outcome?.ok) {
			const entry = this.entries.find((e) => e.key === key);
			this.problem =
				outcome && !outcome.ok
					? {
							during,
							kind: 'stored-invalid',
							detail: `${outcome.issues[0]?.path}: ${outcome.issues[0]?.message}`
						}
					: {
							during,
							kind: 'stored-missing',
							name: entry ? `${entry.summary.medicine} ${entry.summary.version}` : key
						};
			this.activeKey = null;
			this.datasets.imported = null;
			// Set aside: it stays listed (removable), but is no longer the one shown on load.
			await setActiveKey(null).catch(() => undefined);
			return false;
		}
		// Its intervals and effects are computed in the browser: load the engine first.
		await loadStatsEngine();
		this.datasets.imported = outcome.dataset;
		this.activeKey = key;
		return true;
	}

	/**
	 * Stores a validated dataset and shows it. When it cannot be stored (no storage, storage
	 * full, another failure), it is shown all the same, for this visit only, and the outcome
	 * says why; the page tells the user.
	 */
	async add(dataset: Dataset, fileName: string, format: ImportFormat): Promise<AddOutcome> {
		this.problem = null;
		const [{ summariseDataset }] = await Promise.all([
			import('$lib/evidence/dataset-import'),
			loadStatsEngine()
		]);
		const meta = { fileName, format, summary: summariseDataset(dataset) };
		try {
			const { saveDataset } = await storage();
			const entry = await saveDataset(dataset, meta, { activate: true });
			this.entries = [...this.entries.filter((e) => e.key !== entry.key), entry];
			this.inMemory.delete(entry.key);
			this.sessionOnly.delete(entry.key);
			this.datasets.imported = dataset;
			this.activeKey = entry.key;
			return { stored: true };
		} catch (error) {
			const failure = failureOf(error);
			const { makeEntry } = await storage();
			const entry = makeEntry(dataset, meta);
			this.entries = [...this.entries.filter((e) => e.key !== entry.key), entry];
			this.inMemory.set(entry.key, dataset);
			this.sessionOnly.set(entry.key, failure.reason);
			this.datasets.imported = dataset;
			this.activeKey = entry.key;
			return { stored: false, ...failure };
		}
	}

	/** Shows a stored dataset, or the embedded one for null. Resolves false when it failed. */
	async activate(key: string | null): Promise<boolean> {
		this.problem = null;
		try {
			if (key === null) {
				// Back to the embedded dataset at once, even if remembering the choice fails.
				this.activeKey = null;
				this.datasets.imported = null;
				if (this.entries.every((e) => this.sessionOnly.has(e.key))) return true;
				const { setActiveKey } = await storage();
				await setActiveKey(null);
				return true;
			}
			if (!(await this.show(key, 'library'))) return false;
			if (!this.sessionOnly.has(key)) await (await storage()).setActiveKey(key);
			return true;
		} catch (error) {
			this.report(error, 'library');
			return false;
		}
	}

	/**
	 * Shows the first stored dataset (other than the active one) whose stored record `holds`
	 * something, e.g. the study of a deep link opened in a new tab. Resolves whether one was
	 * found and shown; a storage failure is reported like any other.
	 */
	async activateStoredWith(holds: (stored: unknown) => boolean): Promise<boolean> {
		try {
			const { loadDataset } = await storage();
			for (const entry of this.entries) {
				if (entry.key === this.activeKey) continue;
				if (!holds(await loadDataset(entry.key))) continue;
				await this.activate(entry.key);
				return this.activeKey === entry.key;
			}
		} catch (error) {
			this.report(error, 'restore');
		}
		return false;
	}

	/** Removes an import (stored or held for this visit). Resolves false when it failed. */
	async remove(key: string): Promise<boolean> {
		this.problem = null;
		try {
			if (!this.sessionOnly.has(key)) {
				const { removeDataset } = await storage();
				await removeDataset(key);
			}
			this.inMemory.delete(key);
			this.sessionOnly.delete(key);
			this.entries = this.entries.filter((e) => e.key !== key);
			if (this.activeKey === key) {
				this.activeKey = null;
				this.datasets.imported = null;
			}
			return true;
		} catch (error) {
			this.report(error, 'library');
			return false;
		}
	}

	/** Removes a damaged record from the stored list. Resolves false when it failed. */
	async removeDamaged(key: string): Promise<boolean> {
		this.problem = null;
		try {
			const { removeDamaged } = await storage();
			await removeDamaged(key);
			this.damaged = this.damaged.filter((d) => d.key !== key);
			return true;
		} catch (error) {
			this.report(error, 'library');
			return false;
		}
	}
}

export function provideImportLibrary(library: ImportLibrary): ImportLibrary {
	return setContext(KEY, library);
}

/** The import library of the root layout; call during component initialisation. */
export function useImportLibrary(): ImportLibrary {
	const library = getContext<ImportLibrary | undefined>(KEY);
	if (!library) throw new Error('useImportLibrary() needs the root layout to provide it');
	return library;
}
