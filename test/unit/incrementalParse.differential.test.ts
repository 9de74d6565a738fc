import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { createLanguageService } from '../../server/src/engine/languageService';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { parseDocument, provenanceOf } from '../../server/src/engine/document/parsedDocument';
import { openapiDirectory } from '../helpers/realSpecs';
import { assertSameParse } from '../helpers/sameParse';
import { RandomEditor, seededRandom } from '../helpers/randomEdits';
import { styleRunOf } from '../../server/src/engine/style/incrementalStyle';

/**
 * Differential test of the incremental parse: seeded random edit sequences (typing, deleting,
 * pasting blocks, broken states and back) on real specs converted to YAML. After every edit the
 * language service's document (re-parsed incrementally from the previous version) must equal a
 * from-scratch parse, node ranges included, and its fast-layer diagnostics must be the same (the
 * service's style guide re-runs only the entries an edit changed: style/incrementalStyle.ts).
 */
const SPECS: { name: string; file: string; edits: number; seed: number }[] = [
  { name: 'LaunchDarkly', file: 'launchdarkly.com.json', edits: 80, seed: 1 },
  { name: 'Twilio', file: 'twilio.com/api.json', edits: 10, seed: 2 },
];

for (const spec of SPECS) {
  test(`incremental parse equals a full parse through ${spec.edits} random edits on ${spec.name}`, async (t) => {
    const file = path.join(openapiDirectory(), spec.file);
    if (!existsSync(file)) return t.skip(`${spec.file} not in the cache`);
    const uri = 'file:///workspace/openapi.yaml';
    let text = YAML.stringify(JSON.parse(readFileSync(file, 'utf8')), { lineWidth: 0 });
    const service = createLanguageService({ workspace: new InMemoryWorkspace({}, ['file:///workspace']) });
    const scratch = createLanguageService({ workspace: new InMemoryWorkspace({}, ['file:///workspace']) });
    const editor = new RandomEditor(text, seededRandom(spec.seed));
    let brokenNow = false;
    service.getDocument(uri, text, 1);
    let spliced = 0;
    let broken = 0;
    let styleReused = 0;
    for (let version = 2; version < spec.edits + 2; version++) {
      const edit = editor.next(brokenNow);
      text = edit.text;
      const doc = service.getDocument(uri, text, version);
      const fresh = parseDocument(uri, text, version);
      const where = `${spec.name} edit ${version - 1} (${edit.kind} at ${edit.offset})`;
      assertSameParse(doc, fresh, where);
      assert.deepEqual(await service.getFastDiagnostics(doc), await scratch.getFastDiagnostics(fresh), `${where}: diagnostics`);
      if (provenanceOf(doc)?.spliced) spliced++;
      if (doc.value && typeof doc.value === 'object' && styleRunOf(doc.value) === 'incremental') styleReused++;
      brokenNow = fresh.problems.length > 0;
      if (brokenNow) broken++;
    }
    // Not vacuous: most edits took the incremental path, and some went through broken states.
    assert.ok(spliced >= spec.edits / 3, `only ${spliced} of ${spec.edits} edits were spliced`);
    assert.ok(broken > 0, 'no edit produced a broken state');
    assert.ok(styleReused >= spliced / 3, `the style guide reused earlier findings on only ${styleReused} of ${spliced} spliced edits`);
  });
}
