// The part of jsdom's API the e2e tests use (jsdom ships no types; @types/jsdom is not installed).
declare module 'jsdom' {
	export class JSDOM {
		constructor(markup?: string, options?: { contentType?: string });
		readonly window: Window & typeof globalThis;
	}
}
