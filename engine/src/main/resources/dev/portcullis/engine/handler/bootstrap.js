// Portcullis's Node.js bootstrap: the Lambda programming model for one function, in a warm worker.
// Protocol: one JSON object per line. stdin: {"id","event","timeoutMs"}. stdout: {"type":"ready"|"initError"|
// "log"|"result"|"error", ...}. The handler's own output (console.*, process.stdout/stderr) never reaches stdout
// directly: it is sent as "log" messages, so it cannot corrupt the protocol.
'use strict';
const path = require('path');
const readline = require('readline');
const { pathToFileURL } = require('url');

const taskRoot = process.env.LAMBDA_TASK_ROOT;
const handlerName = process.env._HANDLER;
const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME;
const memory = process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE;
const region = process.env.AWS_REGION;
const send = ((write) => (message) => write(JSON.stringify(message) + '\n'))(process.stdout.write.bind(process.stdout));

let current = null;
function capture(stream) {
  return (chunk, encoding, callback) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    send({ type: 'log', id: current, stream, text });
    if (typeof encoding === 'function') encoding();
    else if (typeof callback === 'function') callback();
    return true;
  };
}
process.stdout.write = capture('stdout');
process.stderr.write = capture('stderr');

function describe(err) {
  if (err instanceof Error) {
    return { errorType: err.name || 'Error', errorMessage: String(err.message),
      trace: String(err.stack || '').split('\n').filter((l) => !l.includes(__filename)) };
  }
  if (typeof err === 'string') return { errorType: 'string', errorMessage: err, trace: [] };
  let text;
  try { text = JSON.stringify(err); } catch (e) { text = String(err); }
  return { errorType: typeof err, errorMessage: text, trace: [] };
}

async function load() {
  const dot = handlerName.lastIndexOf('.');
  if (dot <= 0 || dot === handlerName.length - 1) {
    throw Object.assign(new Error('Bad handler ' + handlerName + ': expected FILE.FUNCTION, e.g. index.handler'),
      { name: 'Runtime.MalformedHandlerName' });
  }
  const file = path.resolve(taskRoot, handlerName.substring(0, dot));
  const exported = handlerName.substring(dot + 1);
  let module;
  const candidates = ['.js', '.mjs', '.cjs'].map((ext) => file + ext);
  const found = candidates.find((f) => require('fs').existsSync(f));
  if (!found) {
    throw Object.assign(new Error('Cannot find module ' + path.basename(file) + ' (looked for '
      + candidates.map((c) => path.relative(taskRoot, c)).join(', ') + ' in ' + taskRoot + ')'),
      { name: 'Runtime.ImportModuleError' });
  }
  try {
    module = found.endsWith('.mjs') ? await import(pathToFileURL(found).href) : require(found);
  } catch (e) {
    if (e && e.code === 'ERR_REQUIRE_ESM') module = await import(pathToFileURL(found).href);
    else throw e;
  }
  const fn = module[exported] ?? (module.default && module.default[exported]);
  if (typeof fn !== 'function') {
    throw Object.assign(new Error(handlerName + ' is undefined or not exported'), { name: 'Runtime.HandlerNotFound' });
  }
  return fn;
}

// What keeps the event loop alive, by type. Write requests are the protocol's own output, not the handler's.
function activeResources() {
  const counts = {};
  for (const type of process.getActiveResourcesInfo ? process.getActiveResourcesInfo() : []) {
    if (type !== 'WriteWrap' && type !== 'ShutdownWrap') counts[type] = (counts[type] || 0) + 1;
  }
  return counts;
}

// The bootstrap's own resources when idle (its stdin): an event loop holding only these is "empty".
let idleResources = {};

function pendingBeyondIdle() {
  const pending = [];
  for (const [type, n] of Object.entries(activeResources())) {
    const extra = n - (idleResources[type] || 0);
    if (extra > 0) pending.push(type + (extra > 1 ? ' x' + extra : ''));
  }
  return pending;
}

