/**
 * One guide, read once for every docs rule: its operation mentions (matched against the APIs it
 * is checked against) and its example blocks, each tied to an operation and a direction.
 */
import { apisForGuide, type ApiDescription } from './apiModel';
import type { BodyDirection } from './exampleCheck';
import { scanMarkdown, type Fence, type HtmlComment, type MarkdownScan } from './markdownScan';
import { findMentions, matchMention, type MatchedOperation, type OperationMention } from './operationMatch';

export interface GuideMention extends OperationMention {
  section: number;
  matches: MatchedOperation[];
}

export interface GuideExample {
  fence: Fence;
  /** What the block is tied to, and how: a preceding mention or an explicit `<!-- specgate: ... -->`. */
  matches: MatchedOperation[];
  direction: BodyDirection;
  via: 'mention' | 'comment';
  /** The explicit comment's operation, when it names one no API has. */
  comment?: HtmlComment;
}

export interface Guide {
  uri: string;
  text: string;
  scan: MarkdownScan;
  /** The APIs the guide is checked against; undefined when its front matter names an API that does not exist. */
  apis: readonly ApiDescription[] | undefined;
  mentions: GuideMention[];
  examples: GuideExample[];
  /** Explicit comments naming an operation, with what they match. */
  directives: Array<{ comment: HtmlComment; method: string; path: string; matches: MatchedOperation[] }>;
}

const EXAMPLE_LANGS = new Set(['json', 'jsonc', 'yaml', 'yml']);
const DIRECTIVE = /^\s*specgate:\s*(?:(ignore)|([A-Za-z]+)\s+(\/\S*)(?:\s+(request|response))?)\s*$/i;

/** "request"/"response" in the text before a block: the word closest to the block wins. */
function directionIn(text: string): BodyDirection | undefined {
  let found: BodyDirection | undefined;
  for (const m of text.matchAll(/\b(requests?|responses?|returns?|returned|responds)\b/gi)) {
    found = /^request/i.test(m[1]) ? 'request' : 'response';
  }
  return found;
}

function textBetween(scan: MarkdownScan, from: number, to: number): string {
  return scan.textLines.filter((l) => l.offset + l.text.length >= from && l.offset < to).map((l) => l.text).join('\n')
    + ' ' + scan.inlineCode.filter((c) => c.offset >= from && c.offset < to).map((c) => c.text).join(' ');
}

export function analyzeGuide(uri: string, text: string, allApis: readonly ApiDescription[]): Guide {
  const scan = scanMarkdown(text);
  const apis = apisForGuide(allApis, scan.frontMatter.api);
  const targets = apis ?? [];
  const mentions: GuideMention[] = [];
  for (const code of scan.inlineCode) for (const m of findMentions(code.text, code.offset)) mentions.push({ ...m, section: code.section, matches: matchMention(m, targets) });
  for (const line of scan.textLines) for (const m of findMentions(line.text, line.offset)) mentions.push({ ...m, section: line.section, matches: matchMention(m, targets) });
  mentions.sort((a, b) => a.offset - b.offset);

  const directives: Guide['directives'] = [];
  const byComment = new Map<HtmlComment, { ignore: boolean; matches: MatchedOperation[]; direction?: BodyDirection }>();
  for (const comment of scan.comments) {
    const d = DIRECTIVE.exec(comment.body);
    if (!d) continue;
    if (d[1]) { byComment.set(comment, { ignore: true, matches: [] }); continue; }
    const method = d[2].toUpperCase();
    const path = d[3].replace(/[?#].*$/, '');
    const matches = matchMention({ method, path }, targets);
    directives.push({ comment, method, path, matches });
    byComment.set(comment, { ignore: false, matches, direction: d[4]?.toLowerCase() as BodyDirection | undefined });
  }

  const examples: GuideExample[] = [];
  let previousFenceEnd = 0;
  for (const fence of scan.fences) {
    const fenceStart = previousFenceEnd;
    previousFenceEnd = fence.contentOffset + fence.content.length;
    if (!EXAMPLE_LANGS.has(fence.lang)) continue;
    const comment = [...scan.comments].reverse().find((c) => c.end <= fence.offset && text.slice(c.end, fence.offset).trim() === '');
    const explicit = comment ? byComment.get(comment) : undefined;
    if (explicit?.ignore) continue;
    if (explicit) {
      const direction = explicit.direction ?? directionIn(textBetween(scan, Math.max(fenceStart, comment!.offset - 300), fence.offset));
      if (direction && explicit.matches.length > 0) examples.push({ fence, matches: explicit.matches, direction, via: 'comment', comment });
      continue;
    }
    const mention = [...mentions].reverse().find((m) => m.offset < fence.offset && m.section === fence.section);
    if (!mention || mention.matches.length === 0) continue;
    const lineStart = text.lastIndexOf('\n', mention.offset) + 1;
    const direction = directionIn(textBetween(scan, Math.max(lineStart, fenceStart), fence.offset));
    if (direction) examples.push({ fence, matches: mention.matches, direction, via: 'mention' });
  }
  return { uri, text, scan, apis, mentions, examples, directives };
}

/** The schema an example is checked against (the first matching operation that has one). */
export function exampleSchema(example: GuideExample): { schema: unknown; match: MatchedOperation } | undefined {
  for (const match of example.matches) {
    const schema = example.direction === 'request' ? match.operation.requestSchema : match.operation.responseSchema;
    if (schema !== undefined) return { schema, match };
  }
  return undefined;
}
