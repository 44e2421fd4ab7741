#!/bin/sh
# Runs the benchmark kernels on a Gate engine and on Chicory 1.7.5's interpreter in the same JVM,
# prints the `bench` lines of both and a table of per-kernel ratios with their geometric mean.
#   testdata/bench/compare.sh [--engine NAME] [--runs N] [FILE.wasm...]   (default: all kernels)
# Needs JAVA_HOME pointing at JDK 25 (or java 21+ on PATH). Builds gate.bench and what it depends on.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

opts=""
files=""
while [ $# -gt 0 ]; do
    case "$1" in
        --engine|--runs) opts="$opts $1 $2"; shift 2 ;;
        *) files="$files $1"; shift ;;
    esac
done
[ -n "$files" ] || files=$(ls "$here"/*.wasm)

cd "$root"
./mvnw -q -pl bundles/gate.bench -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2
cp="bundles/gate.bench/target/classes:bundles/gate.bench/target/test-classes:$(cat bundles/gate.bench/target/bench.classpath)"
# shellcheck disable=SC2086
exec "$java" -cp "$cp" gate.bench.Compare $opts $files
