import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintGuideText } from '../../../server/src/engine/rules/docs/docsLint';
import { DEFAULT_SETTINGS, mergeSettings } from '../../../server/src/engine/settings';
import { apiFrom, fixtureApis, fixtureText, fixtureUri } from './docsFixtures';

/** `line:col code "spanned text"` for each finding (1-based like editors show). */
function findings(text: string, uri = 'file:///w/docs/g.md', apis = fixtureApis(), settings = DEFAULT_SETTINGS, baseline?: Set<string>) {
  const lines = text.split('\n');
  return lintGuideText(uri, text, apis, settings, baseline).map((d) => {
    const span = d.range.start.line === d.range.end.line ? lines[d.range.start.line].slice(d.range.start.character, d.range.end.character) : '…';
    return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${JSON.stringify(span)}`;
  });
}

test('the orders guide: each drifted mention and example field is found on its exact span, correct ones are not', () => {
  assert.deepEqual(findings(fixtureText('docs/orders.md'), fixtureUri('docs/orders.md')), [
    '9:10 specgate-docs-unknown-operation "GET /order/{orderId}"',
    '10:11 specgate-docs-unknown-operation-id "getOrders"',
    '20:41 specgate-docs-example-mismatch "\\"2\\""',
    '21:3 specgate-docs-example-mismatch "\\"giftWrap\\""',
    '29:9 specgate-docs-example-mismatch "refunded"',
    '37:1 specgate-docs-example-mismatch "{"',
    '37:1 specgate-docs-example-mismatch "{"',
    '42:18 specgate-docs-deprecated-operation "DELETE /orders/{orderId}"',
  ]);
});

test('front matter narrows the guide: Billing operations are unknown to a guide about the Orders API', () => {
  const text = '---\napi: orders\n---\nSee `GET /invoices`.\n';
  assert.deepEqual(findings(text), ['4:6 specgate-docs-unknown-operation "GET /invoices"']);
  assert.deepEqual(findings(text.replace('api: orders', 'api: billing-api')), []);
  assert.deepEqual(findings(text.replace('api: orders', 'api: shipping')), ['2:6 specgate-docs-unknown-api "shipping"']);
});

test('a multi-API workspace: a guide without front matter may name operations of any API', () => {
  const lines = findings(fixtureText('docs/billing.md'), fixtureUri('docs/billing.md'));
  assert.deepEqual(lines, ['4:48 specgate-docs-unknown-operation "PUT /invoices"']);
});

test('the quick-fix replacement is the closest operation, with the mention\'s origin kept', () => {
  const [d] = lintGuideText('file:///w/g.md', 'Call POST https://api.example.com/v1/order now.\n', fixtureApis(), DEFAULT_SETTINGS);
  assert.deepEqual(d.data, { specgateDocsFix: { title: 'Replace with POST /v1/orders', newText: 'POST https://api.example.com/v1/orders' } });
  assert.equal(d.codeDescription?.href.endsWith('/specgate-docs-unknown-operation.md'), true);
});

test('operation ids: only names clearly meant as one are flagged', () => {
  const text = [
    'Use `listOrder` to page.',                     // one edit from listOrders
    'The operation `fetchOrders` is gone.',         // the sentence calls it an operation
    'Then `shipOrder` runs.',                       // an operationId in the baseline
    'Set `pageSize`, `orderId`, `LineItem`, `customerId`, `isPaid` and `sortOrder`.', // code words
    'Call `listOrders` and `createOrder`.',         // existing ids
    '```js\nclient.listOrder();\n```',
  ].join('\n');
  const lines = findings(text, undefined, undefined, undefined, new Set(['shipOrder']));
  assert.deepEqual(lines, [
    '2:16 specgate-docs-unknown-operation-id "fetchOrders"',
    '3:7 specgate-docs-unknown-operation-id "shipOrder"',
  ], 'listOrder is used in the guide\'s own code sample, so it is a code word');
  assert.deepEqual(findings('Use `listOrder` to page.\n'), ['1:6 specgate-docs-unknown-operation-id "listOrder"']);
});

test('examples: the explicit comment picks operation and direction; ignore skips; no direction word, no check', () => {
  const block = '```json\n{ "id": "x", "status": "lost" }\n```\n';
  assert.deepEqual(findings(`<!-- specgate: GET /orders/{orderId} response -->\n${block}`), ['3:24 specgate-docs-example-mismatch "\\"lost\\""']);
  assert.deepEqual(findings(`See \`GET /orders/1\`. The response:\n\n<!-- specgate: ignore -->\n${block}`), []);
  assert.deepEqual(findings(`See \`GET /orders/1\`:\n\n${block}`), []);
  assert.deepEqual(findings(`<!-- specgate: GET /nowhere response -->\n${block}`), ['1:16 specgate-docs-unknown-operation "GET /nowhere"']);
});

test('an example is tied only to a mention in its own section', () => {
  const text = 'The response of `GET /orders/1`.\n\n## Other\n\nA response:\n\n```json\n{ "bogus": 1 }\n```\n';
  assert.deepEqual(findings(text), []);
});

test('a deprecation note in the section, or a severity setting, silences the deprecated finding', () => {
  assert.deepEqual(findings('Call `DELETE /orders/1` (deprecated; use status updates).\n'), []);
  const off = mergeSettings({ rules: { 'specgate-docs-deprecated-operation': 'off', 'specgate-docs-unknown-operation': 'error' } });
  const diags = lintGuideText('file:///w/g.md', 'Call `DELETE /orders/1` or `GET /nope`.\n', fixtureApis(), off);
  assert.deepEqual(diags.map((d) => [d.code, d.severity]), [['specgate-docs-unknown-operation', 1]]);
});

test('a workspace whose API has no operations reports no mentions', () => {
  const empty = apiFrom('file:///w/e.yaml', 'openapi: 3.0.0\ninfo: {title: E, version: "1"}\npaths: {}\n');
  assert.deepEqual(findings('`GET /anything`\n', undefined, [empty]), []);
});
