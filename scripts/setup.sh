#!/usr/bin/env bash
# Installs what the tests need beyond a JDK 17+ and Maven 3.8+, and does nothing that is already done:
#  * Chromium, for the browser tests of the JavaScript clients (Debian's package; as root only,
#    otherwise it says what to run);
#  * redis-server, for the cluster tests of sockeye-cluster-redis (Debian's package; as root only);
#  * the locked npm dependencies of clients/tests (playwright-core, ws, typescript, acorn) and of
#    clients/neffos-tests (neffos.js, ws), with npm ci, each only when missing or older than its lock.
# Node.js 18 or newer with npm must be on the PATH. Usage: scripts/setup.sh && mvn -B verify
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "setup: Node.js 18+ with npm is required (node and npm on the PATH)" >&2
    exit 1
fi

chromium_path="${SOCKEYE_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then
    echo "setup: Chromium present at $chromium_path"
elif [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Chromium (apt-get install -y chromium)"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
else
    echo "setup: Chromium is missing at $chromium_path; install it as root: apt-get update && apt-get install -y chromium" >&2
    exit 1
fi

if [ -x /usr/bin/redis-server ]; then
    echo "setup: redis-server present"
elif [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing redis-server (apt-get install -y redis-server)"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server
    # the tests start their own servers on free loopback ports; the packaged service is not needed
    (systemctl disable --now redis-server >/dev/null 2>&1 || service redis-server stop >/dev/null 2>&1 || true)
else
    echo "setup: redis-server is missing; install it as root: apt-get update && apt-get install -y redis-server" >&2
    exit 1
fi

for tests in clients/tests clients/neffos-tests; do
    if [ -f "$tests/node_modules/.package-lock.json" ] && [ "$tests/node_modules/.package-lock.json" -nt "$tests/package-lock.json" ]; then
        echo "setup: npm dependencies of $tests up to date"
    else
        echo "setup: npm ci in $tests"
        (cd "$tests" && npm ci --no-audit --no-fund)
    fi
done
