import { getContext, setContext } from 'svelte';
import type { DatasetState } from '$lib/components/dataset-context.svelte';
import type { ImportFormat } from '$lib/evidence/dataset-import';
import { loadStatsEngine } from '$lib/evidence/intervals';
import type { Dataset } from '$lib/evidence/schema';
import { certainlyNoDatabase } from '$lib/storage/database-name';
import type { StorageFailure, StoredEntry } from '$lib/storage/imported-datasets';

// Loaded on demand, so that a page without an imported dataset ships none of it: storage
// (a small module, read once at start), validation and the statistics module (only when a
// stored dataset is shown or a new one added).
const storage = () => import('$lib/storage/imported-datasets');

const KEY = Symbol('imported-library');

/** Something the page must tell the user about storage; never swallowed. */
export type LibraryProblem =
	{ kind: StorageFailure; detail: string } | { kind: 'stored-invalid'; detail: string };

/**
 * The imported datasets kept in this browser and which one is shown. Activating one sets
 * `DatasetState.imported`; choosing the embedded dataset clears it. The embedded dataset
 * is never stored.
 */
export class ImportLibrary {
	entries: StoredEntry[] = $state([]);
	activeKey: string | null = $state(null);
	/** True until the stored list and the active dataset have been read. */
	restoring = $state(true);
	problem: LibraryProblem | null = $state(null);

	constructor(private readonly datasets: DatasetState) {}

	get active(): StoredEntry | undefined {
		return this.entries.find((e) => e.key === this.activeKey);
	}

	private report(error: unknown) {
		// A StorageError carries its reason; anything else is reported as it is.
		const reason = error instanceof Error && 'reason' in error ? error.reason : undefined;
		this.problem =
			reason === 'quota' || reason === 'unavailable' || reason === 'failed'
				? { kind: reason, detail: (error as Error).message }
				: { kind: 'failed', detail: String(error) };
	}

	/** Reads the stored list and shows the active imported dataset, if any. Called once on load. */
	async restore(): Promise<void> {
		try {
			// Nothing was ever imported in this browser: nothing to list or show.
			if (await certainlyNoDatabase()) return;
			const { listStored, getActiveKey } = await storage();
			this.entries = await listStored();
			const key = await getActiveKey();
			if (key) await this.show(key);
		} catch (error) {
			// No storage (private mode, disabled): the embedded dataset stays; say so only on /data.
			this.report(error);
		} finally {
			this.restoring = false;
		}
	}

	/** Loads, re-validates and shows a stored dataset. */
	private async show(key: string): Promise<boolean> {
		const { loadDataset, setActiveKey } = await storage();
		const stored = await loadDataset(key);
		const { revalidate } = await import('./run-import');
		const outcome = stored === undefined ? undefined : await revalidate(stored);
		if (!outcome?.ok) {
			this.problem = {
				kind: 'stored-invalid',
				detail:
					outcome && !outcome.ok ? `${outcome.issues[0]?.path}: ${outcome.issues[0]?.message}` : key
			};
			await setActiveKey(null);
			this.activeKey = null;
			this.datasets.imported = null;
			return false;
		}
		// Its intervals and effects are computed in the browser: load the engine first.
		await loadStatsEngine();
		this.datasets.imported = outcome.dataset;
		this.activeKey = key;
		return true;
	}

	/**
	 * Stores a validated dataset and shows it. Resolves false, with `problem` set, when it could
	 * not be stored; the shown dataset then stays as it was.
	 */
	async add(dataset: Dataset, fileName: string, format: ImportFormat): Promise<boolean> {
		this.problem = null;
		try {
			const [{ saveDataset }, { summariseDataset }] = await Promise.all([
				storage(),
				import('$lib/evidence/dataset-import'),
				loadStatsEngine()
			]);
			const entry = await saveDataset(
				dataset,
				{ fileName, format, summary: summariseDataset(dataset) },
				{ activate: true }
			);
			this.entries = [...this.entries.filter((e) => e.key !== entry.key), entry];
			this.datasets.imported = dataset;
			this.activeKey = entry.key;
			return true;
		} catch (error) {
			this.report(error);
			return false;
		}
	}

	/** Shows a stored dataset, or the embedded one for null. */
	async activate(key: string | null): Promise<void> {
		this.problem = null;
		try {
			if (key === null) {
				// Back to the embedded dataset at once, even if remembering the choice fails.
				this.activeKey = null;
				this.datasets.imported = null;
				const { setActiveKey } = await storage();
				await setActiveKey(null);
			} else if (await this.show(key)) await (await storage()).setActiveKey(key);
		} catch (error) {
			this.report(error);
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
			this.report(error);
		}
		return false;
	}

	async remove(key: string): Promise<void> {
		this.problem = null;
		try {
			const { removeDataset } = await storage();
			await removeDataset(key);
			this.entries = this.entries.filter((e) => e.key !== key);
			if (this.activeKey === key) {
				this.activeKey = null;
				this.datasets.imported = null;
			}
		} catch (error) {
			this.report(error);
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
