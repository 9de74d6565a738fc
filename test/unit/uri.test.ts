import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basenameUri, childUri, dirnameUri, isUnder, pathToUri, relativePath, uriToPath } from '../../server/src/engine/uri';

test('Windows drive letters: encoded as VS Code does, and back to a path', () => {
  assert.equal(pathToUri('C:\\Users\\dev\\api\\openapi.yaml'), 'file:///c%3A/Users/dev/api/openapi.yaml');
  assert.equal(pathToUri('C:/Users/dev/openapi.yaml'), 'file:///c%3A/Users/dev/openapi.yaml');
  assert.equal(uriToPath('file:///c%3A/Users/dev/openapi.yaml'), 'c:/Users/dev/openapi.yaml'.replace(/\//g, process.platform === 'win32' ? '\\' : '/'));
  assert.equal(uriToPath('file:///C:/Users/dev/openapi.yaml').toLowerCase().replace(/\\/g, '/'), 'c:/users/dev/openapi.yaml');
});

test('UNC paths keep the server as the authority', () => {
  assert.equal(pathToUri('\\\\fileserver\\share\\specs\\openapi.yaml'), 'file://fileserver/share/specs/openapi.yaml');
  assert.equal(uriToPath('file://fileserver/share/specs/openapi.yaml').replace(/\\/g, '/'), '//fileserver/share/specs/openapi.yaml');
});

test('percent-encoding: spaces, #, %, @ and non-ASCII survive the round trip', () => {
  const path = '/home/dev/my specs/#1 100%/ordérs@v2.yaml';
  const uri = pathToUri(path);
  assert.equal(uri, 'file:///home/dev/my%20specs/%231%20100%25/ord%C3%A9rs%40v2.yaml');
  assert.equal(uriToPath(uri), path);
  assert.equal(basenameUri(uri), 'ordérs@v2.yaml');
  assert.equal(childUri('file:///home/dev/my%20specs', '#1 100%'), 'file:///home/dev/my%20specs/%231%20100%25');
  assert.equal(relativePath('file:///home/dev', uri), 'my specs/#1 100%/ordérs@v2.yaml');
});

test('URIs pass through pathToUri unchanged; a client\'s own spelling is kept by the string helpers', () => {
  assert.equal(pathToUri('file:///c:/x/y.yaml'), 'file:///c:/x/y.yaml');
  assert.equal(pathToUri('https://example.com/a.yaml'), 'https://example.com/a.yaml');
  assert.equal(childUri('file:///c:/ws', 'a.yaml'), 'file:///c:/ws/a.yaml');
  assert.equal(dirnameUri('file:///c%3A/ws/api/a.yaml'), 'file:///c%3A/ws/api');
  assert.ok(isUnder('file:///ws/api/a.yaml', 'file:///ws/'));
  assert.ok(!isUnder('file:///ws2/a.yaml', 'file:///ws'));
  assert.equal(relativePath('file:///ws', 'file:///other/a.yaml'), undefined);
});
