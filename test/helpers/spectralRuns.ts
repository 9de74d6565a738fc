// Spectral itself, for tests that compare Specgate's drop-in rule functions with Spectral's own.
import { Document, Ruleset, Spectral } from '@stoplight/spectral-core';
import * as Parsers from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';

/** A new `spectral:oas` (recommended) ruleset: each test swaps functions in its own copy. */
export const freshOas = () => new Ruleset({ extends: [[oas as never, 'recommended']] } as never, { severity: 'recommended' });

/** One rule's findings when Spectral runs `ruleset` on `text` with its own YAML parser, as `path|range|message`. */
export async function ruleFindings(ruleset: Ruleset, text: string, code: string): Promise<string[]> {
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  const results = await spectral.run(new Document(text, Parsers.Yaml as never, '/w/a.yaml'));
  return results.filter((r) => r.code === code).map((r) => `${r.path.join('/')}|${JSON.stringify(r.range)}|${r.message}`);
}
