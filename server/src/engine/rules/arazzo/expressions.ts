/**
 * Arazzo runtime expressions (1.0.1, "Runtime Expressions" ABNF): `$url`, `$method`, `$statusCode`,
 * `$request.<source>`, `$response.<source>` (header.<name>, query.<name>, path.<name>, body#<pointer>),
 * `$inputs.<name>`, `$outputs.<name>`, `$steps.<id>.<field>`, `$workflows.<id>.<field>`,
 * `$sourceDescriptions.<name>.<field>`, `$components.<type>.<name>`; and where they appear: a whole
 * value, embedded in a string as `{$...}`, or inside a simple condition.
 */

export type RuntimeExpression =
  | { kind: 'statusCode' | 'url' | 'method'; text: string }
  | { kind: 'response' | 'request'; part: 'header' | 'query' | 'path'; name: string; text: string }
  | { kind: 'response' | 'request'; part: 'body'; pointer: string; text: string }
  | { kind: 'inputs' | 'outputs'; name: string; text: string }
  | { kind: 'steps' | 'workflows'; id: string; field: string; name?: string; text: string }
  | { kind: 'other'; text: string };

const NAME = '[A-Za-z0-9_\\-]+';
const BODY = /^\$(request|response)\.body(?:#(\/[^\s]*)?)?$/;
const PART = /^\$(request|response)\.(header|query|path)\.([^\s#]+)$/;
const INPUTS = new RegExp(`^\\$(inputs|outputs)\\.(${NAME})`);
const STEPS = new RegExp(`^\\$(steps|workflows)\\.(${NAME})\\.(${NAME})(?:\\.([A-Za-z0-9_.\\-]+))?`);

/** Parses one expression (the text starts with `$`); unknown forms are `other` and never reported. */
export function parseExpression(text: string): RuntimeExpression {
  if (text === '$statusCode' || text === '$url' || text === '$method') return { kind: text.slice(1) as 'statusCode', text };
  let m = BODY.exec(text);
  if (m) return { kind: m[1] as 'response', part: 'body', pointer: m[2] ?? '', text };
  m = PART.exec(text);
  if (m) return { kind: m[1] as 'response', part: m[2] as 'header', name: m[3], text };
  m = INPUTS.exec(text);
  if (m) return { kind: m[1] as 'inputs', name: m[2], text };
  m = STEPS.exec(text);
  if (m) return { kind: m[1] as 'steps', id: m[2], field: m[3], name: m[4], text };
  return { kind: 'other', text };
}

/** A JSON pointer inside an expression ends at whitespace, a closing brace or a comparison. */
const EXPRESSION_TOKEN = /\$[A-Za-z][^\s{}()=!<>&|,'"]*/g;

/**
 * Expressions in a string value: the whole value when it starts with `$`, else each `{$...}`.
 * In conditions (`$statusCode == 200 && $response.body#/x == 'y'`) every `$` token counts.
 */
export function expressionsIn(value: string, isCondition = false): RuntimeExpression[] {
  if (isCondition || value.startsWith('$')) return [...value.matchAll(EXPRESSION_TOKEN)].map((m) => parseExpression(trimPointer(m[0])));
  return [...value.matchAll(/\{(\$[^{}]+)\}/g)].map((m) => parseExpression(m[1].trim()));
}

function trimPointer(token: string): string {
  return token.replace(/[.)\]]+$/, '');
}

export type Literal = string | number | boolean | null;

/** `<expression> == <literal>` (or `!=`) comparisons of a simple condition, joined by `&&` / `||`. */
export function comparisonsIn(condition: string): Array<{ expression: RuntimeExpression; operator: '==' | '!='; literal: Literal }> {
  const out: Array<{ expression: RuntimeExpression; operator: '==' | '!='; literal: Literal }> = [];
  const pattern = /(\$[^\s=!<>&|()]+)\s*(==|!=)\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)(?=\s|\)|$|&|\|)/g;
  for (const m of condition.matchAll(pattern)) {
    out.push({ expression: parseExpression(m[1]), operator: m[2] as '==', literal: parseLiteral(m[3]) });
  }
  return out;
}

function parseLiteral(text: string): Literal {
  if (text.startsWith("'") || text.startsWith('"')) return text.slice(1, -1).replace(/\\(.)/g, '$1');
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null') return null;
  return Number(text);
}

/** JSONPath filters over a context: `$[?(@.status == 'done')]` or `$[?@.a.b == 1]` → pointer `/status`. */
export function jsonPathComparisons(condition: string): Array<{ pointer: string; literal: Literal }> {
  const out: Array<{ pointer: string; literal: Literal }> = [];
  const m = /^\$\[\?\(?\s*@((?:\.[A-Za-z0-9_\-]+)+)\s*==\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false)\s*\)?\]$/.exec(condition.trim());
  if (m) out.push({ pointer: m[1].split('.').join('/'), literal: parseLiteral(m[2]) });
  return out;
}
