/**
 * LSP wiring for the naming features: prepareRename/rename (F2) and the
 * "Fix naming in workspace" command, which sends `workspace/applyEdit` with a change annotation
 * that needs confirmation, so VS Code shows its refactor preview before applying.
 */
import { Connection, ErrorCodes, ResponseError, TextDocuments, ExecuteCommandParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../engine/languageService';
import { RenameRefusal } from '../engine/languageFeatures/rename';
import { CancelledError } from '../engine/references/cancellation';
import { cancelledAsError } from './cancellation';

/** The server-side command id (the client's palette command `specgate.fixNamingInWorkspace` forwards to it). */
export const FIX_NAMING_COMMAND = 'specgate.server.fixNamingInWorkspace';

function refusal(e: unknown): never {
  if (e instanceof RenameRefusal) throw new ResponseError(ErrorCodes.InvalidRequest, e.message);
  throw e;
}

export function registerRenameHandlers(connection: Connection, service: LanguageService, documents: TextDocuments<TextDocument>) {
  const current = (uri: string) => {
    const doc = documents.get(uri);
    return doc ? service.getDocument(uri, doc.getText(), doc.version) : undefined;
  };

  connection.onPrepareRename((params) => {
    const doc = current(params.textDocument.uri);
    if (!doc?.format) return null;
    try {
      return service.prepareRename(doc, params.position);
    } catch (e) {
      return refusal(e);
    }
  });

  connection.onRenameRequest(async (params, token) => {
    const doc = current(params.textDocument.uri);
    if (!doc?.format) return null;
    try {
      return await service.rename(doc, params.position, params.newName, token);
    } catch (e) {
      return e instanceof CancelledError ? cancelledAsError(e) : refusal(e);
    }
  });

  /** Runs the workspace naming fix; the result says what was proposed and whether the client applied it. */
  async function fixNamingInWorkspace(): Promise<{ fixes: number; files: number; applied: boolean; failureReason?: string }> {
    const versions = new Map(documents.all().map((d) => [d.uri, d.version] as [string, number]));
    const { edit, fixes, files } = await service.fixNamingInWorkspace(versions);
    if (fixes === 0) return { fixes, files, applied: false, failureReason: 'No non-breaking naming fixes in the workspace.' };
    const result = await connection.workspace.applyEdit({ label: `Specgate: fix naming (${fixes} fixes in ${files} files)`, edit });
    return { fixes, files, applied: result.applied, failureReason: result.failureReason };
  }

  return {
    commands: [FIX_NAMING_COMMAND],
    /** Handles the commands above; undefined for any other command. */
    execute(params: ExecuteCommandParams): Promise<unknown> | undefined {
      return params.command === FIX_NAMING_COMMAND ? fixNamingInWorkspace() : undefined;
    },
  };
}
