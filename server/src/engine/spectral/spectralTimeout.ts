import type { Diagnostic } from 'vscode-languageserver-types';
import { documentNote } from '../languageFeatures/diagnostics';

export const SPECTRAL_TIMEOUT = 'specgate-spectral-timeout';

/** The one finding a document gets when its Spectral run was stopped at `specgate.spectralTimeoutMs`. */
export function spectralTimeoutDiagnostic(rulesetFile: string | undefined, timeoutMs: number): Diagnostic {
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  const message = rulesetFile
    ? `Spectral was stopped after ${seconds} on this document: the ruleset ${decodeURIComponent(rulesetFile.slice(rulesetFile.lastIndexOf('/') + 1))} (${rulesetFile}) took too long, likely a custom function that never returns. Its findings are missing; it runs again once the ruleset changes. If the document is just large, raise specgate.spectralTimeoutMs.`
    : `Spectral was stopped after ${seconds} on this document (default rulesets); its findings are missing for this version. Raise specgate.spectralTimeoutMs for documents this large.`;
  return documentNote(SPECTRAL_TIMEOUT, 2, message);
}
