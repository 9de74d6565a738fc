/** Every change id the engine can report, with its level and documentation. */
import { COMPONENT_RULES } from './checks/components';
import { PARAMETER_RULES } from './checks/parameters';
import { PATH_RULES } from './checks/paths';
import { REQUEST_BODY_RULES } from './checks/requestBody';
import { RESPONSE_RULES } from './checks/responses';
import { PROPERTY_RULES, WRAP_RULES, schemaKindRules } from './checks/schemaKinds';
import { SECURITY_RULES } from './checks/security';
import { SERVER_RULES } from './checks/servers';
import type { ChangeRule } from './types';

export const CHANGE_DOCS_BASE = 'https://github.com/specgate/specgate/blob/main/docs/changes/';

export function changeDocUrl(id: string): string {
  return `${CHANGE_DOCS_BASE}${id}.md`;
}

function build(): ReadonlyMap<string, ChangeRule> {
  const map = new Map<string, ChangeRule>();
  const all = [...PATH_RULES, ...PARAMETER_RULES, ...REQUEST_BODY_RULES, ...RESPONSE_RULES, ...PROPERTY_RULES, ...WRAP_RULES, ...schemaKindRules(), ...SECURITY_RULES, ...SERVER_RULES, ...COMPONENT_RULES];
  for (const rule of all) {
    if (map.has(rule.id)) throw new Error(`duplicate change id ${rule.id}`);
    map.set(rule.id, rule);
  }
  return map;
}

/** id -> { level, title, whoBreaks, whatToDo, description }. */
export const changeRegistry: ReadonlyMap<string, ChangeRule> = build();
