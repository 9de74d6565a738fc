/** NavigationFiles over in-memory texts (fixtures), with the `$ref` graph computed from the parses. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { parseDocument, type ParsedDocument } from '../../../server/src/engine/document/parsedDocument';
import { collectExternalRefs } from '../../../server/src/engine/refs';
import type { NavigationFiles } from '../../../server/src/engine/navigation/targets';
import type { Position } from 'vscode-languageserver-types';

export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/navigation');
export const ROOT = 'file:///ws';

export function fixtureText(rel: string): string {
  return readFileSync(path.join(FIXTURES, rel), 'utf8');
}

export function memoryFiles(texts: Record<string, string>): NavigationFiles & { doc(rel: string): ParsedDocument; parses: number } {
  const docs = new Map<string, ParsedDocument>();
  const state = { parses: 0 };
  for (const [rel, text] of Object.entries(texts)) {
    docs.set(`${ROOT}/${rel}`, parseDocument(`${ROOT}/${rel}`, text));
    state.parses++;
  }
  return {
    get parses() { return state.parses; },
    doc: (rel) => docs.get(`${ROOT}/${rel}`)!,
    parse: async (uri) => docs.get(uri),
    referencedBy: (uri) => [...docs.values()].filter((d) => d.value !== undefined && collectExternalRefs(d.value, d.uri).includes(uri)).map((d) => d.uri),
    openApiFiles: async () => [...docs.values()].filter((d) => d.format && d.format !== 'arazzo1').map((d) => d.uri),
  };
}

export function fixtureFiles() {
  return memoryFiles(Object.fromEntries(['petstore.yaml', 'orders.yaml', 'legacy.swagger.yaml', 'schemas/common.yaml', 'schemas/address.yaml'].map((rel) => [rel, fixtureText(rel)])));
}

/** The position `delta` characters into the first `needle` of `text`. */
export function positionOf(text: string, needle: string, delta = 0): Position {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not found`);
  const lines = text.slice(0, index + delta).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
