/**
 * Operation mentions (`GET /orders/{orderId}`) found in guide text and matched against APIs:
 * path templates match whatever the parameter names (and concrete values), query strings are
 * ignored, and server base paths (`/v1/orders` against a server URL ending in `/v1`) are stripped.
 */
import type { ApiDescription, DocOperation } from './apiModel';
import { editDistance } from './editDistance';

export interface OperationMention {
  method: string;
  /** The path as written, without query string or fragment. */
  path: string;
  /** What stands between the method and the path (a space, or `** ` after a bold method). */
  separator: string;
  /** `https://api.example.com` when the mention is a full URL, else empty. */
  origin: string;
  /** Offset and length of `METHOD origin/path` (query string excluded). */
  offset: number;
  length: number;
  /** Offset of the path (after the origin). */
  pathOffset: number;
}

export interface MatchedOperation { api: ApiDescription; operation: DocOperation; basePath: string }

const METHODS = 'GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE';
// `**GET** /pets` (generated SDK docs) counts too: emphasis may close after the method.
const MENTION = new RegExp(`(?<![A-Za-z0-9_-])(${METHODS})((?:\\*\\*|\\*|__)?[ \\t]+)((?:https?://[^\\s/\`'"<>]+)?)(/[^\\s\`'"<>|*]*)`, 'g');

/** Every `METHOD /path` in a piece of text (`offset`: where the text starts in the file). */
export function findMentions(text: string, offset: number): OperationMention[] {
  const out: OperationMention[] = [];
  for (const m of text.matchAll(MENTION)) {
    let path = m[4].replace(/[?#].*$/, '');
    // Sentence punctuation and closing brackets after a path are prose, not path.
    while (/[.,;:!)\]*_]$/.test(path) && path.length > 1) path = path.slice(0, -1);
    const pathOffset = offset + m.index + m[0].length - m[4].length;
    const start = offset + m.index;
    out.push({ method: m[1], separator: m[2], path, origin: m[3], offset: start, length: pathOffset + path.length - start, pathOffset });
  }
  return out;
}

type Segment = { literal: string } | { template: RegExp; param: true };

function templateSegments(path: string): Segment[] {
  return path.split('/').filter(Boolean).map((s) => {
    if (!s.includes('{')) return { literal: s };
    const source = s.split(/\{[^}]*\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+');
    return { template: new RegExp(`^${source}$`), param: true };
  });
}

/** A mention segment that is a placeholder (`{id}`, `:id`, `<id>`) rather than a value. */
function isPlaceholder(segment: string): boolean {
  return /^(\{[^}]*\}|:[A-Za-z_]\w*|<[^>]*>)$/.test(segment);
}

function segmentMatches(spec: Segment, written: string): boolean {
  if ('literal' in spec) return spec.literal === written;
  return isPlaceholder(written) || spec.template.test(written);
}

function pathMatches(template: string, written: string): boolean {
  // A trailing slash is not a different operation in guides.
  const spec = templateSegments(template);
  const parts = written.split('/').filter(Boolean);
  return spec.length === parts.length && spec.every((s, i) => segmentMatches(s, parts[i]));
}

/** The written path with each base path of the API stripped (and as written), for matching. */
function candidatePaths(api: ApiDescription, path: string): Array<{ path: string; basePath: string }> {
  const out = [{ path, basePath: '' }];
  for (const base of api.basePaths) {
    if (path === base) out.push({ path: '/', basePath: base });
    else if (path.startsWith(base + '/')) out.push({ path: path.slice(base.length), basePath: base });
  }
  return out;
}

/** The operations a mention names (same method, matching path), in any of the APIs. */
export function matchMention(mention: Pick<OperationMention, 'method' | 'path'>, apis: readonly ApiDescription[]): MatchedOperation[] {
  const out: MatchedOperation[] = [];
  for (const api of apis) {
    for (const candidate of candidatePaths(api, mention.path)) {
      for (const operation of api.operations) {
        if (operation.method === mention.method && pathMatches(operation.path, candidate.path)) out.push({ api, operation, basePath: candidate.basePath });
      }
    }
  }
  return out;
}

/** Whether any API has an operation on this path (any method): then only the method is wrong. */
export function pathExists(path: string, apis: readonly ApiDescription[]): boolean {
  return apis.some((api) => candidatePaths(api, path).some((c) => api.operations.some((o) => pathMatches(o.path, c.path))));
}

function normalizeForDistance(path: string): string {
  return path.split('/').map((s) => (s.includes('{') || isPlaceholder(s) ? '{}' : s)).join('/');
}

/** The existing operation closest to a mention, written with the base path the mention used. */
export function closestOperation(mention: Pick<OperationMention, 'method' | 'path'>, apis: readonly ApiDescription[]): string | undefined {
  let best: { text: string; score: number } | undefined;
  for (const api of apis) {
    for (const candidate of candidatePaths(api, mention.path)) {
      const written = normalizeForDistance(candidate.path);
      for (const operation of api.operations) {
        const score = editDistance(normalizeForDistance(operation.path), written) * 2 + (operation.method === mention.method ? 0 : 3);
        if (!best || score < best.score) best = { text: `${operation.method} ${candidate.basePath}${operation.path}`, score };
      }
    }
  }
  return best?.text;
}
