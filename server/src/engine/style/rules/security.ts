/** Spec-level security review rules. */
import {
  indexDocument,
  isObj,
  isOas2,
  operationResponses,
  own,
  resolveLocalRef,
  type OperationInfo,
} from '../../openapi';
import { decodePointerSegment, joinPointer } from '../../jsonPointer';
import type { RuleContext, StyleRule } from '../types';
import { operationLabel, quoteList, stringArray } from '../util';
import { OAS_FORMATS } from './naming';

export const PUBLIC_EXTENSION = 'x-public';

interface EffectiveSecurity {
  /** Where the requirement comes from: the operation's own `security`, the root's, or nowhere. */
  source: 'operation' | 'root' | 'none';
  /** Pointer of the `security` member in force (undefined when none). */
  pointer?: string;
  /** At least one requirement names a scheme. */
  secured: boolean;
}

export function effectiveSecurity(root: unknown, op: OperationInfo): EffectiveSecurity {
  const opSecurity = own(op.operation, 'security');
  if (Array.isArray(opSecurity)) {
    return { source: 'operation', pointer: joinPointer(op.pointer, 'security'), secured: hasScheme(opSecurity) };
  }
  const rootSecurity = own(root, 'security');
  if (Array.isArray(rootSecurity)) return { source: 'root', pointer: '/security', secured: hasScheme(rootSecurity) };
  return { source: 'none', secured: false };
}

function hasScheme(requirements: unknown[]): boolean {
  return requirements.some((r) => isObj(r) && Object.keys(r).length > 0);
}

function isPublic(op: OperationInfo): boolean {
  return own(op.operation, PUBLIC_EXTENSION) === true;
}

function apiOperations(ctx: RuleContext<unknown>): OperationInfo[] {
  return indexDocument(ctx.document, ctx.format).operations.filter((o) => o.kind === 'path');
}

export const operationSecurityDefined: StyleRule<Record<string, never>> = {
  id: 'specgate-operation-security-defined',
  description: 'Every operation has a security requirement or is explicitly public (x-public: true).',
  defaultSeverity: 'warn',
  formats: OAS_FORMATS,
  defaultOptions: {},
  scope: 'entry',
  check(ctx) {
    for (const op of apiOperations(ctx)) {
      if (isPublic(op)) continue;
      const sec = effectiveSecurity(ctx.document, op);
      if (sec.secured) continue;
      const label = operationLabel(op.method, op.path);
      if (sec.source === 'operation') {
        ctx.report({
          pointer: sec.pointer!,
          target: 'key',
          message: `${label} turns security off here but is not marked ${PUBLIC_EXTENSION}: true; add a security requirement or mark the operation public.`,
        });
      } else {
        ctx.report({
          pointer: op.pointer,
          target: 'key',
          message: `${label} has no security requirement; add security (on the operation or at the root) or mark it ${PUBLIC_EXTENSION}: true.`,
        });
      }
    }
  },
};

function securitySchemes(ctx: RuleContext<unknown>): { schemes: unknown; pointer: string; label: string } {
  return isOas2(ctx.format)
    ? { schemes: own(ctx.document, 'securityDefinitions'), pointer: '/securityDefinitions', label: 'securityDefinitions' }
    : {
        schemes: own(own(ctx.document, 'components'), 'securitySchemes'),
        pointer: '/components/securitySchemes',
        label: 'components.securitySchemes',
      };
}

export const securitySchemeDefined: StyleRule<Record<string, never>> = {
  id: 'specgate-security-scheme-defined',
  description: 'Every security scheme named in a security requirement is defined.',
  defaultSeverity: 'error',
  formats: OAS_FORMATS,
  defaultOptions: {},
  scope: 'entry',
  check(ctx) {
    const { schemes, label } = securitySchemes(ctx);
    const check = (security: unknown, pointer: string) => {
      if (!Array.isArray(security)) return;
      security.forEach((req, i) => {
        if (!isObj(req)) return;
        for (const name of Object.keys(req)) {
          if (own(schemes, name) !== undefined) continue;
          ctx.report({
            pointer: joinPointer(pointer, i, name),
            target: 'key',
            message: `Security scheme "${name}" is not defined in ${label}.`,
          });
        }
      });
    };
    check(own(ctx.document, 'security'), '/security');
    for (const op of indexDocument(ctx.document, ctx.format).operations) {
      check(own(op.operation, 'security'), joinPointer(op.pointer, 'security'));
    }
  },
};

