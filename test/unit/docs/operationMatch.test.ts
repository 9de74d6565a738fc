import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closestOperation, findMentions, matchMention } from '../../../server/src/engine/rules/docs/operationMatch';
import { apiFrom, fixtureApis } from './docsFixtures';

test('mentions: method in capitals, path up to whitespace, query and trailing punctuation dropped', () => {
  const text = 'Call GET /orders?status=paid, then POST https://api.example.com/v1/orders. Not get /x or GETTER /y.';
  const found = findMentions(text, 10);
  assert.deepEqual(found.map((m) => [m.method, m.path, m.origin]), [['GET', '/orders', ''], ['POST', '/v1/orders', 'https://api.example.com']]);
  assert.equal(text.slice(found[0].offset - 10, found[0].offset - 10 + found[0].length), 'GET /orders');
  assert.equal(text.slice(found[1].offset - 10, found[1].offset - 10 + found[1].length), 'POST https://api.example.com/v1/orders');
});

test('templates match any parameter name, placeholders and concrete values; base paths are stripped', () => {
  const apis = fixtureApis();
  const matches = (method: string, path: string) => matchMention({ method, path }, apis).map((m) => `${m.operation.method} ${m.operation.path}`);
  assert.deepEqual(matches('GET', '/orders/{id}'), ['GET /orders/{orderId}']);
  assert.deepEqual(matches('GET', '/orders/:id'), ['GET /orders/{orderId}']);
  assert.deepEqual(matches('GET', '/orders/123'), ['GET /orders/{orderId}']);
  assert.deepEqual(matches('GET', '/v1/orders/{orderId}'), ['GET /orders/{orderId}']);
  assert.deepEqual(matches('POST', '/orders/'), ['POST /orders']);
  assert.deepEqual(matches('POST', '/v1/orders'), ['POST /orders']);
  assert.equal(matchMention({ method: 'GET', path: '/order/{orderId}' }, apis).length, 0);
  assert.equal(matchMention({ method: 'PUT', path: '/orders' }, apis).length, 0);
  // The Billing API has no servers: /v1 is not stripped for it.
  assert.equal(matchMention({ method: 'GET', path: '/v1/invoices' }, apis).length, 0);
});

test('a literal segment does not match a different literal, and a partial template matches its pattern', () => {
  const api = apiFrom('file:///w/a.yaml', 'openapi: 3.0.0\ninfo: {title: A, version: "1"}\npaths:\n  /files/{name}.json:\n    get: {responses: {"200": {description: ok}}}\n  /me:\n    get: {responses: {"200": {description: ok}}}\n');
  assert.equal(matchMention({ method: 'GET', path: '/files/report.json' }, [api]).length, 1);
  assert.equal(matchMention({ method: 'GET', path: '/files/report.xml' }, [api]).length, 0);
  assert.equal(matchMention({ method: 'GET', path: '/you' }, [api]).length, 0);
});

test('Swagger 2.0 basePath and server URLs with variables count as base paths', () => {
  const swagger = apiFrom('file:///w/s.yaml', 'swagger: "2.0"\ninfo: {title: S, version: "1"}\nbasePath: /api/\npaths:\n  /pets:\n    get: {responses: {"200": {description: ok}}}\n');
  assert.deepEqual(swagger.basePaths, ['/api']);
  assert.equal(matchMention({ method: 'GET', path: '/api/pets' }, [swagger]).length, 1);
  const vars = apiFrom('file:///w/v.yaml', 'openapi: 3.0.0\ninfo: {title: V, version: "1"}\nservers:\n  - url: "{scheme}://x.io/{version}"\n    variables: {scheme: {default: https}, version: {default: v2}}\npaths: {}\n');
  assert.deepEqual(vars.basePaths, ['/v2']);
});

test('the closest operation keeps the base path the mention used and prefers the same method', () => {
  const apis = fixtureApis();
  assert.equal(closestOperation({ method: 'GET', path: '/v1/order/{id}' }, apis), 'GET /v1/orders/{orderId}');
  assert.equal(closestOperation({ method: 'PUT', path: '/invoices' }, apis), 'GET /invoices');
});
