// The JS side of the sandbox: loads Pyodide once, then answers one JSON request per stdin line.
//
// It runs under Deno (or Node) with deny-by-default permissions, usually inside bubblewrap. It is
// trusted code; the Python it runs is not. Nothing here evaluates strings as JavaScript, and the
// host runs with code generation from strings disabled, so a Python program that reaches a JS
// object cannot turn text into JS code either.
//
// Protocol (one JSON object per line, both ways):
//   first line in:  {"pyodide": dir, "site": zip or null, "snapshot": file or null,
//                    "inside": python source of the runner, "make_snapshot": out file or null}
//   reply:          {"ready": true, "ms": load time, "from_snapshot": bool}
//   then in:        {"op": "run", "code": str, "limit": chars} | {"op": "ping"}
//   reply to run:   {"received": true} at once, then
//                   {"stdout", "stderr", "stdout_cut", "stderr_cut", "value", "error"}
import { createInterface } from "node:readline";
import { readFileSync, writeFileSync } from "node:fs";
import process from "node:process";

const SITE_PATH = "/calx/site-packages.zip"; // fixed in-VM path: a snapshot refers to it

const encoder = new TextEncoder();

// Deno's native read is several times faster than its node:fs shim for the 65 MB snapshot.
const readBytes = (path) => (typeof Deno !== "undefined" ? Deno.readFileSync(path) : readFileSync(path));

// Deno's own stdio is used when present: its Node-compat streams add ~15 ms per round trip.
function send(obj) {
  const text = JSON.stringify(obj) + "\n";
  if (typeof Deno === "undefined") return process.stdout.write(text);
  const bytes = encoder.encode(text);
  for (let off = 0; off < bytes.length; ) off += Deno.stdout.writeSync(bytes.subarray(off));
}

async function* inputLines() {
  if (typeof Deno === "undefined") {
    yield* createInterface({ input: process.stdin, crlfDelay: Infinity });
    return;
  }
  const decoder = new TextDecoder();
  let pending = "";
  for await (const chunk of Deno.stdin.readable) {
    pending += decoder.decode(chunk, { stream: true });
    let nl;
    while ((nl = pending.indexOf("\n")) >= 0) {
      yield pending.slice(0, nl);
      pending = pending.slice(nl + 1);
    }
  }
  if (pending) yield pending;
}

// Collects a stream up to `limit` characters and counts what was cut, so a flood cannot fill memory.
class CappedSink {
  constructor(limit) {
    this.limit = limit;
    this.parts = [];
    this.size = 0;
    this.cut = 0;
  }
  write(text) {
    const room = this.limit - this.size;
    if (room <= 0) {
      this.cut += text.length;
      return;
    }
    const kept = text.length <= room ? text : text.slice(0, room);
    this.parts.push(kept);
    this.size += kept.length;
    this.cut += text.length - kept.length;
  }
  text() {
    return this.parts.join("");
  }
}

// Pyodide restores a snapshot by copying it over the wasm heap, but this build ignores the
// INITIAL_MEMORY hint, so a snapshot larger than the module's initial memory does not fit. Grow the
// memory to the snapshot's heap size right after instantiation, before Emscripten takes its views.
async function growingModule(dir, snapshot) {
  const create = (await import(new URL("file://" + dir + "/pyodide.asm.mjs").href)).default;
  const header = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 4)[1];
  const pages = Math.ceil((snapshot.length - header) / 65536);
  return (settings) => {
    const instantiate = settings.instantiateWasm;
    settings.instantiateWasm = (imports, receive) =>
      instantiate(imports, (instance, module) => {
        const memory = instance.exports.memory;
        const have = memory.buffer.byteLength / 65536;
        if (pages > have) memory.grow(pages - have);
        return receive(instance, module);
      });
    return create(settings);
  };
}

// Node's permission model refuses process.binding(), which Emscripten calls once for file-mode
// constants. Answer exactly that request from the public modules and keep refusing the rest.
async function shimNodeBinding() {
  if (typeof Deno !== "undefined" || !process.permission) return;
  const fs = await import("node:fs");
  const os = await import("node:os");
  const original = process.binding.bind(process);
  process.binding = (name) =>
    name === "constants" ? { fs: fs.constants, os: os.constants } : original(name);
}

