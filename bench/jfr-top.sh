#!/usr/bin/env bash
# Where a JFR recording's CPU samples go (see bench/README.md, "Profiling"): the hottest methods
# by self time (the sampled top frame) and the share of samples whose stack passes through each
# of a few parts of the request path (inclusive; one sample may count in several parts).
#
#   bench/jfr-top.sh RECORDING.jfr [TOP]      TOP: how many methods to list (25)
#
# Uses the JDK's `jfr` tool only. JDK 17 has no `jfr view`, hence the awk.
set -euo pipefail
REC="${1:?usage: bench/jfr-top.sh RECORDING.jfr [TOP]}"
TOP="${2:-25}"
JFR="${JFR_TOOL:-jfr}"

"$JFR" print --events jdk.ExecutionSample --stack-depth 200 "$REC" | awk -v top="$TOP" '
# The parts of the request path, as regular expressions on a frame (first match per part).
BEGIN {
    n = 0
    part[++n] = "CSRF filter and its cookie";       re[n] = "(\\.csrf\\.|CookieImpl|ServerCookieEncoder|addCookie|SameSite)"
    part[++n] = "Qute rendering";                  re[n] = "io\\.quarkus\\.qute\\."
    part[++n] = "UTF-8 / string encoding";         re[n] = "(sun\\.nio\\.cs\\.UTF_8|String\\.getBytes|StringCoding|encodeUTF8|ByteBufUtil\\.writeUtf8)"
    part[++n] = "JDBC driver (pgjdbc)";            re[n] = "org\\.postgresql\\."
    part[++n] = "Hibernate / Panache / Agroal";    re[n] = "(org\\.hibernate\\.|io\\.quarkus\\.hibernate|io\\.agroal\\.)"
    part[++n] = "Narayana transactions";           re[n] = "(com\\.arjuna\\.|io\\.quarkus\\.narayana)"
    part[++n] = "SecureRandom";                    re[n] = "SecureRandom"
    part[++n] = "RingWatch code";                  re[n] = "org\\.ringwatch\\."
    part[++n] = "Netty channel I/O";               re[n] = "(io\\.netty\\.channel\\.|io\\.netty\\.handler\\.|io\\.vertx\\.core\\.net\\.)"
    part[++n] = "Jackson (JSON writing)";          re[n] = "com\\.fasterxml\\.jackson\\."
    part[++n] = "SHA-256 (the API ETag)";          re[n] = "(MessageDigest|sun\\.security\\.provider\\.(SHA|Digest))"
}
/^jdk\.ExecutionSample/ { samples++; depth = 0; delete seen; thread = ""; next }
/sampledThread = / { thread = $0; sub(/.*sampledThread = "/, "", thread); sub(/".*/, "", thread)
                     gsub(/-[0-9]+$/, "-N", thread); threads[thread]++; next }
/stackTrace = \[/ { instack = 1; next }
instack && /^[ \t]*\]/ { instack = 0; next }
instack {
    frame = $0; sub(/^[ \t]+/, "", frame); sub(/[ \t]+line:.*/, "", frame)
    if (frame == "...") next
    if (depth++ == 0) self[frame]++
    for (i = 1; i <= n; i++) if (!(i in seen) && frame ~ re[i]) { seen[i] = 1; incl[i]++ }
}
END {
    if (samples == 0) { print "no jdk.ExecutionSample events in the recording"; exit 1 }
    printf "%d CPU samples\n\nBy thread (share of samples):\n", samples
    for (t in threads) printf "  %5.1f%%  %s\n", 100 * threads[t] / samples, t | "sort -rn"
    close("sort -rn")
    printf "\nParts of the request path (inclusive share of samples):\n"
    for (i = 1; i <= n; i++) printf "  %5.1f%%  %s\n", 100 * incl[i] / samples, part[i]
    printf "\nHottest methods by self time (top %d):\n", top
    for (f in self) printf "  %5.1f%%  %s\n", 100 * self[f] / samples, f | "sort -rn | head -n " top
    close("sort -rn | head -n " top)
}'
