// Worker thread for examples/long-operations.ts: fits BG/NBD off the main thread. It receives the
// summary columns, fits, and posts the parameters back (plain data crosses threads; a model is JSON).
import { parentPort } from 'node:worker_threads';
import { fitBgNbd } from 'crmkit/clv';

parentPort.on('message', (rows) => {
  try {
    const model = fitBgNbd(rows);
    parentPort.postMessage({ ok: true, model });
  } catch (e) {
    // A CrmError crosses as its JSON form (code, message, params, details).
    parentPort.postMessage({ ok: false, error: typeof e?.toJSON === 'function' ? e.toJSON() : { message: String(e) } });
  }
});
