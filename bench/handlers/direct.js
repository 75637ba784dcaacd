// Baseline for HandlerBenchmark: the same handler with the same event, called directly in one Node process
// (no Portcullis, no protocol). Prints p50 and p99 per call in microseconds, as JSON.
// Usage: node bench/handlers/direct.js HANDLER_DIR EVENT_JSON [warmup] [calls]
const path = require('path');
const fs = require('fs');
const [dir, eventFile, warmup = '5000', calls = '50000'] = process.argv.slice(2);
const { handler } = require(path.resolve(dir, 'index.js'));
const event = JSON.parse(fs.readFileSync(eventFile, 'utf8'));
const context = { awsRequestId: 'bench', functionName: 'partner-gate', getRemainingTimeInMillis: () => 3000 };
// The handler logs one line per call; the worker captures it too, so it is swallowed here rather than printed.
process.stdout.write = () => true;
(async () => {
  for (let i = 0; i < Number(warmup); i++) await handler(event, context);
  const samples = new Float64Array(Number(calls));
  for (let i = 0; i < samples.length; i++) {
    const t = process.hrtime.bigint();
    await handler(event, context);
    samples[i] = Number(process.hrtime.bigint() - t) / 1000;
  }
  samples.sort();
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  process.stderr.write(JSON.stringify({ calls: samples.length, p50: at(0.5), p99: at(0.99) }) + '\n');
})();
