import { isMarkdownUri } from '../engine/rules/docs/docsFiles';
import { docsCodeActions } from '../engine/rules/docs/docsQuickFix';
/**
 * LSP wiring for code actions: lazy naming actions resolved by `codeAction/resolve` when the client
 * can (`resolveSupport.properties` includes `edit`), eager ones otherwise; fix-all cancellable and
 * reporting `$/progress` (the client's work-done token, or one the server creates where allowed).
 */
import {
  CancellationToken,
  CodeActionRequest,
  Connection,
  TextDocuments,
  type ClientCapabilities,
  type CodeActionParams,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../engine/languageService';
import type { Cancellation } from '../engine/references/cancellation';
import { cancelledAsError } from './cancellation';
import { FIX_ALL_KIND } from '../engine/languageFeatures/fixAll';
import { isNamingActionData } from '../engine/languageFeatures/namingFixes';


/** Either token cancels. */
function either(a: Cancellation, b: Cancellation | undefined): Cancellation {
  return { get isCancellationRequested() { return a.isCancellationRequested || !!b?.isCancellationRequested; } };
}

/**
 * At most one progress report per `ms`: each message waits for the one before it on the way out,
 * so reports as fast as the work would queue up ahead of other documents' diagnostics.
 */
function throttled(report: (done: number, total: number) => void, ms = 250): (done: number, total: number) => void {
  let last = -Infinity;
  return (done, total) => {
    const now = Date.now();
    if (now - last < ms) return;
    last = now;
    report(done, total);
  };
}

export function registerCodeActionHandlers(connection: Connection, service: LanguageService, documents: TextDocuments<TextDocument>) {
  let lazy = false;
  let serverProgress = false;
  const current = (uri: string) => {
    const doc = documents.get(uri);
    return doc ? service.getDocument(uri, doc.getText(), doc.version) : undefined;
  };

  /** A reporter for fix-all: the client's token when it sent one, else one the server creates (cancellable from the UI). */
  async function fixAllProgress(attached: WorkDoneProgressReporter, hasClientToken: boolean): Promise<{ reporter: WorkDoneProgressReporter; token?: Cancellation }> {
    if (hasClientToken || !serverProgress) return { reporter: attached };
    try {
      const created = await connection.window.createWorkDoneProgress();
      return { reporter: created, token: created.token };
    } catch {
      return { reporter: attached };
    }
  }

  // Not `connection.onCodeAction`: it takes `workDoneToken` out of the params before the handler
  // runs, so a client's token would look absent and the progress would go to a server-made one.
  connection.onRequest(CodeActionRequest.type, async (params: CodeActionParams, token: CancellationToken) => {
    // Guides (Markdown): replace a mention with the operation the docs-drift rules suggest.
    if (isMarkdownUri(params.textDocument.uri)) {
      return docsCodeActions(params.textDocument.uri, documents.get(params.textDocument.uri)?.version ?? null, params.context.diagnostics);
    }
    const doc = current(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    const fixAll = !!only?.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(k + '.'));
    let progress: { reporter: WorkDoneProgressReporter; token?: Cancellation } | undefined;
    if (fixAll) {
      progress = await fixAllProgress(connection.window.attachWorkDoneProgress(params.workDoneToken), params.workDoneToken !== undefined);
      progress.reporter.begin('Specgate: fix naming', 0, undefined, true);
    }
    try {
      return await service.getCodeActions(doc, params.range, params.context.diagnostics, only, {
        lazy,
        control: {
          token: either(token, progress?.token),
          progress: progress && throttled((done, total) => progress!.reporter.report(Math.floor((100 * done) / Math.max(1, total)), `${done}/${total} findings`)),
        },
      });
    } catch (e) {
      return cancelledAsError(e);
    } finally {
      progress?.reporter.done();
    }
  });

  connection.onCodeActionResolve(async (action, token) => {
    if (!isNamingActionData(action.data)) return action;
    const doc = current(action.data.uri);
    if (!doc) return action;
    try {
      return await service.resolveCodeAction(doc, action, token);
    } catch (e) {
      return cancelledAsError(e);
    }
  });

  return {
    /** Reads the client's capabilities at `initialize`; returns the server's `codeActionProvider`. */
    initialize(capabilities: ClientCapabilities) {
      lazy = !!capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
      serverProgress = !!capabilities.window?.workDoneProgress;
      return { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: true };
    },
  };
}
