import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import * as path from 'path';
import { ARAZZO_RULE_IDS } from '../../../server/src/engine/rules/arazzo/ruleIds';

const ROOT = path.resolve(__dirname, '../../../..');

test('every Arazzo rule id has a page with what it catches, why, how to fix, what it leaves alone, and is listed in the index', () => {
  const index = readFileSync(path.join(ROOT, 'docs/rules/README.md'), 'utf8');
  for (const id of ARAZZO_RULE_IDS) {
    const doc = readFileSync(path.join(ROOT, 'docs/rules', `${id}.md`), 'utf8');
    for (const heading of ['## What it catches', '## Why it matters', '## How to fix it', '## What it leaves alone']) assert.ok(doc.includes(heading), `${id}: ${heading}`);
    assert.ok(index.includes(`[${id}](${id}.md)`), `${id} listed in docs/rules/README.md`);
  }
});
