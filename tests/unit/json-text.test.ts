/** The strict JSON reader used for imports: same values as JSON.parse, better errors. */
import { describe, expect, it } from 'vitest';
import { ancestors, locateJsonPaths, parseJsonText } from '$lib/evidence/json-text';

describe('parseJsonText reads what JSON.parse reads', () => {
	it.each([
		'{}',
		'[]',
		'  {"a": 1, "b": [true, false, null], "c": {"d": "e"}}  ',
		'"\\u00e9\\n\\t\\"\\\\\\/"',
		'-0.5e+3',
		'[1, -2, 3.25, 1E2, 0]',
		'{"nested": [[[[{"x": []}]]]]}',
		'"ë ≥ 😀"'
	])('%s', (text) => {
		const read = parseJsonText(text);
		expect(read.issues).toEqual([]);
		expect(read.value).toEqual(JSON.parse(text));
	});

	it('skips a byte-order mark', () => {
		expect(parseJsonText('\uFEFF{"a": 1}').value).toEqual({ a: 1 });
	});
});

describe('parseJsonText names line, column and path of a syntax error', () => {
	it.each([
		['{"a": 1,}', 1, 9, '(root)', 'trailing comma'],
		['{\n  "a": [1, 2,]\n}', 2, 14, 'a', 'trailing comma'],
		['{"a" 1}', 1, 6, 'a', 'expected ":"'],
		['{"a": [1 2]}', 1, 10, 'a', 'expected "," or "]"'],
		['{"a": "open', 1, 7, 'a', 'never closed'],
		['{"a": "line\nbreak"}', 1, 12, 'a', 'inside a string'],
		['{"a": "\\x"}', 1, 8, 'a', 'invalid escape'],
		['{"a": tru}', 1, 7, 'a', 'expected a value'],
		['{"a": 01}', 1, 8, '(root)', 'expected "," or "}"'],
		['', 1, 1, '(root)', 'empty'],
		['{} x', 1, 4, '(root)', 'after the end'],
		['{"studies": [{"arms": [{"n": }]}]}', 1, 30, 'studies[0].arms[0].n', 'expected a value'],
		['{"a": "x\u0001"}', 1, 9, 'a', 'control character U+0001 inside a string'],
		['{"a": ["\\u12"]}', 1, 9, 'a[0]', 'four hex digits'],
		['{"a": -}', 1, 7, 'a', 'invalid number'],
		['[1.]', 1, 2, '[0]', 'invalid number'],
		['{,}', 1, 2, '(root)', 'expected a quoted key'],
		["{'a': 1}", 1, 2, '(root)', 'expected a quoted key'],
		['{"a": 1 /* note */}', 1, 9, '(root)', 'expected "," or "}"'],
		['[1]]', 1, 4, '(root)', 'after the end']
	])('%j', (text, line, column, path, words) => {
		const read = parseJsonText(text);
		expect(read.value).toBeUndefined();
		expect(read.issues).toHaveLength(1);
		expect(read.issues[0]).toMatchObject({ line, column, path, kind: 'syntax' });
		expect(read.issues[0].message).toContain(words);
	});

	it('stops at a nesting depth no dataset needs, without overflowing the stack', () => {
		const read = parseJsonText('['.repeat(100_000));
		expect(read.issues[0].message).toContain('nested deeper');
	});
});

describe('parseJsonText reports keys that JSON.parse would accept silently', () => {
	it('reports a duplicate key (the last value is kept, as in JSON.parse)', () => {
		const read = parseJsonText('{"a": 1,\n "a": 2}');
		expect(read.value).toEqual({ a: 2 });
		expect(read.issues).toEqual([
			expect.objectContaining({ path: 'a', line: 2, column: 2, kind: 'duplicate' })
		]);
	});

	it.each(['__proto__', 'constructor', 'prototype'])(
		'reports and never assigns %s, at any depth',
		(key) => {
			const read = parseJsonText(`{"x": [{"${key}": {"polluted": true}}]}`);
			expect(read.issues).toEqual([
				expect.objectContaining({ path: `x[0].${key}`, kind: 'forbidden-key' })
			]);
			const inner = (read.value as { x: object[] }).x[0];
			expect(Object.keys(inner)).toEqual([]);
			expect(Object.getPrototypeOf(inner)).toBe(Object.prototype);
			expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		}
	);
});

describe('locateJsonPaths', () => {
	const text =
		'{\n  "studies": [\n    {\n      "id": "a",\n      "arms": [{"n": -3}]\n    }\n  ]\n}';
	it('finds where a path starts, or its nearest ancestor for a missing field', () => {
		const places = locateJsonPaths(text, ['studies[0].arms[0].n', 'studies[0].name', '(root)']);
		expect(places.get('studies[0].arms[0].n')).toEqual({ line: 5, column: 22 });
		expect(places.get('studies[0].name')).toEqual({ line: 3, column: 5 });
		expect(places.get('(root)')).toEqual({ line: 1, column: 1 });
	});

	it('lists the ancestors of a path', () => {
		expect(ancestors('a.b[2].c')).toEqual(['a.b[2].c', 'a.b[2]', 'a.b', 'a', '(root)']);
	});
});
