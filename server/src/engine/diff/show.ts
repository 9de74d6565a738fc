/** How values appear in change messages: a missing value is "none", never "undefined". */

/** Strings quoted, other values as JSON; undefined as `none`. */
export const show = (v: unknown): string => (v === undefined ? 'none' : (JSON.stringify(v) ?? String(v)));

/** Strings as they are (scheme names, URLs, dates), other values as JSON; undefined or null as `none`. */
export const plain = (v: unknown): string => (v === undefined || v === null ? 'none' : typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));
