/**
 * What a reader did to a chart's prerendered copy before its code arrived (ticked a box,
 * chose an option, opened the data table, moved focus into it) is handed to the live chart
 * that replaces it, so that no click or keypress is lost in the swap.
 */

/** What can take focus in a chart. */
const FOCUSABLE = 'a[href], button, input, select, summary, [tabindex]';
/** Attributes that name one element of a chart whatever its position. */
const IDENTITY = ['data-key', 'data-result-id', 'data-testid', 'id'];

/** A CSS string: inside double quotes only the quote, the backslash and line ends need escaping. */
function quoted(value: string): string {
	return `"${value.replace(/["\\\n]/g, (c) => (c === '\n' ? '\\a ' : `\\${c}`))}"`;
}

/** The element of `to` that plays the part `element` plays in `from`. */
export function counterpart(element: Element, from: Element, to: Element): HTMLElement | null {
	// A mark and its hover target can share a key: what took focus matches what can take it.
	const focusable = element.matches(FOCUSABLE) ? `:is(${FOCUSABLE})` : '';
	for (const attribute of IDENTITY) {
		const value = element.getAttribute(attribute);
		if (value !== null) {
			const match = to.querySelector<HTMLElement>(
				`${element.localName}[${attribute}=${quoted(value)}]${focusable}`
			);
			if (match) return match;
		}
	}
	if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) {
		if (element.name) {
			const byValue = element instanceof HTMLInputElement ? `[value=${quoted(element.value)}]` : '';
			const match = to.querySelector<HTMLElement>(
				`${element.localName}[name=${quoted(element.name)}]${byValue}`
			);
			if (match) return match;
		}
	}
	const selector = element.matches(FOCUSABLE) ? FOCUSABLE : element.localName;
	const index = [...from.querySelectorAll(selector)].indexOf(element);
	return index >= 0 ? (to.querySelectorAll<HTMLElement>(selector)[index] ?? null) : null;
}

/**
 * Replays form changes, open disclosures and focus from the prerendered copy on the live
 * chart. `focused` is what had focus in the copy (the copy may already be out of the page).
 */
export function handOver(
	from: HTMLElement,
	to: HTMLElement,
	focused: Element | null = document.activeElement
): void {
	for (const box of from.querySelectorAll<HTMLInputElement>(
		'input[type=checkbox], input[type=radio]'
	)) {
		if (box.checked === box.defaultChecked) continue;
		const live = counterpart(box, from, to);
		// A click runs the live chart's own handlers, as the reader's click would have.
		if (live instanceof HTMLInputElement && live.checked !== box.checked) live.click();
	}
	for (const select of from.querySelectorAll('select')) {
		const initial = [...select.options].find((option) => option.defaultSelected)?.value;
		if (select.value === (initial ?? select.options[0]?.value)) continue;
		const live = counterpart(select, from, to);
		if (live instanceof HTMLSelectElement && live.value !== select.value) {
			live.value = select.value;
			live.dispatchEvent(new Event('input', { bubbles: true }));
			live.dispatchEvent(new Event('change', { bubbles: true }));
		}
	}
	for (const details of from.querySelectorAll('details')) {
		const live = counterpart(details, from, to);
		if (live instanceof HTMLDetailsElement) live.open = details.open;
	}
	if (focused && from.contains(focused)) counterpart(focused, from, to)?.focus();
}
