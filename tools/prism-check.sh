#!/usr/bin/env bash
# Issue 19's measurement: a small pilot played through Stoplight Prism's validating proxy, one proxy in front of each
# service (the documents' paths prefixed with their server URL, /api/v1), and what Prism reports counted.
# Usage: tools/prism-check.sh [CHECKOUT] [PARTICIPANTS]
#   CHECKOUT: a built checkout (default: this one), whose stack it starts with ./werkdesk on the default ports in a
#   fresh WERKDESK_HOME and stops again; PARTICIPANTS: the Amsterdam pilot scaled to this many (default 22).
# Needs the default ports free (8081-8085, 19092, 15432) and 4081-4085 for the proxies. Installs Prism once into
# ${WERKDESK_TOOLS:-$HOME/.cache/werkdesk-tools}. Prints the calls and the violations per service and kind; with
# PRISM_LOGS=FOLDER, Prism's logs are kept there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "${1:-$here/..}" && pwd)
participants=${2:-22}
tools=${WERKDESK_TOOLS:-$HOME/.cache/werkdesk-tools}
prism=$tools/node_modules/.bin/prism
first_proxy=4081
services=(participant employer permit placement reporting)

if [[ ! -x $prism ]]; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --silent --no-audit --no-fund @stoplight/prism-cli@5.14.2 >/dev/null)
fi
work=$(mktemp -d)
logs=${PRISM_LOGS:-$work}
mkdir -p "$logs"
export WERKDESK_HOME=$work/home
proxies=()
stop() {
  for pid in "${proxies[@]}"; do kill "$pid" 2>/dev/null || true; done
  (cd "$root" && ./werkdesk down >/dev/null 2>&1) || true
  rm -rf "$work"
}
trap stop EXIT

(cd "$root" && ./werkdesk up --detach)
for i in "${!services[@]}"; do
  service=${services[$i]}
  # Prism matches the request path against the document's paths: give them the server URL the services answer under.
  node -e '
    const fs = require("fs");
    const doc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    const base = (doc.servers && doc.servers[0] && doc.servers[0].url) || "";
    doc.paths = Object.fromEntries(Object.entries(doc.paths).map(([path, item]) => [base + path, item]));
    delete doc.servers;
    fs.writeFileSync(process.argv[2], JSON.stringify(doc));
  ' "$root/$service-service/target/openapi/openapi.json" "$work/$service.json"
  "$prism" proxy "$work/$service.json" "http://127.0.0.1:$((8081 + i))" --port $((first_proxy + i)) --errors=false \
    >"$logs/$service.log" 2>&1 &
  proxies+=($!)
done
for service in "${services[@]}"; do
  until grep -q 'Prism is listening' "$logs/$service.log"; do sleep 1; done
done

classpath="$root/deploy/local/target/classes:$(cat "$root/deploy/local/target/launcher.classpath")"
java -cp "$classpath" "$here/prism/PrismScenario.java" "$WERKDESK_HOME" "$first_proxy" "$participants"

# Prism logs each call it forwards, then one line per violation it finds in the request or the response.
echo "== Prism's findings (${participants} participants)"
total_calls=0
total_violations=0
for service in "${services[@]}"; do
  log=$logs/$service.log
  calls=$(grep -c 'Request received' "$log" || true)
  responses=$(grep -c 'Violation: response' "$log" || true)
  requests=$(grep -c 'Violation: request' "$log" || true)
  echo "$service: $calls calls, $responses response violations, $requests request violations"
  grep -o 'Violation: response[^ ]* .*' "$log" | sed -E 's/[0-9a-f]{8}-[0-9a-f-]{27}/ID/g' | sort | uniq -c | sort -rn | head -n 15 || true
  total_calls=$((total_calls + calls))
  total_violations=$((total_violations + responses))
done
echo "total: $total_calls calls, $total_violations response violations"
