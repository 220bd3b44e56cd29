import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { memoiseByAddress } from '$lib/i18n/memo-locale';

// The locale is a function of the address: resolve it once per address, not once per message.
overwriteGetLocale(memoiseByAddress(getLocale, () => window.location.href));
