#!/bin/sh
# Measures the benchmark kernels side by side in one run: the native gcc -O2 binary, Gate's `native`
# engine, Gate's `interp` engine and node's Liftoff (V8's single-pass tier alone). Prints every
# `bench` line, then a table of per-kernel medians with the ratios engine/gcc, their geometric means
# and the largest native/gcc ratio, then the native engine's compile times.
#   testdata/bench/engines.sh [--runs N] [--cpu K] [FILE.wasm...]   (default: all kernels, 5 runs)
# --cpu K runs every measured process on CPU K only (taskset): on a small shared VM a run that shares
# its CPU with another busy thread takes up to twice as long (see README.md, "Noise").
# Needs JAVA_HOME pointing at JDK 25 (or java 21+ on PATH), gcc and make; node and wasm-objdump are
# optional (their columns are skipped with a message). Builds gate.bench and what it depends on.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

runs=5
warmup=2
files=""
pin=""
while [ $# -gt 0 ]; do
    case "$1" in
        --runs)
            [ $# -ge 2 ] || { echo "engines.sh: --runs needs a value" >&2; exit 2; }
            runs=$2; shift 2 ;;
        --warmup)
            [ $# -ge 2 ] || { echo "engines.sh: --warmup needs a value" >&2; exit 2; }
            warmup=$2; shift 2 ;;
        --cpu)
            [ $# -ge 2 ] || { echo "engines.sh: --cpu needs a value" >&2; exit 2; }
            command -v taskset > /dev/null 2>&1 || { echo "engines.sh: --cpu needs taskset" >&2; exit 2; }
            pin="taskset -c $2"; shift 2 ;;
        -*) echo "usage: engines.sh [--runs N] [--warmup N] [--cpu K] [FILE.wasm...]" >&2; exit 2 ;;
        *) files="$files $1"; shift ;;
    esac
