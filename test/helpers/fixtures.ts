/** Drops `info.contact` from a fixture spec so spectral:oas's info-contact rule has something to report. */
export function withoutContact(spec: string): string {
  return spec.replace(/^  contact:\n(    .*\n)+/m, '');
}

/** One operation with a query parameter whose enum tests remove a value from (a breaking change). */
export const ORDERS_WITH_STATUS_ENUM = [
  'openapi: 3.0.3',
  'info: {title: Orders, version: 1.0.0}',
  'paths:',
  '  /orders:',
  '    get:',
  '      parameters:',
  '        - {name: status, in: query, schema: {type: string, enum: [open, closed]}}',
  '      responses:',
  "        '200': {description: ok}",
].join('\n') + '\n';
