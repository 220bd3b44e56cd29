/**
 * A strict JSON reader for imported datasets. `JSON.parse` would do for valid files; this
 * one exists for the invalid ones: it names the line, column and dataset path of a syntax
 * error, reports duplicate keys (which `JSON.parse` silently resolves to the last value)
 * and never creates `__proto__`, `constructor` or `prototype` keys. It can also find where
 * given paths sit in the text, so validation issues can point at a line.
 *
 * The parsing is done by momoa (`@humanwhocodes/momoa`, the parser behind ESLint's JSON
 * support), whose syntax tree keeps every key, duplicates included, with its line and column.
 * Around it, this module adds only what momoa leaves to its caller: a depth limit checked
 * before parsing (momoa recurses, so a hostile file could overflow the stack), the JSON rule
 * that strings hold no raw control characters (momoa accepts them), and error messages that
 * say what was expected at the place of the error and under which dataset path.
 */
import {
	parse,
	tokenize,
	type ArrayNode,
	type DocumentNode,
	type ObjectNode,
	type Token,
	type ValueNode
} from '@humanwhocodes/momoa';
import type { IssueKind } from './issues';
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
	kind: Extract<IssueKind, 'syntax' | 'duplicate' | 'forbidden-key'>;
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
type Place = { line: number; column: number };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

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

function lineColumn(starts: number[], pos: number): Place {
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid] <= pos) lo = mid;
		else hi = mid - 1;
	}
	return { line: lo + 1, column: pos - starts[lo] + 1 };
}

/** The text momoa reads: a byte-order mark becomes a space, so columns stay those of the file. */
function withoutBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}

/**
 * Walks the text as far as strings and brackets matter, without parsing it, up to and
 * including `last`: where the nesting first goes deeper than {@link MAX_JSON_DEPTH}, where a
 * string first holds a raw control character (JSON forbids them, momoa accepts them), and
 * the string and escape that `last` falls in.
 */
function scan(text: string, last = text.length - 1) {
	let depth = 0;
	let stringStart = -1;
	let escapeStart = -1;
	let tooDeepAt = -1;
	let controlAt = -1;
	/** Object members in the text: one ":" outside strings each. */
	let members = 0;
	for (let i = 0; i <= last && i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (stringStart !== -1) {
			if (escapeStart !== -1) {
				// "\n" is two characters, "\u00e9" six.
				if (i < escapeStart + (text[escapeStart + 1] === 'u' ? 6 : 2)) continue;
				escapeStart = -1;
			}
			if (c === 0x5c) escapeStart = i;
			else if (c === 0x22) stringStart = -1;
			else if (c < 0x20 && controlAt === -1) controlAt = i;
		} else if (c === 0x22) stringStart = i;
		else if (c === 0x3a) members++;
		else if (c === 0x7b || c === 0x5b) {
			if (++depth > MAX_JSON_DEPTH && tooDeepAt === -1) {
				tooDeepAt = i;
				break;
			}
		} else if (c === 0x7d || c === 0x5d) depth--;
	}
	return { tooDeepAt, controlAt, members, stringStart, escapeStart };
}

type Frame = { kind: 'object'; key?: string } | { kind: 'array'; index: number };
type Expecting = 'value' | 'key' | 'colon' | 'comma-or-close' | 'end';

/**
 * Replays the tokens before an error: the dataset path there, what the grammar expected
 * next, and whether the last token was a comma. Only called on a prefix that tokenises.
 */
function stateAfter(tokens: Token[], text: string) {
	const frames: Frame[] = [];
	let expecting: Expecting = 'value';
	let afterComma = false;
	const valueDone = () => {
		const top = frames.at(-1);
		if (top?.kind === 'object') top.key = undefined;
		else if (top?.kind === 'array') top.index++;
		expecting = frames.length ? 'comma-or-close' : 'end';
	};
	for (const token of tokens) {
		afterComma = token.type === 'Comma';
		switch (token.type) {
			case 'LBrace':
				frames.push({ kind: 'object' });
				expecting = 'key';
				break;
			case 'LBracket':
				frames.push({ kind: 'array', index: 0 });
				expecting = 'value';
				break;
			case 'RBrace':
			case 'RBracket':
				frames.pop();
				valueDone();
				break;
			case 'Colon':
				expecting = 'value';
				break;
			case 'Comma':
				expecting = frames.at(-1)?.kind === 'object' ? 'key' : 'value';
				break;
			case 'String': {
				const top = frames.at(-1);
				if (expecting === 'key' && top?.kind === 'object') {
					top.key = JSON.parse(text.slice(token.loc.start.offset, token.loc.end.offset));
					expecting = 'colon';
				} else valueDone();
				break;
			}
			default:
				valueDone();
		}
	}
	return { frames, expecting, afterComma };
}

