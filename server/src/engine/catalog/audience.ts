/** Whom a breaking change concerns: the API's owner and every consuming component with its owner. */
import type { Party } from './catalogModel';
import type { GovernanceSnapshot } from './governance';

export interface Audience {
  api: string;
  owner?: string;
  consumers: Party[];
}

export function audienceOf(snapshot: GovernanceSnapshot, uri: string): Audience | undefined {
  const api = snapshot.catalog.apiForFile(uri);
  return api ? { api: api.name, owner: api.owner, consumers: api.consumers } : undefined;
}

/** One markdown line for hovers and reports. */
export function audienceMarkdown(audience: Audience): string {
  const consumers = audience.consumers.length
    ? audience.consumers.map((c) => (c.owner ? `${c.name} (owner: ${c.owner})` : c.name)).join(', ')
    : 'none recorded in the catalog';
  return `**Who to tell:** \`${audience.api}\` is owned by ${audience.owner ?? 'nobody on record'}; consumers: ${consumers}.`;
}
