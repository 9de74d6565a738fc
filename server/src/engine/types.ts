/** Shared engine types. Ranges and positions are LSP's: 0-based lines and UTF-16 characters. */
export type { Range, Position, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';

/** Severity names as Spectral rulesets and the CLI spell them. */
export type SeverityName = 'error' | 'warn' | 'info' | 'hint';
export type SeveritySetting = SeverityName | 'off';