done
case "$runs" in ''|*[!0-9]*|0) echo "engines.sh: --runs must be a positive integer" >&2; exit 2 ;; esac
case "$warmup" in ''|*[!0-9]*) echo "engines.sh: --warmup must be a non-negative integer" >&2; exit 2 ;; esac
[ -n "$files" ] || files=$(ls "$here"/*.wasm)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lines="$work/bench.lines"
: > "$lines"

cd "$root"
echo "== building gate.bench (package, tests skipped) and the native kernels" >&2
# package, not test-compile: gate-container reaches the class path only inside the gate.runtime.native jar.
./mvnw -q -o -pl bundles/gate.bench -am package -DskipTests dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2
make -s -C "$here" native >&2
cp="bundles/gate.bench/target/classes:bundles/gate.bench/target/test-classes:$(cat bundles/gate.bench/target/bench.classpath)"

# gcc -O2: one process per run; the binary times its call of run() itself (`--time`), which is what
# gate.bench times on an engine (no process start and exit), and prints the checksum, checked here.
echo "== gcc -O2" >&2
for f in $files; do
    name=$(basename "$f" .wasm)
    bin="$(dirname "$f")/native/$name"
    if [ ! -x "$bin" ]; then
        echo "engines.sh: $bin missing: no gcc column for $name" >&2
        continue
    fi
    want=$(cat "$(dirname "$f")/$name.expected" 2>/dev/null || true)
    : > "$work/times"
    i=0
    while [ $i -lt "$warmup" ]; do  # untimed, like the other engines' warm-up runs
        $pin "$bin" --time > /dev/null 2>&1 || true
        i=$((i + 1))
    done
    i=0
    ok=1
    while [ $i -lt "$runs" ]; do
        got=$($pin "$bin" --time 2> "$work/err")
        if [ -n "$want" ] && [ "$got" != "$want" ]; then
            echo "engines.sh: $bin: checksum $got, expected $want" >&2
            ok=0
            break
        fi
        sed -n 's/^call_ms=//p' "$work/err" >> "$work/times"
        i=$((i + 1))
    done
    [ $ok = 1 ] || continue
    sort -g "$work/times" | awk -v f="$f" -v n="$runs" '
        { t[NR] = $1 }
        END {
            m = n % 2 ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2
            printf "bench %s engine=gcc-O2 compile_ms=- min_ms=%.1f median_ms=%.1f runs=%d\n", f, t[1], m, n
        }' | tee -a "$lines"
done

# Gate's engines, one JVM each. The program cache goes to a fresh directory so that compile_ms of the
# native engine is a real compile, not a cache hit.
for engine in native interp; do
    echo "== Gate $engine" >&2
    # shellcheck disable=SC2086
    if ! $pin "$java" --enable-native-access=ALL-UNNAMED -Dgate.native.cache="$work/cache" -cp "$cp" \
            gate.bench.Main --engine "$engine" --runs "$runs" --warmup "$warmup" $files > "$work/out" 2> "$work/err"; then
        echo "engines.sh: Gate $engine failed on some or all kernels (missing cells are skipped):" >&2
        sed 's/^/  /' "$work/err" | grep -v ': result ' | head -20 >&2
    fi
    tee -a "$lines" < "$work/out"
done

# Warm compile speed of the native engine's compiler alone (compile_ms above is one cold compile,
# decoding, validation and the program cache included).
echo "== gate.compiler warm compile speed" >&2
# shellcheck disable=SC2086
$pin "$java" -cp "$cp" gate.bench.CompileSpeed $files > "$work/compile" 2>&1 \
    || echo "engines.sh: CompileSpeed failed:" >&2

echo "== node (Liftoff only)" >&2
if command -v node > /dev/null 2>&1; then
    # --liftoff-only: no TurboFan at all (--liftoff --no-wasm-tier-up alone still tiers up);
    # --no-wasm-lazy-compilation: compile_ms covers the whole module, not only validation.
    # shellcheck disable=SC2086
    if ! $pin node --liftoff-only --no-wasm-tier-up --no-wasm-lazy-compilation "$here/run-node.mjs" \
            --runs "$runs" --warmup "$warmup" $files > "$work/out" 2> "$work/err"; then
        echo "engines.sh: node failed on some or all kernels:" >&2
        grep -v ': result ' "$work/err" | sed 's/^/  /' | head -20 >&2
    fi
    tee -a "$lines" < "$work/out"
else
    echo "engines.sh: node not found on PATH: no node column" >&2
fi

# Code section sizes, for the native engine's compile speed.
: > "$work/sizes"
if command -v wasm-objdump > /dev/null 2>&1; then
    for f in $files; do
        size=$(wasm-objdump -h "$f" | sed -n 's/^ *Code .*(size=\(0x[0-9a-f]*\)).*/\1/p')
        [ -n "$size" ] && echo "$(basename "$f" .wasm) $((size))" >> "$work/sizes"
    done
else
    echo "engines.sh: wasm-objdump not found: no code sizes" >&2
fi

echo
awk -v sizes="$work/sizes" '
    function key(path) { sub(/.*\//, "", path); sub(/\.wasm$/, "", path); return path }
    function cell(e, k) { return (k SUBSEP e) in med ? sprintf("%.1f", med[k, e]) : "-" }
    function ratio(e, k,   r) {
        if (!((k SUBSEP e) in med) || !((k SUBSEP "gcc-O2") in med) || med[k, "gcc-O2"] <= 0) return "-"
        r = med[k, e] / med[k, "gcc-O2"]
        logsum[e] += log(r); count[e]++
        if (r > maxr[e]) { maxr[e] = r; maxk[e] = k }
        return sprintf("%.2f", r)
    }
    function vsnode(k,   r) {
        if (!((k SUBSEP "native") in med) || !((k SUBSEP "node-liftoff") in med)) return "-"
        r = med[k, "native"] / med[k, "node-liftoff"]
        logsum["vsnode"] += log(r); count["vsnode"]++
        return sprintf("%.2f", r)
    }
    function geo(e) { return count[e] ? sprintf("%.2f", exp(logsum[e] / count[e])) : "-" }
    BEGIN { while ((getline line < sizes) > 0) { split(line, p, " "); code[p[1]] = p[2] } }
    $1 == "bench" {
        k = key($2)
        if (!(k in seen)) { seen[k] = 1; order[++n] = k }
        for (i = 3; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
        med[k, f["engine"]] = f["median_ms"]
        comp[k, f["engine"]] = f["compile_ms"]
    }
    END {
        print "| kernel | gcc -O2 ms | native ms | native/gcc | interp ms | interp/gcc | node-liftoff ms | node/gcc | native/node |"
        print "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
        for (i = 1; i <= n; i++) {
            k = order[i]
            printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", k, cell("gcc-O2", k),
                cell("native", k), ratio("native", k), cell("interp", k), ratio("interp", k),
                cell("node-liftoff", k), ratio("node-liftoff", k), vsnode(k)
        }
        printf "| geometric mean | | | %s | | %s | | %s | %s |\n", geo("native"), geo("interp"), geo("node-liftoff"), geo("vsnode")
        if (count["native"]) printf "| max native/gcc | | | %.2f (%s) | | | | | |\n", maxr["native"], maxk["native"]
        print ""
        print "| kernel | code section bytes | native compile_ms | node-liftoff compile_ms |"
        print "|---|---:|---:|---:|"
        for (i = 1; i <= n; i++) {
            k = order[i]
            printf "| %s | %s | %s | %s |\n", k, (k in code) ? code[k] : "-",
                ((k SUBSEP "native") in comp) ? comp[k, "native"] : "-",
                ((k SUBSEP "node-liftoff") in comp) ? comp[k, "node-liftoff"] : "-"
        }
    }' "$lines"
echo
cat "$work/compile"
