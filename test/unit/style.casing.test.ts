import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  convertCasing,
  detectCasings,
  distinctCasing,
  isShoutedWord,
  matchesCasing,
  normalizeName,
  splitWords,
  tokenize,
} from '../../server/src/engine/style/casing';

test('splitWords handles acronyms, digits, separators and punctuation', () => {
  const cases: Array<[string, string[]]> = [
    ['getHTTPResponse', ['get', 'HTTP', 'Response']],
    ['HTTPServer', ['HTTP', 'Server']],
    ['user2FAEnabled', ['user2', 'FA', 'Enabled']],
    ['userIDs', ['user', 'IDs']],
    ['URLs', ['URLs']],
    ['X-Request-ID', ['X', 'Request', 'ID']],
    ['v1', ['v1']],
    ['getV2Items', ['get', 'V2', 'Items']],
    ['oauth2Token', ['oauth2', 'Token']],
    ['created_at', ['created', 'at']],
    ['Get_Order_Items', ['Get', 'Order', 'Items']],
    ['orders.replace', ['orders', 'replace']],
    ['_links', ['links']],
    ['@type', ['type']],
    ['$self', ['self']],
    ['__x__', ['x']],
    ['', []],
    ['___', []],
    ['größeInMeter', ['größe', 'In', 'Meter']],
    ['名前', ['名前']],
    ['ÉtatCivil', ['État', 'Civil']],
  ];
  for (const [name, words] of cases) assert.deepEqual(splitWords(name), words, name);
});

test('tokenize keeps prefix, suffix and UTF-16 offsets', () => {
  assert.deepEqual(tokenize('_links'), { prefix: '_', core: 'links', suffix: '', words: [{ text: 'links', start: 1, end: 6 }] });
  assert.deepEqual(tokenize('a😀b').words.map((w) => [w.start, w.end]), [[0, 1], [3, 4]]);
  assert.equal(tokenize(undefined as unknown as string).words.length, 0);
});

test('detectCasings and distinctCasing', () => {
  assert.deepEqual(detectCasings('userId'), ['camelCase']);
  assert.deepEqual(detectCasings('name'), ['camelCase', 'snake_case', 'kebab-case']);
  assert.deepEqual(detectCasings('created_at'), ['snake_case']);
  assert.deepEqual(detectCasings('order-items'), ['kebab-case']);
  assert.deepEqual(detectCasings('OrderItem'), ['PascalCase', 'Train-Case']);
  assert.deepEqual(detectCasings('ORDER_STATUS'), ['UPPER_SNAKE_CASE']);
  assert.deepEqual(detectCasings('X-Request-Id'), ['Train-Case']);
  assert.deepEqual(detectCasings(''), []);
  assert.deepEqual(detectCasings('$self'), ['camelCase', 'snake_case', 'kebab-case']);
  const props = ['camelCase', 'snake_case', 'PascalCase', 'kebab-case'] as const;
  assert.equal(distinctCasing('name', props), undefined);
  assert.equal(distinctCasing('createdAt', props), 'camelCase');
  assert.equal(distinctCasing('created_At', props), undefined);
  assert.equal(distinctCasing('ACTIVE', ['UPPER_SNAKE_CASE', 'PascalCase']), 'UPPER_SNAKE_CASE');
});

test('matchesCasing accepts uppercase acronyms in camel/Pascal/Train case', () => {
  assert.ok(matchesCasing('userID', 'camelCase'));
  assert.ok(matchesCasing('HTTPServer', 'PascalCase'));
  assert.ok(matchesCasing('X-Request-ID', 'Train-Case'));
  assert.ok(!matchesCasing('x-request-id', 'Train-Case'));
  assert.ok(!matchesCasing('created_at', 'camelCase'));
  assert.ok(matchesCasing('_links', 'camelCase'));
});

test('convertCasing', () => {
  assert.equal(convertCasing('created_at', 'camelCase'), 'createdAt');
  assert.equal(convertCasing('Get_Order_Items', 'camelCase'), 'getOrderItems');
  assert.equal(convertCasing('order_item', 'PascalCase'), 'OrderItem');
  assert.equal(convertCasing('orderItems', 'kebab-case'), 'order-items');
  assert.equal(convertCasing('inProgress', 'UPPER_SNAKE_CASE'), 'IN_PROGRESS');
  assert.equal(convertCasing('x-request-id', 'Train-Case'), 'X-Request-Id');
  assert.equal(convertCasing('getHTTPResponse', 'camelCase'), 'getHttpResponse');
  assert.equal(convertCasing('getHTTPResponse', 'camelCase', { mode: 'preserve' }), 'getHTTPResponse');
  assert.equal(convertCasing('user_ID', 'camelCase', { mode: 'capitalize', allow: new Set(['ID']) }), 'userID');
  assert.equal(convertCasing('URLPath', 'camelCase'), 'urlPath');
  assert.equal(convertCasing('_embedded_items', 'camelCase'), '_embeddedItems');
  assert.equal(convertCasing('@type', 'PascalCase'), '@Type');
  assert.equal(convertCasing('', 'camelCase'), '');
  assert.equal(convertCasing('größe_in_meter', 'camelCase'), 'größeInMeter');
});

test('isShoutedWord and normalizeName', () => {
  assert.ok(isShoutedWord('ID'));
  assert.ok(isShoutedWord('IDs'));
  assert.ok(!isShoutedWord('V2'));
  assert.ok(!isShoutedWord('Id'));
  assert.ok(!isShoutedWord('A'));
  assert.equal(normalizeName('creationDate'), normalizeName('creation_date'));
  assert.equal(normalizeName('CREATION-DATE'), 'creation date');
});