function pathOf(frames: Frame[], withPendingIndex: boolean): string {
	const segments: Segment[] = [];
	frames.forEach((frame, i) => {
		if (frame.kind === 'object') {
			if (frame.key !== undefined) segments.push(frame.key);
		} else if (i < frames.length - 1 || withPendingIndex) segments.push(frame.index);
	});
	return formatPath(segments);
}

/** The dataset path and the grammar's expectation at an offset where the text stops being JSON. */
function contextAt(text: string, offset: number) {
	try {
		return stateAfter(tokenize(text.slice(0, offset), { mode: 'json' }), text);
	} catch {
		return undefined;
	}
}

/** A syntax error at an offset, said as what was found and what was expected there. */
function describeSyntaxError(text: string, errorOffset: number): Syntax {
	let pos = Math.min(errorOffset, text.length);
	const inString = scan(text, pos);
	// A string that starts at the error is the unexpected token itself, not one it falls in.
	if (inString.stringStart !== -1 && inString.stringStart < pos) {
		const start = inString.stringStart;
		const at = contextAt(text, start);
		const path = at ? pathOf(at.frames, at.expecting === 'value') : '(root)';
		if (pos >= text.length) return { pos: start, path, message: 'a string is never closed' };
		const escape = inString.escapeStart;
		if (escape !== -1) {
			const letter = text[escape + 1];
			const message =
				letter === 'u'
					? 'a \\u escape needs four hex digits'
					: `invalid escape "\\${letter ?? ''}" in a string`;
			return { pos: escape, path, message };
		}
		return {
			pos,
			path,
			message: `${describeChar(text, pos)} inside a string; write it as an escape such as \\n`
		};
	}
	// A number followed by a stray digit ("01"): the error is after the number, not at it.
	NUMBER.lastIndex = pos;
	const number = NUMBER.exec(text)?.[0];
	if (number && number !== '-' && /[\d.]/.test(text[pos + number.length] ?? ''))
		pos += number.length;
	else {
		// A number cut short ("1.", "1e", "-"): the error is the number, said as such.
		let start = pos;
		while (start > 0 && /[\d.eE+-]/.test(text[start - 1])) start--;
		const run = text.slice(start, pos + 1).match(/^[\d.eE+-]+/)?.[0] ?? '';
		if (/^-|^\d/.test(run) && !/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(run)) {
			const at = contextAt(text, start);
			return {
				pos: start,
				path: at ? pathOf(at.frames, at.expecting === 'value') : '(root)',
				message: 'invalid number'
			};
		}
	}
	const at = contextAt(text, pos);
	const found = `unexpected ${describeChar(text, pos)}`;
	if (!at) return { pos, path: '(root)', message: found };
	const closer = text[pos] === '}' || text[pos] === ']';
	if (at.afterComma && closer)
		return {
			pos,
			path: pathOf(at.frames, false),
			message: `a comma before "${text[pos]}": remove the trailing comma`
		};
	const top = at.frames.at(-1);
	const close = top?.kind === 'object' ? '}' : ']';
	const expected: Record<Expecting, string> = {
		value: `${found}; expected a value`,
		key: `${found}; expected a quoted key`,
		colon: `${found}; expected ":" after the key`,
		'comma-or-close': `${found}; expected "," or "${close}"`,
		end: `${found} after the end of the JSON value`
	};
	return {
		pos,
		path: pathOf(at.frames, at.expecting === 'value'),
		message: expected[at.expecting]
	};
}

interface Found {
	pos: number;
	path: string;
	message: string;
	kind: TextIssue['kind'];
}

/**
 * The value of a syntax tree as `JSON.parse` gives it (the last of duplicate keys wins),
 * except that forbidden keys are dropped; both are reported. Depth is bounded by the scan.
 */
function evaluate(node: ValueNode, text: string, path: Segment[], found: Found[]): unknown {
	switch (node.type) {
		case 'Object':
			return evaluateObject(node, text, path, found);
		case 'Array':
			return evaluateArray(node, text, path, found);
		case 'Number':
			// From the text, as JSON.parse reads it (keeps -0).
			return Number(text.slice(node.loc.start.offset, node.loc.end.offset));
		case 'Null':
			return null;
		case 'String':
		case 'Boolean':
			return node.value;
		default:
			// JSON mode has no other nodes (NaN, Infinity and identifiers are JSON5).
			throw new Error(`unexpected ${node.type} node`);
	}
}

function evaluateObject(node: ObjectNode, text: string, path: Segment[], found: Found[]) {
	const out: Record<string, unknown> = {};
	const keys = new Set<string>();
	for (const member of node.members) {
		const key = member.name.type === 'String' ? member.name.value : member.name.name;
		path.push(key);
		const pos = member.name.loc.start.offset;
		if (FORBIDDEN_KEYS.has(key)) {
			found.push({
				pos,
				path: formatPath(path),
				message: `forbidden key "${key}"`,
				kind: 'forbidden-key'
			});
		} else {
			if (keys.has(key))
				found.push({
					pos,
					path: formatPath(path),
					message: `duplicate key "${key}": the file gives this field twice`,
					kind: 'duplicate'
				});
			keys.add(key);
			out[key] = evaluate(member.value, text, path, found);
		}
		path.pop();
	}
	return out;
}

