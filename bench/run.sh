#!/usr/bin/env bash
# bench/run.sh [--quick] [OPTIONS]: Werkdesk's benchmarks (issue 8). Starts the local stack the way ./werkdesk does, but
# on free loopback ports in a fresh home under bench/target (never ./werkdesk's ports or .werkdesk/), measures every
# figure beside the limit of the same servers (pgbench, Kafka's ProducerPerformance and ConsumerPerformance), and writes
# bench/results/<date>.md (bench/results/<date>-quick.md with --quick). It measures and reports; it never fails on a time.
#   --quick   tiny sizes: proves the harness in a few minutes
#   --help    every option (sizes, --service-java-opts, --jfr, --skip)
# Needs a JDK 17+, and pgbench (installed with apt-get when missing and run as root). Builds what is missing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

if ! command -v java >/dev/null 2>&1; then
  echo "bench needs a JDK 17 or newer on the PATH" >&2
  exit 1
fi

# pgbench measures PostgreSQL's own limit. Debian ships it in the server package postgresql-NN (any NN >= 13 talks to
# the PostgreSQL 17 the stack runs).
if ! command -v pgbench >/dev/null 2>&1 || ! pgbench --version >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    package=$(apt-cache search --names-only '^postgresql-[0-9]+$' | cut -d' ' -f1 | sort -V | tail -n 1)
    if [[ -z $package ]]; then
      apt-get update -q >/dev/null
      package=$(apt-cache search --names-only '^postgresql-[0-9]+$' | cut -d' ' -f1 | sort -V | tail -n 1)
    fi
    echo "Installing $package for pgbench"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null
  else
    echo "bench needs pgbench (Debian: apt-get install postgresql-15, as root)" >&2
    exit 1
  fi
fi

stale() { # stale BUILT SOURCES...: BUILT is missing or older than a file of SOURCES
  [[ ! -e $1 || -n $(find "${@:2}" -newer "$1" -type f -print -quit) ]]
}
# The five services' jars and the launcher: built (without tests) when missing or older than their code or the platform's,
# so that a run measures the checkout as it is.
services=(participant-service employer-service permit-service placement-service reporting-service)
missing=()
for service in "${services[@]}"; do
  stale "$service/target/quarkus-app/quarkus-run.jar" "$service/src/main" "$service/pom.xml" platform/*/src/main \
    && missing+=("$service")
done
stale deploy/local/target/launcher.classpath deploy/local/src/main deploy/local/pom.xml && missing+=(deploy/local)
if (( ${#missing[@]} )); then
  echo "Building ${missing[*]}"
  # package, as ./werkdesk builds: -am takes the platform from this checkout, and ~/.m2 stays untouched.
  ./mvnw -q -B package -DskipTests -pl "$(IFS=,; echo "${missing[*]}")" -am
fi
# The harness itself, with Kafka's tools and HdrHistogram on its classpath, and the framework's floor (bench/floor).
if stale bench/target/bench.classpath bench/src bench/pom.xml \
    || stale bench/floor/target/quarkus-app/quarkus-run.jar bench/floor/src bench/floor/pom.xml; then
  # -am: werkdesk-local and the platform come from this checkout's reactor, installed or not.
  ./mvnw -q -B -Pbench package -DskipTests -pl bench,bench/floor -am
fi

# The launcher's JVM also holds the Kafka broker and, in section 3, the events it copies.
exec java -Xms512m -Xmx4g -Dwerkdesk.root="$root" -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  nl.werkdesk.bench.Bench "$@"
