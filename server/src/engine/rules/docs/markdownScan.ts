/**
 * A small Markdown scanner for guide checking: front matter, headings (sections), inline code,
 * plain text, fenced blocks and HTML comments, each with its offset in the file. Only what the
 * docs rules need; not a CommonMark parser.
 */
import * as YAML from 'yaml';

export interface InlineCode { text: string; offset: number; section: number }
/** A line of plain text with inline code, comments and link targets blanked (same length, same offsets). */
export interface TextLine { text: string; offset: number; section: number }
export interface Fence { lang: string; content: string; contentOffset: number; offset: number; line: number; section: number }
export interface HtmlComment { body: string; offset: number; end: number; section: number }
export interface FrontMatter { api?: string; apiOffset?: number; apiLength?: number }

export interface MarkdownScan {
  frontMatter: FrontMatter;
  inlineCode: InlineCode[];
  textLines: TextLine[];
  fences: Fence[];
  comments: HtmlComment[];
  /** Offsets where sections (headings) start; section n spans [starts[n], starts[n+1]). */
  sectionStarts: number[];
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}#{1,6}(\s|$)/;

function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

function parseFrontMatter(text: string): { frontMatter: FrontMatter; end: number } {
  const m = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(text);
  if (!m) return { frontMatter: {}, end: 0 };
  const frontMatter: FrontMatter = {};
  try {
    const value = YAML.parse(m[1]) as unknown;
    const api = value && typeof value === 'object' ? (value as Record<string, unknown>).api : undefined;
    if (typeof api === 'string' && api.trim()) {
      frontMatter.api = api.trim();
      const at = /^api:[ \t]*['"]?/m.exec(m[1]);
      if (at) {
        frontMatter.apiOffset = 4 + at.index + at[0].length;
        frontMatter.apiLength = frontMatter.api.length;
      }
    }
  } catch {
    // Not YAML front matter: the guide applies to every API.
  }
  return { frontMatter, end: m[0].length };
}

/** Blanks inline code spans (recording them) and returns the remaining text. */
function takeInlineCode(line: string, offset: number, section: number, out: InlineCode[]): string {
  let result = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '`') {
      result += line[i++];
      continue;
    }
    let n = 0;
    while (line[i + n] === '`') n++;
    const ticks = '`'.repeat(n);
    let close = line.indexOf(ticks, i + n);
    while (close >= 0 && line[close + n] === '`') close = line.indexOf(ticks, close + n + 1);
    if (close < 0) {
      result += line.slice(i, i + n);
      i += n;
      continue;
    }
    let start = i + n;
    let end = close;
    if (line[start] === ' ' && line[end - 1] === ' ' && end - start > 2) { start++; end--; }
    out.push({ text: line.slice(start, end), offset: offset + start, section });
    result += blank(line.slice(i, close + n));
    i = close + n;
  }
  return result;
}

export function scanMarkdown(text: string): MarkdownScan {
  const { frontMatter, end: bodyStart } = parseFrontMatter(text);
  const scan: MarkdownScan = { frontMatter, inlineCode: [], textLines: [], fences: [], comments: [], sectionStarts: [0] };
  const lines = text.slice(bodyStart).split('\n');
  let offset = bodyStart;
  const firstLine = text.slice(0, bodyStart).split('\n').length - 1;
  let fence: { marker: string; fence: Fence; parts: string[] } | undefined;
  let comment: { start: number; parts: string[] } | undefined;
  const section = () => scan.sectionStarts.length - 1;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index];
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const lineOffset = offset;
    offset += raw.length + 1;
    const lineNo = firstLine + index;
    if (fence) {
      const close = new RegExp(`^ {0,3}${fence.marker[0] === '`' ? '`' : '~'}{${fence.marker.length},}\\s*$`);
      if (close.test(line)) {
        fence.fence.content = fence.parts.join('\n');
        scan.fences.push(fence.fence);
        fence = undefined;
      } else fence.parts.push(raw);
      continue;
    }
    let visible = line;
    if (comment) {
      const close = line.indexOf('-->');
      if (close < 0) { comment.parts.push(line); continue; }
      comment.parts.push(line.slice(0, close));
      scan.comments.push({ body: comment.parts.join('\n'), offset: comment.start, end: lineOffset + close + 3, section: section() });
      comment = undefined;
      visible = blank(line.slice(0, close + 3)) + line.slice(close + 3);
    }
    const open = FENCE_OPEN.exec(visible);
    if (open) {
      fence = { marker: open[2], parts: [], fence: { lang: open[3].toLowerCase(), content: '', contentOffset: offset, offset: lineOffset, line: lineNo, section: section() } };
      continue;
    }
    if (HEADING.test(visible)) scan.sectionStarts.push(lineOffset);
    // Code spans first: `<!-- -->` inside backticks is code, not a comment.
    const codeAt = scan.inlineCode.length;
    visible = takeInlineCode(visible, lineOffset, section(), scan.inlineCode);
    // HTML comments on this line (and one left open at its end).
    visible = visible.replace(/<!--([\s\S]*?)-->/g, (whole, body: string, at: number) => {
      scan.comments.push({ body, offset: lineOffset + at, end: lineOffset + at + whole.length, section: section() });
      return blank(whole);
    });
    const openAt = visible.indexOf('<!--');
    if (openAt >= 0) {
      comment = { start: lineOffset + openAt, parts: [line.slice(openAt + 4)] };
      visible = visible.slice(0, openAt);
      // Code spans inside the comment are not the guide's.
      scan.inlineCode.splice(codeAt).forEach((c) => { if (c.offset < lineOffset + openAt) scan.inlineCode.push(c); });
    }
    const plain = visible
      // Link targets and autolinks are addresses, not prose.
      .replace(/\]\([^)]*\)/g, (m) => blank(m))
      .replace(/<https?:[^>]*>/g, (m) => blank(m));
    scan.textLines.push({ text: plain, offset: lineOffset, section: section() });
  }
  if (fence) {
    fence.fence.content = fence.parts.join('\n');
    scan.fences.push(fence.fence);
  }
  return scan;
}

/** The section (heading-bounded) holding `offset`. */
export function sectionAt(scan: MarkdownScan, offset: number): number {
  let n = 0;
  while (n + 1 < scan.sectionStarts.length && scan.sectionStarts[n + 1] <= offset) n++;
  return n;
}
