// Child of the bench: reads a Worker isolate's memory over the V8 inspector workerd exposes
// (Runtime.getHeapUsage: the JS heap and the ArrayBuffer backing stores), prints it as one JSON line and
// exits. Attached only when read: a debugger session held open makes workerd keep more memory.
// Run with `node --experimental-websocket` (Node 20's WebSocket).
const ws = new WebSocket(process.argv[2], { headers: { origin: 'https://devtools.devprod.cloudflare.dev' } });
let id = 0;
const waiting = new Map();
ws.addEventListener('message', (e) => {
  const m = JSON.parse(String(e.data));
  waiting.get(m.id)?.(m.result);
  waiting.delete(m.id);
});
const call = (method) =>
  new Promise((ok) => {
    const my = ++id;
    waiting.set(my, ok);
    ws.send(JSON.stringify({ id: my, method }));
  });
ws.addEventListener('open', async () => {
  const h = await call('Runtime.getHeapUsage');
  console.log(JSON.stringify({ used: h?.usedSize, total: h?.totalSize, backing: h?.backingStorageSize }));
  ws.close();
  process.exit(0);
});
ws.addEventListener('error', () => process.exit(1));
setTimeout(() => process.exit(1), 10_000);