async function boot(cfg) {
  const t0 = performance.now();
  await shimNodeBinding();
  const { loadPyodide } = await import(new URL("file://" + cfg.pyodide + "/pyodide.mjs").href);
  const options = {
    indexURL: cfg.pyodide + "/",
    // The `js` module sees only this empty, prototype-less object, not globalThis.
    jsglobals: Object.freeze(Object.create(null)),
    env: { HOME: "/home/pyodide" },
    checkAPIVersion: true,
  };
  if (cfg.snapshot && !cfg.make_snapshot) {
    const snapshot = readBytes(cfg.snapshot);
    options._loadSnapshot = snapshot;
    options.createPyodideModule = await growingModule(cfg.pyodide, snapshot);
  }
  if (cfg.make_snapshot) options._makeSnapshot = true;
  const phases = { read: performance.now() - t0 };
  const py = await loadPyodide(options);
  phases.load = performance.now() - t0 - phases.read;
  if (cfg.site) {
    // Pure-Python packages (SymPy, mpmath) as one zip, imported by zipimport: one read, no unpacking.
    py.FS.mkdirTree("/calx");
    py.FS.writeFile(SITE_PATH, readBytes(cfg.site));
  }
  phases.site = performance.now() - t0 - phases.read - phases.load;
  const ns = py.runPython(cfg.inside + "\n_calx_namespace()");
  const setup = ns.get("setup");
  setup(cfg.site ? SITE_PATH : null, !!cfg.make_snapshot, cfg.bridge_filter !== false);
  setup.destroy();
  let runner = null;
  if (cfg.make_snapshot) {
    ns.destroy(); // a snapshot must not hold JS references to Python objects
    writeFileSync(cfg.make_snapshot, py.makeMemorySnapshot());
  } else {
    runner = ns.get("run");
    ns.destroy();
  }
  phases.setup = performance.now() - t0 - phases.read - phases.load - phases.site;
  return { py, runner, ms: performance.now() - t0, phases };
}

function runOne(state, req) {
  const limit = req.limit ?? 65536;
  const out = new CappedSink(limit);
  const err = new CappedSink(limit);
  state.py.setStdout({ write: (buf) => { out.write(new TextDecoder().decode(buf)); return buf.length; } });
  state.py.setStderr({ write: (buf) => { err.write(new TextDecoder().decode(buf)); return buf.length; } });
  let reply;
  try {
    const r = state.runner(req.code, req.value_limit ?? limit);
    const [value, etype, emsg, tb] = r.toJs();
    r.destroy();
    reply = { value: value ?? null, error: etype ? { type: etype, message: emsg, traceback: tb } : null };
  } catch (e) {
    // A failure outside the Python runner (a fatal wasm error) leaves the VM unusable.
    reply = { value: null, error: { type: "crashed", message: String(e && e.message || e) }, fatal: true };
  }
  return { ...reply, stdout: out.text(), stderr: err.text(), stdout_cut: out.cut, stderr_cut: err.cut };
}

async function main() {
  let state = null;
  for await (const line of inputLines()) {
    if (!line.trim()) continue;
    const msg = JSON.parse(line);
    if (state === null) {
      state = await boot(msg);
      send({ ready: true, ms: state.ms, phases: state.phases, from_snapshot: !!msg.snapshot && !msg.make_snapshot });
      if (msg.make_snapshot) break;
      continue;
    }
    if (msg.op === "ping") send({ pong: true });
    else if (msg.op === "run") {
      send({ received: true }); // from here on, dying means dying during this code (see worker.py)
      const reply = runOne(state, msg);
      send(reply);
      if (reply.fatal) break;
    }
  }
  process.exit(0);
}

main().catch((e) => {
  send({ fatal: true, error: { type: "crashed", message: String(e && e.stack || e) } });
  process.exit(1);
});
