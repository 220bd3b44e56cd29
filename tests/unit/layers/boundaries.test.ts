import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import { allowedImports } from '../../../layers.config.js';

// One real file of each layer, as the importer, and one as the imported module.
const FILE_OF = {
	stats: 'src/lib/stats/proportion.ts',
	evidence: 'src/lib/evidence/queries.ts',
	text: 'src/lib/format.ts',
	charts: 'src/lib/charts/anatomy.ts',
	export: 'src/lib/export/filename.ts',
	storage: 'src/lib/storage/database-name.ts',
	components: 'src/lib/components/nav.ts',
	routes: 'src/routes/+layout.server.ts'
} as const;
const IMPORT_OF: Record<keyof typeof FILE_OF, string> = {
	stats: '$lib/stats/proportion',
	evidence: '$lib/evidence/queries',
	text: '$lib/format',
	charts: '$lib/charts/anatomy',
	export: '$lib/export/filename',
	storage: '$lib/storage/database-name',
	components: '$lib/components/ExportMenu.svelte',
	routes: '../routes/+layout.server'
};
type Layer = keyof typeof FILE_OF;
const LAYERS = Object.keys(FILE_OF) as Layer[];

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(importer: Layer, imported: Layer): Promise<string[]> {
	const request = IMPORT_OF[imported];
	// routes/ is imported relatively (no alias reaches it); resolve from the importer's folder.
	const from = FILE_OF[importer];
	const spec =
		imported === 'routes'
			? `${'../'.repeat(from.split('/').length - 2)}routes/+layout.server`
			: request;
	const [result] = await eslint.lintText(`import * as probe from '${spec}';\nexport { probe };\n`, {
		filePath: from
	});
	return result.messages
		.filter((m) => m.ruleId === 'boundaries/dependencies')
		.map((m) => m.message);
}

const table = LAYERS.flatMap((importer) =>
	LAYERS.filter((imported) => imported !== importer).map((imported) => ({
		importer,
		imported,
		allowed: (allowedImports[importer] as readonly string[]).includes(imported)
	}))
);

describe('layer boundaries (eslint-plugin-boundaries)', () => {
	test.each(table)(
		'$importer importing $imported is allowed: $allowed',
		async ({ importer, imported, allowed }) => {
			const errors = await boundaryErrors(importer, imported);
			if (allowed) expect(errors).toEqual([]);
			else
				expect(errors).toEqual([
					expect.stringContaining(
						`from elements of type "${importer}" to elements of type "${imported}"`
					)
				]);
		},
		60_000
	);

	test('charts may not import the export layer or components (the old cycle)', async () => {
		expect(await boundaryErrors('charts', 'components')).toHaveLength(1);
		expect(await boundaryErrors('charts', 'export')).toHaveLength(1);
	}, 60_000);
});
