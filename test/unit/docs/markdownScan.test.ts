import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanMarkdown, sectionAt } from '../../../server/src/engine/rules/docs/markdownScan';

test('front matter api: is read with the offset of its value', () => {
  const text = '---\ntitle: x\napi: "orders-api"\n---\n# Hi\n';
  const scan = scanMarkdown(text);
  assert.equal(scan.frontMatter.api, 'orders-api');
  assert.equal(text.slice(scan.frontMatter.apiOffset!, scan.frontMatter.apiOffset! + scan.frontMatter.apiLength!), 'orders-api');
});

test('inline code, fences and comments are separated from plain text, offsets exact', () => {
  const text = 'Use `GET /a` now <!-- specgate: ignore --> and GET /b.\n\n```json\n{"a": 1}\n```\n`` x`y ``\n';
  const scan = scanMarkdown(text);
  assert.deepEqual(scan.inlineCode.map((c) => [c.text, text.slice(c.offset, c.offset + c.text.length)]), [['GET /a', 'GET /a'], ['x`y', 'x`y']]);
  assert.equal(scan.comments.length, 1);
  assert.equal(scan.comments[0].body.trim(), 'specgate: ignore');
  assert.equal(scan.fences.length, 1);
  assert.equal(scan.fences[0].lang, 'json');
  assert.equal(text.slice(scan.fences[0].contentOffset, scan.fences[0].contentOffset + scan.fences[0].content.length), '{"a": 1}');
  const first = scan.textLines[0].text;
  assert.ok(!first.includes('GET /a') && first.includes('GET /b'), 'code and comments are blanked in plain text');
  assert.equal(first.length, text.indexOf('\n'), 'blanking keeps offsets');
});

test('a comment inside backticks is code, and a multi-line comment is one comment', () => {
  const scan = scanMarkdown('Write `<!-- specgate: POST /x request -->` before it.\n<!--\nspecgate: GET /y response\n-->\n');
  assert.equal(scan.inlineCode[0].text, '<!-- specgate: POST /x request -->');
  assert.equal(scan.comments.length, 1);
  assert.match(scan.comments[0].body, /GET \/y response/);
});

test('headings start sections; fenced content never does', () => {
  const text = '# A\ntext\n```md\n# not a heading\n```\n## B\nmore\n';
  const scan = scanMarkdown(text);
  assert.equal(scan.sectionStarts.length, 3);
  assert.equal(sectionAt(scan, text.indexOf('more')), 2);
  assert.equal(scan.fences[0].section, 1);
});

test('an unclosed fence runs to the end without swallowing earlier text', () => {
  const scan = scanMarkdown('GET /a\n```yaml\na: 1\n');
  assert.equal(scan.fences.length, 1);
  assert.equal(scan.fences[0].content.trim(), 'a: 1');
  assert.equal(scan.textLines.length, 1);
});
