/** Builds change rules (id, level and doc text) from a compact description. */
import type { ChangeLevel, ChangeRule } from './types';

export const B: ChangeLevel = 'breaking';
export const P: ChangeLevel = 'potentially-breaking';
export const N: ChangeLevel = 'non-breaking';

/** Who is affected when the change is not backward compatible. */
export type Audience = 'request' | 'response' | 'caller' | 'none';

const WHO: Record<Audience, string> = {
  request: 'Clients that send requests to the affected operations: payloads or parameters they send today can be rejected.',
  response: 'Clients that read responses of the affected operations: they can receive data their code or generated models do not expect.',
  caller: 'Every client that calls the affected operations, whatever it sends or reads.',
  none: 'Clients do not depend on this directly.',
};

const TODO_BREAKING: Record<Audience, string> = {
  request:
    'Keep accepting what clients send today: leave the constraint as it was, keep the field optional, or introduce the stricter contract in a new operation or API version and deprecate the old one first.',
  response:
    'Keep returning what clients handle today: add new data in new fields, keep existing fields and their types, or ship the change in a new API version and announce it before switching.',
  caller:
    'Deprecate first (`deprecated: true`, a `x-sunset` date), give clients time to migrate, then remove or change it in a new major version.',
  none: 'Review whether any consumer relies on it before releasing.',
};

const TODO_POTENTIAL: Record<Audience, string> = {
  request: 'Check whether clients rely on the old behaviour; if they might, deprecate first and announce the change.',
  response:
    'Make sure clients tolerate the new shape (unknown enum values, missing optional fields); document it in the changelog, or version the change.',
  caller: 'Announce the change and check known consumers before releasing it.',
  none: 'Announce the change in the changelog.',
};

/**
 * `rationale`: the consumer-side reasoning behind a level that is a judgment call, and where a well-known peer
 * (oasdiff, OpenAPITools/openapi-diff…) decides otherwise; rendered in the change's doc page.
 */
export function rule(id: string, level: ChangeLevel, title: string, audience: Audience, whatToDo?: string, rationale?: string): ChangeRule {
  const whoBreaks = level === N ? 'Nobody: existing clients keep working.' : WHO[audience];
  const todo =
    whatToDo ?? (level === B ? TODO_BREAKING[audience] : level === P ? TODO_POTENTIAL[audience] : 'Nothing is required. Mention it in the changelog.');
  const description =
    level === B
      ? `${title}. This breaks existing clients.`
      : level === P
        ? `${title}. This can break some clients, depending on how they are written.`
        : `${title}. Existing clients keep working.`;
  return rationale === undefined ? { id, level, title, whoBreaks, whatToDo: todo, description } : { id, level, title, whoBreaks, whatToDo: todo, description, rationale };
}
