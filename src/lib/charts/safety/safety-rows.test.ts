import { describe, expect, it } from 'vitest';
import type { SafetyProfile } from '$lib/evidence/schema';
import { examplimab } from '../fixtures/examplimab';
import { profileRoles, safetyRows, safetyTidyRows, termKey, unmatched } from './safety-rows';

const [now, old, overview] = examplimab.safety;

describe('profileRoles: plot the label with most frequencies, compare the others, list the rest', () => {
	it.each([
		['fixture order', [now, old, overview], 'now', ['old'], ['overview']],
		['any order', [overview, old, now], 'now', ['old'], ['overview']],
		['only a qualitative list', [overview], undefined, [], ['overview']],
		[
			'a tie goes to the label with a population size',
			[old, { ...now, id: 'tie', reactions: now.reactions.slice(0, 2) }],
			'tie',
			['old'],
			[]
		]
	] as [string, SafetyProfile[], string | undefined, string[], string[]][])(
		'%s',
		(_, profiles, primary, comparisons, qualitative) => {
			const roles = profileRoles(profiles);
			expect(roles.primary?.id).toBe(primary);
			expect(roles.comparisons.map((p) => p.id)).toEqual(comparisons);
			expect(roles.qualitative.map((p) => p.id)).toEqual(qualitative);
		}
	);
});

describe('termKey matches the same reaction written differently', () => {
	it.each([
		['Neutropenia / febrile neutropenia', 'neutropenia febrile neutropenia'],
		['  Cytokine  release syndrome', 'cytokine release syndrome'],
		['Œdème', 'œdeme'],
		['Anaemia', 'anaemia']
	])('%s → %s', (term, key) => {
		expect(termKey(term)).toBe(termKey(key));
	});
});

describe('safetyRows', () => {
	const rows = safetyRows(now, [old]);

	it('sorts by frequency, most frequent first', () => {
		expect(rows.map((r) => [r.term, r.value, r.serious])).toEqual([
			['Pyrexia', 60, false],
			['Infections', 40.4, false],
			['Headache', 30.2, false],
			['Infections', 20.5, true],
			['Cytokine release syndrome', 3.1, true]
		]);
	});

	it('compares only the same reaction in the same category', () => {
		expect(rows.map((r) => r.others.map((o) => `${o.profile.id}:${o.value}`))).toEqual([
			[],
			[], // "Infections" among the most common is not the serious "Infections" of 2016
			[],
			['old:28'],
			['old:0.5']
		]);
		expect(unmatched(rows, [old])).toEqual([]);
	});

	it.each([
		['serious before common at equal frequency', 'most-common', 'most-serious', ['b', 'a']],
		['then alphabetical', 'most-common', 'most-common', ['a', 'b']]
	] as const)('ties: %s', (_, catA, catB, order) => {
		const profile: SafetyProfile = {
			...now,
			reactions: [
				{ ...now.reactions[0], id: 'a', term: 'A', percent: 10, category: catA },
				{ ...now.reactions[0], id: 'b', term: 'B', percent: 10, category: catB }
			]
		};
		expect(safetyRows(profile, []).map((r) => r.key)).toEqual(order);
	});

	it('reports comparison reactions with no partner', () => {
		const extra: SafetyProfile = {
			...old,
			reactions: [...old.reactions, { ...old.reactions[0], id: 'old-tls', term: 'Tumour lysis' }]
		};
		expect(unmatched(safetyRows(now, [extra]), [extra]).map((r) => r.id)).toEqual(['old-tls']);
	});

	it('gives a tidy row per plotted figure with the label version and N', () => {
		const tidy = safetyTidyRows(rows, now, {
			sourceCitation: (id) => `cite:${id}`,
			categoryLabel: (c) => c,
			unit: '%'
		});
		expect(tidy).toHaveLength(7);
		expect(tidy[3]).toMatchObject({
			arm: 'Label section 4.8 (current)',
			endpoint: 'Infections (most-serious)',
			value: 20.5,
			total: 500,
			source: 'cite:label-now'
		});
		expect(tidy[4]).toMatchObject({
			arm: '2016 label',
			value: 28,
			total: null,
			source: 'cite:label-old'
		});
	});
});
