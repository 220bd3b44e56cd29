import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kaplanMeier, reconstructIPD } from '$lib/stats';
import { parseCsv } from '$lib/evidence/csv';
import { IPD_CSV_HEADER, reconstructedIpdCsv } from './ipd-csv';

const ipd = reconstructIPD({
	points: [
		{ time: 2, survival: 0.9 },
		{ time: 4, survival: 0.8 },
		{ time: 6, survival: 0.6 },
		{ time: 8, survival: 0.5 }
	],
	atRisk: [
		{ time: 0, n: 10 },
		{ time: 5, n: 6 }
	]
});
const csv = reconstructedIpdCsv([
	{ label: 'Arm, B (synthetic)', timeUnit: 'months', ipd, source: 'Synthetic 2024, Figure 2' }
]);

describe('reconstructedIpdCsv', () => {
	it('has the header, no BOM, one row per patient, CRLF line ends', () => {
		expect(csv.startsWith('arm,time,status,')).toBe(true);
		expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + ipd.time.length);
	});

	it('parses back to the same patients and provenance', () => {
		const parsed = parseCsv(csv);
		expect(parsed.issues).toEqual([]);
		const rows = parsed.records.map((r) => r.cells);
		expect(rows[0]).toEqual(IPD_CSV_HEADER);
		const body = rows.slice(1);
		expect(body.map((r) => Number(r[1]))).toEqual(ipd.time);
		expect(body.map((r) => Number(r[2]))).toEqual(ipd.event);
		expect(new Set(body.map((r) => r[0]))).toEqual(new Set(['Arm, B (synthetic)']));
		expect(body[0][4]).toBe('Synthetic 2024, Figure 2');
		const again = kaplanMeier({
			time: body.map((r) => Number(r[1])),
			event: body.map((r) => Number(r[2]) as 0 | 1)
		});
		expect(again.surv).toEqual(kaplanMeier(ipd).surv);
	});

	// Needs R (not on CI): IPD_CSV_WITH_R=1 npx vitest run src/lib/charts/km/ipd-csv.test.ts
	it.runIf(process.env.IPD_CSV_WITH_R === '1')(
		'R survfit reads it as it is',
		{ timeout: 60_000 },
		() => {
			const dir = mkdtempSync(join(tmpdir(), 'ipd-csv-'));
			writeFileSync(join(dir, 'ipd.csv'), csv);
			const out = execFileSync('Rscript', [
				'-e',
				`library(survival); d <- read.csv("${join(dir, 'ipd.csv')}"); cat(nrow(d), sum(d$status), summary(survfit(Surv(time, status) ~ 1, data = d))$surv[1])`
			]).toString();
			expect(out.trim().split(' ').slice(0, 2)).toEqual(['10', '4']);
		}
	);
});
