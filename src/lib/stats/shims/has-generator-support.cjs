// Stand-in for @stdlib/assert-has-generator-support (see vite.config.ts). The original probes
// with eval('"use strict"; (function* () {})'), which a Content-Security-Policy without
// 'unsafe-eval' reports as a violation every time the statistics load. Every browser the site
// supports has generator functions (ES2015), so the answer is known at build time.
module.exports = function hasGeneratorSupport() {
	return true;
};
