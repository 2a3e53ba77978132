// Asks a URL every INTERVAL ms, one request at a time, until its stdin closes, then prints
// the latencies as JSON. A process of its own, so a busy client (a benchmark reading a big
// download) cannot delay the probe: what it measures is the server's responsiveness.
//
// usage: node tests/bench/probe.ts URL [INTERVAL_MS]  (stdin open while probing)

const url = process.argv[2];
const interval = Number(process.argv[3] ?? 50);
if (!url) {
  process.stderr.write('usage: node tests/bench/probe.ts URL [INTERVAL_MS]\n');
  process.exit(2);
}
let running = true;
process.stdin.on('end', () => (running = false));
process.stdin.on('close', () => (running = false));
process.stdin.resume();
const latencies: number[] = [];
// Bounded: at most 10 minutes of probing even if stdin never closes.
const deadline = Date.now() + 600_000;
while (running && Date.now() < deadline) {
  const t = performance.now();
  try {
    await (await fetch(url, { signal: AbortSignal.timeout(120_000) })).arrayBuffer();
  } catch {
    // a failed probe counts as the time it took
  }
  latencies.push(performance.now() - t);
  await new Promise((r) => setTimeout(r, interval));
}
process.stdout.write(`${JSON.stringify({ count: latencies.length, max: Math.max(0, ...latencies) })}\n`);
process.exit(0);
