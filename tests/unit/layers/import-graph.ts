/**
 * Import cycles over the whole source tree, .svelte files included. dpdm reads TypeScript
 * and JavaScript only, so the tree is mirrored into a temporary folder where each .svelte
 * file keeps just its <script> blocks (its imports) and `$lib/…` becomes a relative path
 * (dpdm's alias resolution does not find .svelte files); dpdm then runs on the mirror.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';

const SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/g;

function mirror(from: string, to: string, lib: string): void {
	mkdirSync(to, { recursive: true });
	for (const entry of readdirSync(from, { withFileTypes: true })) {
		const source = path.join(from, entry.name);
		const target = path.join(to, entry.name);
		if (entry.isDirectory()) {
			mirror(source, target, lib);
			continue;
		}
		let text: string;
		if (entry.name.endsWith('.svelte')) {
			const markup = readFileSync(source, 'utf8');
			text = [...markup.matchAll(SCRIPT)].map((m) => m[1]).join('\n');
		} else if (/\.(ts|js)$/.test(entry.name)) text = readFileSync(source, 'utf8');
		else continue;
		const toLib = path.relative(to, lib) || '.';
		const prefix = toLib.startsWith('.') ? toLib : `./${toLib}`;
		writeFileSync(target, text.replace(/(['"])\$lib(?=[/'"])/g, `$1${prefix}`));
	}
}

/**
 * The import cycles among the files under `root/src` (paths relative to the mirror's
 * root, as `src/…`), with `$lib` meaning `src/lib` as in SvelteKit. Type-only and dynamic
 * imports count as edges: a layer that needs another's types still depends on it.
 */
export async function importCycles(root: string): Promise<string[][]> {
	const work = mkdtempSync(path.join(tmpdir(), 'import-graph-'));
	try {
		mirror(path.join(root, 'src'), path.join(work, 'src'), path.join(work, 'src', 'lib'));
		const tree = await parseDependencyTree(['src/**/*.ts', 'src/**/*.js', 'src/**/*.svelte'], {
			cwd: work,
			context: work,
			extensions: ['', '.ts', '.js', '.svelte'],
			js: ['.ts', '.js', '.svelte'],
			transform: false,
			skipDynamicImports: false
		});
		return parseCircular(tree);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