// As Lambda's Node.js runtime does for a callback: with context.callbackWaitsForEmptyEventLoop true (the default) the
// answer waits until the timers, sockets and other work the handler left behind are done (or the function times
// out); false answers at once and leaves that work running into the next call. Checked from setImmediate, which
// (unlike a timer running its own callback) is not itself counted as pending.
function whenEventLoopEmpty(id, then) {
  let told = false;
  const check = () => {
    const pending = pendingBeyondIdle();
    if (pending.length === 0) {
      then();
      return;
    }
    if (!told) {
      told = true;
      send({ type: 'log', id, stream: 'portcullis', text: 'the callback was called; Lambda waits for the event loop to be '
        + 'empty before answering (context.callbackWaitsForEmptyEventLoop is true), and still pending: '
        + pending.join(', ') + '\n' });
    }
    setTimeout(() => setImmediate(check), 2);
  };
  setImmediate(check);
}

function invoke(handler, message) {
  const started = process.hrtime.bigint();
  const deadline = Date.now() + message.timeoutMs;
  current = message.id;
  let done = false;
  let context;
  const viaCallback = (err, value) => {
    if (done) return;
    if (context.callbackWaitsForEmptyEventLoop) whenEventLoopEmpty(message.id, () => finish(err, value));
    else finish(err, value);
  };
  const finish = (err, value) => {
    if (done) return;
    done = true;
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (err !== null && err !== undefined) {
      send({ type: 'error', id: message.id, durationMs, ...describe(err) });
      return;
    }
    let payload;
    try {
      payload = value === undefined ? null : JSON.parse(JSON.stringify(value));
    } catch (e) {
      send({ type: 'error', id: message.id, durationMs, errorType: 'Runtime.MalformedHandlerResponse',
        errorMessage: 'the return value could not be serialised to JSON: ' + e.message, trace: [] });
      return;
    }
    send({ type: 'result', id: message.id, durationMs, payload: payload === undefined ? null : payload });
  };
  context = {
    awsRequestId: message.id,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:' + region + ':000000000000:function:' + functionName,
    memoryLimitInMB: memory,
    logGroupName: '/aws/lambda/' + functionName,
    logStreamName: 'portcullis/local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    succeed: (value) => viaCallback(null, value),
    fail: (err) => viaCallback(err === undefined ? new Error('handled') : err),
    done: (err, value) => viaCallback(err, value),
  };
  const callback = (err, value) => viaCallback(err, value);
  try {
    const returned = handler(message.event, context, callback);
    if (returned && typeof returned.then === 'function') {
      returned.then((value) => finish(null, value), (err) => finish(err === undefined ? new Error('rejected') : err));
    } else if (handler.length < 3) {
      // A non-async handler that takes no callback: Lambda ignores its return value and answers null.
      setImmediate(() => {
        if (!done && returned !== undefined) {
          send({ type: 'log', id: message.id, stream: 'portcullis', text: 'the handler is neither async nor takes '
            + 'a callback, so Lambda ignores what it returned and answers null; make it async or call the callback\n' });
        }
        finish(null, null);
      });
    }
  } catch (err) {
    finish(err);
  }
}

process.on('uncaughtException', (err) => {
  send({ type: 'crash', id: current, ...describe(err) });
  process.exit(129);
});
process.on('unhandledRejection', (err) => {
  send({ type: 'crash', id: current, ...describe(err) });
  process.exit(128);
});

// Portcullis names itself as the parent; if it is gone (even before this line ran), so is this worker.
const parent = Number(process.env.PORTCULLIS_PARENT_PID) || process.ppid;
delete process.env.PORTCULLIS_PARENT_PID;
const orphaned = () => { if (process.ppid !== parent) process.exit(0); };
orphaned();
setInterval(orphaned, 1000).unref();

(async () => {
  // Portcullis writes the first call only after "ready", so reading stdin may start before the module loads; the idle
  // resources are taken here, so what the module's own top level leaves running counts as pending, as on Lambda.
  const lines = readline.createInterface({ input: process.stdin, terminal: false });
  idleResources = activeResources();
  const started = process.hrtime.bigint();
  let handler;
  try {
    handler = await load();
  } catch (err) {
    send({ type: 'initError', ...describe(err) });
    process.exit(2);
  }
  send({ type: 'ready', initMs: Number(process.hrtime.bigint() - started) / 1e6, version: process.version });
  current = null;
  lines.on('line', (line) => {
    if (line.trim() !== '') invoke(handler, JSON.parse(line));
  });
  lines.on('close', () => process.exit(0));
})();