export const noApiKeyInQuery: StyleRule<Record<string, never>> = {
  id: 'specgate-no-api-key-in-query',
  description: 'API keys are not sent in the query string, where they leak into logs.',
  defaultSeverity: 'warn',
  formats: OAS_FORMATS,
  defaultOptions: {},
  scope: 'entry',
  check(ctx) {
    const { schemes, pointer } = securitySchemes(ctx);
    if (!isObj(schemes)) return;
    for (const [name, scheme] of Object.entries(schemes)) {
      if (own(scheme, 'type') !== 'apiKey' || own(scheme, 'in') !== 'query') continue;
      ctx.report({
        pointer: joinPointer(pointer, name, 'in'),
        target: 'value',
        message: `API key scheme "${name}" is sent in the query string, where it leaks into server logs, proxies and browser history; send it in a header.`,
      });
    }
  },
};

function documentedStatuses(op: OperationInfo): Set<string> {
  return new Set(operationResponses(op).map((r) => r.status.toUpperCase()));
}

export const authErrorResponses: StyleRule<Record<string, never>> = {
  id: 'specgate-auth-error-responses',
  description: 'A secured operation documents 401 and 403 responses.',
  defaultSeverity: 'warn',
  formats: OAS_FORMATS,
  defaultOptions: {},
  scope: 'entry',
  check(ctx) {
    for (const op of apiOperations(ctx)) {
      if (isPublic(op) || !effectiveSecurity(ctx.document, op).secured) continue;
      const documented = documentedStatuses(op);
      const missing = ['401', '403'].filter((s) => !documented.has(s));
      if (missing.length === 0) continue;
      ctx.report({
        pointer: op.pointer,
        target: 'key',
        message: `Secured operation ${operationLabel(op.method, op.path)} does not document ${missing.length > 1 ? 'the' : 'a'} ${missing.join(' and ')} ${missing.length > 1 ? 'responses' : 'response'}.`,
        fix: { kind: 'add-responses', statuses: missing },
      });
    }
  },
};

export type RateLimitOptions = { headers: string[]; requireHeaders: boolean };

export const rateLimitResponses: StyleRule<RateLimitOptions> = {
  id: 'specgate-rate-limit-responses',
  description: 'Operations document 429 responses, and responses document rate-limit headers.',
  defaultSeverity: 'warn',
  enabledByDefault: false,
  formats: OAS_FORMATS,
  defaultOptions: { headers: ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'], requireHeaders: true },
  // Follows response `$ref`s anywhere and checks each target once across operations.
  scope: 'document',
  check(ctx) {
    const required = stringArray(ctx.options.headers);
    const checkedComponents = new Set<string>();
    for (const op of apiOperations(ctx)) {
      const label = operationLabel(op.method, op.path);
      const responses = operationResponses(op);
      if (!responses.some((r) => r.status === '429')) {
        ctx.report({
          pointer: op.pointer,
          target: 'key',
          message: `${label} does not document a 429 (Too Many Requests) response.`,
          fix: { kind: 'add-responses', statuses: ['429'] },
        });
      }
      if (ctx.options.requireHeaders === false || required.length === 0) continue;
      for (const r of responses) {
        if (!/^(2\d\d|2XX|429)$/i.test(r.status)) continue;
        let response = r.response;
        let pointer = r.pointer;
        let what = `Response ${r.status} of ${label}`;
        if (own(response, '$ref') !== undefined) {
          const target = resolveLocalRef(ctx.document, response);
          if (!target || checkedComponents.has(target.pointer)) continue;
          checkedComponents.add(target.pointer);
          response = target.value;
          pointer = target.pointer;
          what = `Response ${decodePointerSegment(target.pointer.slice(target.pointer.lastIndexOf('/') + 1))}`;
        }
        const headers = own(response, 'headers');
        const names = new Set(isObj(headers) ? Object.keys(headers).map((h) => h.toLowerCase()) : []);
        const missing = required.filter((h) => !names.has(h.toLowerCase()) && !names.has(`x-${h.toLowerCase()}`));
        if (missing.length === 0) continue;
        ctx.report({
          pointer,
          target: 'key',
          message: `${what} does not document the rate-limit ${missing.length > 1 ? 'headers' : 'header'} ${quoteList(missing)}.`,
          fix: { kind: 'add-headers', headers: missing },
        });
      }
    }
  },
};
