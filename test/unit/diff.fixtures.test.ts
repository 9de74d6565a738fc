/** One fixture pair per change id (besides the generated schema ids): id, level and pointer. */
import { test } from 'node:test';
import { CASES } from '../fixtures/diff/cases';
import { diffDocs, expectChange } from './diffHelpers';

for (const fixture of CASES) {
  test(`${fixture.id}`, () => {
    const result = diffDocs(fixture.base, fixture.revision, fixture.files?.base, fixture.files?.revision, fixture.options);
    expectChange(result, fixture.id, fixture.pointer, fixture.side);
  });
}
