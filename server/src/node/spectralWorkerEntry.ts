/**
 * The Spectral worker thread's entry (dist/spectralWorkerEntry.js): loads the worker bundle
 * (dist/spectralWorker.js, 5 MB) with V8's compiled code kept between runs, as dist/cli.js does for
 * the engine. The worker writes the cache after its first run (`specgateSaveCodeCache`), so the
 * functions Spectral compiled lazily are in it.
 */
import * as path from 'path';
import { requireWithCodeCache } from './codeCache';

const loaded = requireWithCodeCache(path.join(__dirname, 'spectralWorker.js'));
(globalThis as { specgateSaveCodeCache?: () => void }).specgateSaveCodeCache = () => loaded.save();
