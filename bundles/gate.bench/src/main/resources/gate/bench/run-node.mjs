// Runs benchmark kernels under node's WebAssembly engine the way gate.bench runs them on Gate:
// compile once, then for each run a fresh instance (stub functions for any WASI import, `_initialize`
// when exported), time only the call of `run`, and check every result against NAME.expected.
// gate.bench ships it (gate/bench/run-node.mjs in its jar); `gate bench --engines ...,node-liftoff`
// starts it with --serve.
//
//   node --liftoff-only --no-wasm-tier-up [--no-wasm-lazy-compilation] \
//       run-node.mjs FILE.wasm... [--runs N] [--warmup N] [--function NAME]
//   node --liftoff-only --no-wasm-tier-up --no-wasm-lazy-compilation run-node.mjs --serve
//
// --liftoff-only keeps V8 on Liftoff, its single-pass compiler (--liftoff --no-wasm-tier-up alone
// still tiers hot functions up to TurboFan). With V8's default lazy compilation a function is
// compiled on its first call, inside the first run; --no-wasm-lazy-compilation compiles the whole
// module up front, so compile_ms covers all of it.
//
// Prints one line per file on stdout, like gate.bench:
//   bench <file> engine=<name> compile_ms=<x> min_ms=<x> median_ms=<x> runs=<n>
// (engine=node when --liftoff-only is missing). Results and errors go to stderr.
// Exit status: 0 success, 1 a file failed, 2 usage error.
//
// With --serve it reads one JSON request per line on stdin and answers each with one line on
// stdout, so that a harness can interleave single calls with other engines' calls:
//   {"op":"load","file":F,"function":NAME}  ->  ok <compile_ms>
//   {"op":"run"}                            ->  ok <call_ms> <result>   (fresh instance of the last load)
//   anything that fails                     ->  error <message>
// It exits with status 0 when stdin ends.
import { readFileSync, existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";

const USAGE = "usage: node --liftoff-only --no-wasm-tier-up run-node.mjs (FILE.wasm... [--runs N] [--warmup N] [--function NAME] | --serve)";
const ENOSYS = 52;

/** Thrown by the proc_exit stub to end a run, as gate.bench's WasiStubs does with a trap. */
class ProcExit extends Error {
    constructor(code) {
        super(`proc_exit(${code})`);
        this.code = code;
    }
}

function parseArgs(argv) {
    const files = [];
    let runs = 5;
    let warmup = 0;
    let fn = "run";
    let serve = false;
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === "--serve") {
            serve = true;
        } else if (a === "--runs" || a === "--warmup" || a === "--function") {
            if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
            const v = argv[++i];
            if (a === "--function") {
                fn = v;
            } else if (a === "--warmup") {
                warmup = Number(v);
                if (!Number.isInteger(warmup) || warmup < 0) throw new Error("--warmup must be an integer of at least 0");
            } else {
                runs = Number(v);
                if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be an integer of at least 1");
            }
        } else if (a.startsWith("-")) {
            throw new Error(`unknown option ${a}`);
        } else {
            files.push(a);
        }
    }
    if (serve !== (files.length === 0)) throw new Error(serve ? "--serve takes no FILE.wasm" : "no FILE.wasm given");
    return { files, runs, warmup, fn, serve };
}

/** Stub functions for the module's function imports; other import kinds are left unresolved. */
function stubImports(module) {
    const imports = {};
    for (const imp of WebAssembly.Module.imports(module)) {
        if (imp.kind !== "function") continue;
        const ns = (imports[imp.module] ??= {});
        if (imp.name === "proc_exit") {
            ns[imp.name] = (code) => { throw new ProcExit(code); };
        } else if (imp.module.startsWith("wasi")) {
            ns[imp.name] = () => ENOSYS; // every WASI function returns an i32 errno
        } else {
            ns[imp.name] = () => undefined;
        }
    }
    return imports;
}

/** The checksum in NAME.expected beside NAME.wasm as a BigInt, or null when there is none. */
function expected(file) {
    const path = file.replace(/\.wasm$/, "") + ".expected";
    if (!existsSync(path)) return null;
    const text = readFileSync(path, "ascii").trim();
    if (!/^[0-9]+$/.test(text)) throw new Error(`${path}: not an unsigned decimal checksum: ${text}`);
    return BigInt(text);
}

