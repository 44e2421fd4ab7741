#!/bin/sh
# Measures the benchmark kernels side by side in one run: the native gcc -O2 binary, Gate's `native`
# engine, Gate's `interp` engine and node's Liftoff (V8's single-pass tier alone), their calls
# interleaved (`gate bench --engines`). Prints every `bench` line, then a table of per-kernel
# medians with the ratios engine/gcc and native/node, their geometric means and the largest ratios,
# then the native engine's compile times.
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

# Every engine side by side in one JVM (gate.bench.Main --engines): the gcc -O2 binaries, Gate's
# native and interp engines, node's Liftoff; their calls interleave round by round, so each engine
# samples the same phases of the machine (README.md, "Noise"). The program cache goes to a fresh
# directory so that compile_ms of the native engine is a real compile, not a cache hit.
engines=gcc-O2,native,interp
if command -v node > /dev/null 2>&1; then
    engines=$engines,node-liftoff
else
    echo "engines.sh: node not found on PATH: no node column" >&2
fi
echo "== side by side: $engines" >&2
status=0
# shellcheck disable=SC2086
$pin "$java" --enable-native-access=ALL-UNNAMED -Dgate.native.cache="$work/cache" -cp "$cp" \
    gate.bench.Main --engines "$engines" --runs "$runs" --warmup "$warmup" $files > "$work/out" || status=$?
[ $status = 0 ] || echo "engines.sh: some engines failed on some kernels (their cells are -)" >&2
grep '^bench ' "$work/out" > "$lines" || true
cat "$lines"

# Warm compile speed of the native engine's compiler alone (compile_ms above is one cold compile,
# decoding, validation and the program cache included).
echo "== gate.compiler warm compile speed" >&2
# shellcheck disable=SC2086
$pin "$java" -cp "$cp" gate.bench.CompileSpeed $files > "$work/compile" 2>&1 \
    || echo "engines.sh: CompileSpeed failed:" >&2

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

sed -n '/^$/,$p' "$work/out"
echo
awk -v sizes="$work/sizes" '
    function key(path) { sub(/.*\//, "", path); sub(/\.wasm$/, "", path); return path }
    BEGIN { while ((getline line < sizes) > 0) { split(line, p, " "); code[p[1]] = p[2] } }
    $1 == "bench" {
        k = key($2)
        if (!(k in seen)) { seen[k] = 1; order[++n] = k }
        for (i = 3; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
        comp[k, f["engine"]] = f["compile_ms"]
    }
    END {
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
