/**
 * A strict JSON reader for imported datasets. `JSON.parse` would do for valid files; this
 * one exists for the invalid ones: it names the line, column and dataset path of a syntax
 * error, reports duplicate keys (which `JSON.parse` silently resolves to the last value)
 * and never creates `__proto__`, `constructor` or `prototype` keys. It can also find where
 * given paths sit in the text, so validation issues can point at a line.
 */
import { FORBIDDEN_KEYS, formatPath } from './validate';

/** A problem found while reading the text, with its place in the file. */
export interface TextIssue {
	/** 1-based line. */
	line: number;
	/** 1-based column (in characters). */
	column: number;
	/** Dataset path at that place, e.g. `studies[2].arms[0]`, or `(root)`. */
	path: string;
	message: string;
	kind: 'syntax' | 'duplicate-key' | 'forbidden-key';
}

export interface JsonTextResult {
	/** The value read; absent after a syntax error. */
	value?: unknown;
	/** Syntax error (at most one, reading stops there), duplicate and forbidden keys. */
	issues: TextIssue[];
}

/** Deeper than any dataset needs; stops a hostile file from exhausting the stack. */
export const MAX_JSON_DEPTH = 256;

type Segment = string | number;

class Stop {
	constructor(
		readonly message: string,
		readonly pos: number
	) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = {
	'"': '"',
	'\\': '\\',
	'/': '/',
	b: '\b',
	f: '\f',
	n: '\n',
	r: '\r',
	t: '\t'
};

function describeChar(text: string, pos: number): string {
	if (pos >= text.length) return 'end of file';
	const c = text[pos];
	if (c === '\n' || c === '\r') return 'a line break';
	if (c.charCodeAt(0) < 0x20)
		return `control character U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
	return `"${c}"`;
}

/** Line starts of a text, for turning offsets into line and column. */
function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
	return starts;
}

function lineColumn(starts: number[], pos: number): { line: number; column: number } {
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid] <= pos) lo = mid;
		else hi = mid - 1;
	}
	return { line: lo + 1, column: pos - starts[lo] + 1 };
}

class Reader {
	i = 0;
	readonly path: Segment[] = [];
	readonly found: { pos: number; path: string; message: string; kind: TextIssue['kind'] }[] = [];

	constructor(
		readonly text: string,
		/** Called with the path and offset of every value, when locating paths. */
		readonly onValue?: (path: readonly Segment[], pos: number) => void
	) {}

	fail(message: string, pos = this.i): never {
		throw new Stop(message, pos);
	}

	space() {
		const t = this.text;
		let i = this.i;
		for (;;) {
			const c = t.charCodeAt(i);
			if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
			else break;
		}
		this.i = i;
	}

	value(depth: number): unknown {
		this.space();
		this.onValue?.(this.path, this.i);
		const c = this.text[this.i];
		if (c === '{') return this.object(depth + 1);
		if (c === '[') return this.array(depth + 1);
		if (c === '"') return this.string();
		if (c === '-' || (c >= '0' && c <= '9')) return this.number();
		for (const [word, value] of [
			['true', true],
			['false', false],
			['null', null]
		] as const)
			if (this.text.startsWith(word, this.i)) {
				this.i += word.length;
				return value;
			}
		this.fail(`unexpected ${describeChar(this.text, this.i)}; expected a value`);
	}

	object(depth: number): Record<string, unknown> {
		if (depth > MAX_JSON_DEPTH) this.fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
		this.i++;
		const out: Record<string, unknown> = {};
		const keys = new Set<string>();
		this.space();
		if (this.text[this.i] === '}') {
			this.i++;
			return out;
		}
		for (;;) {
			this.space();
			if (this.text[this.i] !== '"')
				this.fail(`unexpected ${describeChar(this.text, this.i)}; expected a quoted key`);
			const keyPos = this.i;
			const key = this.string();
			this.path.push(key);
			this.space();
			if (this.text[this.i] !== ':')
				this.fail(`unexpected ${describeChar(this.text, this.i)}; expected ":" after the key`);
			this.i++;
			const at = () => formatPath(this.path);
			if (FORBIDDEN_KEYS.has(key)) {
				this.found.push({
					pos: keyPos,
					path: at(),
					message: `forbidden key "${key}"`,
					kind: 'forbidden-key'
				});
				this.value(depth); // read and drop: never assigned
			} else {
				if (keys.has(key))
					this.found.push({
						pos: keyPos,
						path: at(),
						message: `duplicate key "${key}": the file gives this field twice`,
						kind: 'duplicate-key'
					});
				keys.add(key);
				out[key] = this.value(depth);
			}
			this.path.pop();
			this.space();
			const c = this.text[this.i];
			this.i++;
			if (c === ',') {
				this.space();
				if (this.text[this.i] === '}') this.fail('a comma before "}": remove the trailing comma');
				continue;
			}
			if (c === '}') return out;
			this.fail(
				`unexpected ${describeChar(this.text, this.i - 1)}; expected "," or "}"`,
				this.i - 1
			);
		}
	}

	array(depth: number): unknown[] {
		if (depth > MAX_JSON_DEPTH) this.fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
		this.i++;
		const out: unknown[] = [];
		this.space();
		if (this.text[this.i] === ']') {
			this.i++;
			return out;
		}
		for (;;) {
			this.path.push(out.length);
			out.push(this.value(depth));
			this.path.pop();
			this.space();
			const c = this.text[this.i];
			this.i++;
			if (c === ',') {
				this.space();
				if (this.text[this.i] === ']') this.fail('a comma before "]": remove the trailing comma');
				continue;
			}
			if (c === ']') return out;
			this.fail(
				`unexpected ${describeChar(this.text, this.i - 1)}; expected "," or "]"`,
				this.i - 1
			);
		}
	}

	string(): string {
		const t = this.text;
		const start = ++this.i;
		let out = '';
		let chunk = start;
		for (;;) {
			const i = this.i;
			if (i >= t.length) this.fail('a string is never closed', start - 1);
			const c = t.charCodeAt(i);
			if (c === 0x22) {
				this.i = i + 1;
				return out + t.slice(chunk, i);
			}
			if (c < 0x20)
				this.fail(`${describeChar(t, i)} inside a string; write it as an escape such as \\n`);
			if (c !== 0x5c) {
				this.i = i + 1;
				continue;
			}
			out += t.slice(chunk, i);
			const e = t[i + 1];
			if (e === 'u') {
				const hex = t.slice(i + 2, i + 6);
				if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('a \\u escape needs four hex digits', i);
				out += String.fromCharCode(parseInt(hex, 16));
				this.i = i + 6;
			} else if (e !== undefined && e in ESCAPES) {
				out += ESCAPES[e];
				this.i = i + 2;
			} else this.fail(`invalid escape "\\${e ?? ''}" in a string`, i);
			chunk = this.i;
		}
	}

	number(): number {
		NUMBER.lastIndex = this.i;
		const match = NUMBER.exec(this.text);
		if (!match || !match[0] || match[0] === '-') this.fail('invalid number');
		this.i += match[0].length;
		return Number(match[0]);
	}

	document(): unknown {
		if (this.text.charCodeAt(0) === 0xfeff) this.i = 1;
		this.space();
		if (this.i >= this.text.length) this.fail('the file is empty');
		const value = this.value(0);
		this.space();
		if (this.i < this.text.length)
			this.fail(`unexpected ${describeChar(this.text, this.i)} after the end of the JSON value`);
		return value;
	}
}

/** Reads JSON text. Never throws: a syntax error comes back as an issue with line and column. */
export function parseJsonText(text: string): JsonTextResult {
	const reader = new Reader(text);
	let starts: number[] | undefined;
	const place = (pos: number) => lineColumn((starts ??= lineStarts(text)), pos);
	const found = () =>
		reader.found.map(({ pos, path, message, kind }) => ({ ...place(pos), path, message, kind }));
	try {
		const value = reader.document();
		return { value, issues: found() };
	} catch (error) {
		if (!(error instanceof Stop)) throw error;
		const syntax: TextIssue = {
			...place(error.pos),
			path: formatPath(reader.path),
			message: error.message,
			kind: 'syntax'
		};
		return { issues: [...found(), syntax] };
	}
}

/**
 * Where each of the given dataset paths starts in a valid JSON text. A path the text does
 * not contain (a missing field) is placed at its nearest ancestor that it does contain.
 */
export function locateJsonPaths(
	text: string,
	paths: Iterable<string>
): Map<string, { line: number; column: number }> {
	const requested = [...paths];
	const positions = new Map<string, number>();
	const candidates = new Set<string>();
	for (const path of requested) for (const p of ancestors(path)) candidates.add(p);
	const reader = new Reader(text, (segments, pos) => {
		const path = formatPath(segments);
		if (candidates.has(path)) positions.set(path, pos);
	});
	try {
		reader.document();
	} catch {
		// Only called on texts that parsed; a failure leaves the positions found so far.
	}
	const starts = lineStarts(text);
	const out = new Map<string, { line: number; column: number }>();
	for (const path of requested) {
		const hit = ancestors(path).find((p) => positions.has(p));
		if (hit !== undefined) out.set(path, lineColumn(starts, positions.get(hit)!));
	}
	return out;
}

/** `a.b[2].c` → [`a.b[2].c`, `a.b[2]`, `a.b`, `a`, `(root)`]. */
export function ancestors(path: string): string[] {
	const out = [path];
	let p = path;
	for (;;) {
		const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
		if (cut <= 0) break;
		p = p.slice(0, cut);
		out.push(p);
	}
	if (path !== '(root)') out.push('(root)');
	return out;
}
