// A small OpenAPI document with the shapes incremental re-parsing must handle: block and flow maps,
// a block scalar with a blank line, comments between and after entries.
import assert from 'node:assert/strict';

export const PETS_SPEC = [
  'openapi: 3.0.3',
  'info:',
  '  title: Pets',
  '  version: 1.0.0',
  'paths:',
  '  /pets:',
  '    get:',
  '      operationId: listPets',
  '      responses:',
  "        '200':",
  '          description: ok',
  '  /pets/{id}:',
  '    get:',
  '      operationId: getPet',
  '      description: |',
  '        Returns a pet.',
  '',
  '        Markdown **bold**.',
  '      responses:',
  "        '200': {description: ok}",
  '  # a comment between paths',
  '  /owners:',
  '    get:',
  '      responses:',
  '        default:',
  '          description: error',
  'components:',
  '  schemas:',
  '    Pet:',
  '      type: object',
  '      properties:',
  '        id: {type: integer}',
  '    Owner:',
  '      type: string',
  '# trailing comment',
  '',
].join('\n');

/** `text` with `find` (which must occur) replaced once by `by`. */
export function replaceOnce(text: string, find: string, by: string): string {
  assert.ok(text.includes(find), find);
  return text.replace(find, by);
}