/** A wasm result as an unsigned BigInt (i32 results arrive as signed numbers, i64 as BigInts). */
function unsigned(result) {
    if (result === undefined) return 0n;
    if (typeof result === "bigint") return BigInt.asUintN(64, result);
    return BigInt(result >>> 0);
}

/** Compiles FILE (timed) and returns what a call needs. */
function load(file, fn) {
    const bytes = readFileSync(file);
    const start = performance.now();
    const module = new WebAssembly.Module(bytes);
    const compileMs = performance.now() - start;
    const imports = stubImports(module);
    const hasInit = WebAssembly.Module.exports(module).some((e) => e.name === "_initialize" && e.kind === "function");
    return { module, imports, hasInit, fn, compileMs };
}

/** One call of the loaded function on a fresh, initialised instance; only the call is timed. */
function callOnce(loaded) {
    const instance = new WebAssembly.Instance(loaded.module, loaded.imports);
    if (loaded.hasInit) instance.exports._initialize();
    const call = instance.exports[loaded.fn];
    if (typeof call !== "function") throw new Error(`no exported function ${loaded.fn}`);
    const t = performance.now();
    const result = unsigned(call());
    return { ms: performance.now() - t, result };
}

// warmup runs are checked but not timed, as gate.bench does with --warmup.
function measure(file, runs, warmup, fn, engine) {
    const want = expected(file);
    const loaded = load(file, fn);
    const compileMs = loaded.compileMs;
    const times = [];
    let result = 0n;
    for (let i = -warmup; i < runs; i++) {
        const sample = callOnce(loaded);
        result = sample.result;
        if (i >= 0) times.push(sample.ms);
        if (want !== null && result !== want) {
            throw new Error(`checksum ${result} on ${engine}, expected ${want}`);
        }
    }
    times.sort((a, b) => a - b);
    const h = Math.floor(runs / 2);
    const median = runs % 2 === 1 ? times[h] : (times[h - 1] + times[h]) / 2;
    return { compileMs, min: times[0], median, result };
}

/** The --serve loop: one request per stdin line, one answer line each (see the top of this file). */
async function serve() {
    let loaded = null;
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
        let answer;
        try {
            const request = JSON.parse(line);
            if (request.op === "load") {
                loaded = null;
                loaded = load(String(request.file), String(request.function ?? "run"));
                answer = `ok ${loaded.compileMs.toFixed(3)}`;
            } else if (request.op === "run") {
                if (loaded === null) throw new Error("run before a successful load");
                const sample = callOnce(loaded);
                answer = `ok ${sample.ms.toFixed(4)} ${sample.result}`;
            } else {
                throw new Error(`unknown op ${request.op}`);
            }
        } catch (e) {
            const what = e instanceof ProcExit ? `exited with ${e.code}` : e.message;
            answer = `error ${String(what).replace(/\s+/g, " ")}`;
        }
        process.stdout.write(answer + "\n");
    }
    return 0;
}

async function main() {
    let args;
    try {
        args = parseArgs(process.argv.slice(2));
    } catch (e) {
        console.error(`run-node: ${e.message}\n${USAGE}`);
        return 2;
    }
    if (args.serve) return serve();
    const liftoffOnly = process.execArgv.includes("--liftoff-only");
    const engine = liftoffOnly ? "node-liftoff" : "node";
    if (!liftoffOnly) console.error("run-node: --liftoff-only not given: V8 may tier up to TurboFan; engine=node");
    let status = 0;
    for (const file of args.files) {
        try {
            const m = measure(file, args.runs, args.warmup, args.fn, engine);
            console.log(`bench ${file} engine=${engine} compile_ms=${m.compileMs.toFixed(1)} `
                + `min_ms=${m.min.toFixed(1)} median_ms=${m.median.toFixed(1)} runs=${args.runs}`);
            console.error(`${file}: result ${m.result}`);
        } catch (e) {
            const what = e instanceof ProcExit ? `exited with ${e.code}` : e.message;
            console.error(`run-node: ${file}: ${what}`);
            status = 1;
        }
    }
    return status;
}

process.exitCode = await main();
