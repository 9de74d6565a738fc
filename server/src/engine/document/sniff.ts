import type { SpecFormat } from '../style/types';

const YAML_ROOT_KEY = /^["']?(openapi|swagger|arazzo)["']?\s*:\s*["']?(\d+)\.(\d+)/m;
const JSON_KEY = /"(openapi|swagger|arazzo)"\s*:\s*"(\d+)\.(\d+)/;

/**
 * Decides from the raw text whether a YAML/JSON file is an OpenAPI or Arazzo document,
 * without parsing it: every other YAML/JSON file in the workspace pays only this regex.
 */
export function sniffFormat(text: string): SpecFormat | undefined {
  // Files saved by many Windows editors (and Azure's specs) start with a UTF-8 byte-order mark.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const m = YAML_ROOT_KEY.exec(body) ?? JSON_KEY.exec(body);
  if (!m) return undefined;
  const [, kind, major, minor] = m;
  if (kind === 'swagger') return major === '2' ? 'oas2' : undefined;
  if (kind === 'arazzo') return major === '1' ? 'arazzo1' : undefined;
  if (major !== '3') return undefined;
  return minor === '0' ? 'oas3.0' : minor === '1' ? 'oas3.1' : 'oas3.1';
}
