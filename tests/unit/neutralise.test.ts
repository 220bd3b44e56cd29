/** The formula guard for CSV text cells, and its exact inverse. */
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreNeutralised } from '$lib/evidence/neutralise';

describe('neutraliseFormula', () => {
	it.each([
		['=SUM(A1)', "'=SUM(A1)"],
		['+31 6', "'+31 6"],
		['-3', "'-3"],
		['@cmd', "'@cmd"],
		['\tx', "'\tx"],
		['\rx', "'\rx"],
		["'=already", "''=already"],
		["''-x", "'''-x"],
		['plain', 'plain'],
		["'t Hooft", "'t Hooft"],
		['', ''],
		['a=b', 'a=b'],
		["'", "'"]
	])('%j → %j, and back', (text, written) => {
		expect(neutraliseFormula(text)).toBe(written);
		expect(restoreNeutralised(written)).toBe(text);
	});
});