function evaluateArray(node: ArrayNode, text: string, path: Segment[], found: Found[]) {
	return node.elements.map((element, i) => {
		path.push(i);
		const value = evaluate(element.value, text, path, found);
		path.pop();
		return value;
	});
}

type Syntax = { pos: number; path: string; message: string };

/** The syntax tree of a text, or its first syntax error. */
function parseTree(
	text: string,
	{ tooDeepAt, controlAt }: ReturnType<typeof scan> = scan(text)
): { tree: DocumentNode } | { error: Syntax } {
	if (!text.trim())
		return { error: { pos: text.length, path: '(root)', message: 'the file is empty' } };
	if (tooDeepAt !== -1) {
		const at = contextAt(text, tooDeepAt);
		const path = at ? pathOf(at.frames, at.expecting === 'value') : '(root)';
		return {
			error: { pos: tooDeepAt, path, message: `nested deeper than ${MAX_JSON_DEPTH} levels` }
		};
	}
	let tree: DocumentNode;
	try {
		tree = parse(text, { mode: 'json' });
	} catch (error) {
		const offset = (error as { offset?: unknown }).offset;
		if (typeof offset !== 'number') throw error;
		const first = controlAt !== -1 && controlAt < offset ? controlAt : offset;
		return { error: describeSyntaxError(text, first) };
	}
	return controlAt === -1 ? { tree } : { error: describeSyntaxError(text, controlAt) };
}

/**
 * Whether a value read by `JSON.parse` is exactly what the text says: as many keys as the
 * text has members (so no key was given twice) and none of them forbidden. Iterative.
 */
function distinctSafeKeys(value: unknown, members: number): boolean {
	let keys = 0;
	const stack = [value];
	while (stack.length) {
		const item = stack.pop();
		if (item === null || typeof item !== 'object') continue;
		if (Array.isArray(item)) {
			for (const element of item) stack.push(element);
			continue;
		}
		for (const key of Object.keys(item)) {
			if (FORBIDDEN_KEYS.has(key)) return false;
			keys++;
			stack.push((item as Record<string, unknown>)[key]);
		}
	}
	return keys === members;
}

/**
 * Reads JSON text. Never throws: a syntax error comes back as an issue with line and column.
 *
 * A sound file (the usual case) is read by `JSON.parse`, which is many times faster than any
 * parser written in JavaScript; momoa's syntax tree is built only when there is a problem to
 * place: a syntax error, a duplicate or forbidden key, or a control character in a string.
 */
export function parseJsonText(original: string): JsonTextResult {
	const text = withoutBom(original);
	const scanned = scan(text);
	if (scanned.tooDeepAt === -1 && scanned.controlAt === -1) {
		try {
			const value: unknown = JSON.parse(text);
			if (distinctSafeKeys(value, scanned.members)) return { value, issues: [] };
		} catch {
			// Described below, with its place.
		}
	}
	let starts: number[] | undefined;
	const place = (pos: number) => lineColumn((starts ??= lineStarts(text)), pos);
	const read = parseTree(text, scanned);
	if ('error' in read) {
		const { pos, path, message } = read.error;
		return { issues: [{ ...place(pos), path, message, kind: 'syntax' }] };
	}
	const found: Found[] = [];
	const value = evaluate(read.tree.body, text, [], found);
	return {
		value,
		issues: found.map(({ pos, path, message, kind }) => ({ ...place(pos), path, message, kind }))
	};
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
	const out = new Map<string, Place>();
	const read = parseTree(withoutBom(text));
	// Only called on texts that parsed; anything else has no places to give.
	if (!('tree' in read)) return out;
	const candidates = new Set<string>();
	for (const path of requested) for (const p of ancestors(path)) candidates.add(p);
	const positions = new Map<string, Place>();
	// Every ancestor of a wanted path is a candidate too, so the walk goes down those only.
	const visit = (node: ValueNode, segments: Segment[]) => {
		const path = formatPath(segments);
		if (!candidates.has(path)) return;
		positions.set(path, node.loc.start);
		if (node.type === 'Object')
			for (const member of node.members) {
				const key = member.name.type === 'String' ? member.name.value : member.name.name;
				visit(member.value, [...segments, key]);
			}
		else if (node.type === 'Array')
			node.elements.forEach((element, i) => visit(element.value, [...segments, i]));
	};
	visit(read.tree.body, []);
	for (const path of requested) {
		const hit = ancestors(path).find((p) => positions.has(p));
		if (hit !== undefined) {
			const { line, column } = positions.get(hit)!;
			out.set(path, { line, column });
		}
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
