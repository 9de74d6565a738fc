/** Where the engine reports what it swallowed to keep serving; injected by each host (LSP console, CLI stderr, tests). */
export interface Logger {
  log(message: string): void;
}

export const silentLogger: Logger = { log: () => undefined };
