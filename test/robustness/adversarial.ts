/** Adversarial inputs, generated (never committed): each must get a clear message or a normal lint. */

/** Content of a file outside the workspace: must never appear in any message. */
export const OUTSIDE_TOKEN = 'outside-secret-8f2c1d';

const HEAD = 'openapi: 3.0.3\ninfo:\n  title: Adversarial\n  version: 1.0.0\n';
const SPEC = (paths: string, components = '') => `${HEAD}paths:\n${paths}${components}`;
const GET = (schemaRef: string) => `  /orders:\n    get:\n      operationId: listOrders\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: '${schemaRef}'\n`;

export interface AdversarialInput {
  name: string;
  text: string;
  /** A `$ref` leaves the workspace: the refusal must be published. */
  refusesOutside?: boolean;
}

/** `outsideFile`: an absolute path outside the workspace, holding OUTSIDE_TOKEN. */
export function adversarialInputs(outsideFile: string): AdversarialInput[] {
  const lol = [HEAD, 'paths: {}', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 0; i < 9; i++) lol.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill('*' + String.fromCharCode(97 + i)).join(', ')}]`);
  const deepFlow = '['.repeat(6000) + ']'.repeat(6000);
  const deepBlock = Array.from({ length: 600 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
  const wideLine = JSON.stringify({ openapi: '3.0.3', info: { title: 'x'.repeat(200_000), version: '1' }, paths: {} });
  const manyKeys = SPEC('  {}\n', `components:\n  schemas:\n${Array.from({ length: 3000 }, (_, i) => `    S${i}: { type: object, properties: { id_${i}: { type: string } } }`).join('\n')}\n`);
  return [
    { name: 'alias-bomb.yaml', text: lol.join('\n') + '\n' },
    { name: 'deep-flow-anchor.yaml', text: `${HEAD}paths: {}\nx-deep: &d ${deepFlow}\n` },
    { name: 'deep-flow-apostrophe.yaml', text: `${HEAD}paths: {}\nx-deep: [don't, ${deepFlow}]\n` },
    { name: 'deep-block.yaml', text: `${HEAD}paths: {}\nx-deep:\n${deepBlock}\n` },
    { name: 'deep-json.json', text: '{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"x":' + '['.repeat(6000) + ']'.repeat(6000) + '}' },
    { name: 'bom.yaml', text: '\uFEFF' + SPEC(GET('#/components/schemas/Order'), 'components:\n  schemas:\n    Order: { type: object }\n') },
    { name: 'nul.yaml', text: SPEC(GET('#/components/schemas/Order'), 'components:\n  schemas:\n    Order: { type: object, description: "a\u0000b" }\n') },
    { name: 'ref-cycle.yaml', text: SPEC(GET('#/components/schemas/A'), "components:\n  schemas:\n    A: { $ref: '#/components/schemas/B' }\n    B: { $ref: '#/components/schemas/A' }\n") },
    { name: 'ref-outside.yaml', text: SPEC(GET('../outside.yaml#/Order')), refusesOutside: true },
    // Spectral resolves an absolute path under the workspace root ("file not found: <ws>/tmp/..."): not read either.
    { name: 'ref-absolute.yaml', text: SPEC(GET(`${outsideFile}#/Order`)) },
    { name: 'ref-etc-passwd.yaml', text: SPEC(GET('/etc/passwd#/root')) },
    { name: 'ref-missing.yaml', text: SPEC(GET('./nowhere.yaml#/Order')) },
    { name: 'ref-remote.yaml', text: SPEC(GET('https://example.invalid/schemas.yaml#/Order')) },
    { name: 'wide-line.json', text: wideLine },
    { name: 'many-schemas.yaml', text: manyKeys },
    { name: 'empty.yaml', text: '' },
    { name: 'not-yaml.yaml', text: '\u0001\u0002\u0003 ::: [[[ }}}\n\t\t- - -\n' },
    { name: 'binary-ish.json', text: '{"openapi":"3.0.3",' + '\uFFFD'.repeat(1000) + '}' },
    { name: 'tags.yaml', text: `${HEAD}paths: !!map {}\nx-a: !!binary aGVsbG8=\nx-b: !custom {a: 1}\nx-c: !!timestamp 2020-01-01\n` },
    { name: 'duplicate-keys.yaml', text: `${HEAD}paths: {}\npaths: {}\ninfo: {}\n` },
    { name: 'crlf.yaml', text: SPEC(GET('#/components/schemas/Order'), 'components:\n  schemas:\n    Order: { type: object }\n').replace(/\n/g, '\r\n') },
  ];
}
