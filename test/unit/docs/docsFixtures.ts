import { readFileSync } from 'fs';
import * as path from 'path';
import { parseDocument } from '../../../server/src/engine/document/parsedDocument';
import { describeApi, type ApiDescription } from '../../../server/src/engine/rules/docs/apiModel';
import { pathToUri } from '../../../server/src/engine/uri';

export const DOCS_WORKSPACE = path.resolve(__dirname, '../../../../test/fixtures/docs/workspace');

export function fixtureText(relative: string): string {
  return readFileSync(path.join(DOCS_WORKSPACE, relative), 'utf8');
}

export function fixtureUri(relative: string): string {
  return pathToUri(path.join(DOCS_WORKSPACE, relative));
}

/** An API description built from a spec text (in memory, for focused cases). */
export function apiFrom(uri: string, text: string): ApiDescription {
  const doc = parseDocument(uri, text);
  const api = describeApi(uri, doc.value, doc.format!);
  if (!api) throw new Error(`${uri} is not an OpenAPI document`);
  return api;
}

/** The two APIs of the fixture workspace: Orders (servers …/v1) and Billing. */
export function fixtureApis(): ApiDescription[] {
  return ['orders/openapi.yaml', 'billing/openapi.yaml'].map((f) => apiFrom(fixtureUri(f), fixtureText(f)));
}
