// One editor session for the edit-latency rows: didOpen, then one-character edits inside a
// description (each waits for that version's fast and breaking publishes), then optionally a save
// that runs Spectral (large files lint on save), then the server's peak RSS.
import { median } from './stats.mjs';
import { serverOn, oneCharacterEdits, parseFloor } from './lspScenario.mjs';

export async function editSession(spec, { edits = 5, spectralOnSave = false } = {}) {
  const { server, connection, uri, text, nth, finished } = await serverOn(spec);
  try {
    const opened = nth(1, 2);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await opened;
    const rssAfterOpen = server.peakRss();
    const { editFast, editBreaking } = await oneCharacterEdits({ connection, uri, lines: text.split('\n'), nth, edits });
    const parseAfterEdits = await parseFloor(text, () => finished(1 + edits));
    const rssAfterEdits = server.peakRss();
    if (spectralOnSave) {
      const spectral = nth(1 + edits, 3, performance.now());
      await connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
      await spectral;
    }
    const stat = (list) => ({ runs: list.length, median: median(list), min: Math.min(...list), max: Math.max(...list), samples: list });
    return { edits, editFast: stat(editFast), editBreaking: stat(editBreaking), parseAfterEdits, spectralOnSave, rssAfterOpen, rssAfterEdits, peakRssBytes: server.peakRss() };
  } finally {
    await server.shutdown();
  }
}
