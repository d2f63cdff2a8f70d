# shellcheck shell=bash
# Part of ops/bench (sourced, not run): the table of results, from result[SETUP.NAME.key].

# row LABEL UNIT PORTCULLIS HAPROXY: a line with both values and Portcullis/HAProxy.
row() {
    awk -v label="$1" -v unit="$2" -v p="$3" -v h="$4" 'BEGIN {
        ratio = (p != "" && h != "" && h + 0 != 0) ? sprintf("%.2f", p / h) : "-"
        printf "%-52s %-11s %12s %12s %8s\n", label, unit, (p == "" ? "-" : p), (h == "" ? "-" : h), ratio
    }'
}

# Per-session memory is reported in KiB; the heap in all in MiB.
mib() {
    [[ -n $1 ]] && awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
}

# added DIRECT THROUGH: the microseconds a set-up adds to the direct round trip.
added() {
    [[ -n $1 && -n $2 ]] && awk -v d="$1" -v t="$2" 'BEGIN { printf "%.1f", t - d }'
}

# per_second SETUP: the held sessions over the seconds it took to open them.
per_second() {
    local sessions=${result[$1.hold.sessions]:-} seconds=${result[$1.hold.openSeconds]:-}
    [[ -n $sessions && -n $seconds ]] && awk -v n="$sessions" -v s="$seconds" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }'
}

share() {
    [[ -n $1 ]] && awk -v v="$1" -v c="$2" 'BEGIN { printf "%.1f%%", (c > 0 ? 100 * v / c : 0) }'
}

print_table() {
    local ceiling direct50 direct99
    ceiling=$((aes_per_core * cores / 4))
    direct50=${result[direct.latency.p50us]:-}
    direct99=${result[direct.latency.p99us]:-}
    printf '\n%-52s %-11s %12s %12s %8s\n' "Portcullis against HAProxy, same run" "unit" "Portcullis" "HAProxy" "P/H"
    printf '%s\n' "$(printf '%.0s-' {1..99})"
    row "(1) bulk, 1 x $((bulk_one_size >> 20)) MiB (direct: ${result[direct.bulk1.mbps]:--})" "MB/s" \
        "${result[portcullis.bulk1.mbps]:-}" "${result[haproxy.bulk1.mbps]:-}"
    row "(1) bulk, $bulk_many_files x $((bulk_many_size >> 20)) MiB at once (direct: ${result[direct.bulkN.mbps]:--})" "MB/s" \
        "${result[portcullis.bulkN.mbps]:-}" "${result[haproxy.bulkN.mbps]:-}"
    row "(2) session set-up, $setup_concurrency at once (direct: ${result[direct.setup.rate]:--})" "sessions/s" \
        "${result[portcullis.setup.rate]:-}" "${result[haproxy.setup.rate]:-}"
    row "(3) sessions held after SSID" "sessions" "${result[portcullis.hold.sessions]:-}" "${result[haproxy.hold.sessions]:-}"
    row "    opened per second, 32 at a time" "sessions/s" "$(per_second portcullis)" "$(per_second haproxy)"
    row "    DMZ hop resident memory per session" "KiB" \
        "${result[portcullis.hold.relay-server.rssPerSessionKiB]:-}" "${result[haproxy.hold.hop1.rssPerSessionKiB]:-}"
    row "    inside hop resident memory per session" "KiB" \
        "${result[portcullis.hold.relay-client.rssPerSessionKiB]:-}" "${result[haproxy.hold.hop2.rssPerSessionKiB]:-}"
    row "    relay-server heap after GC per session" "KiB" "${result[portcullis.hold.relay-server.heapPerSessionKiB]:-}" ""
    row "    relay-server heap after GC, all sessions" "MiB" "$(mib "${result[portcullis.hold.relay-server.heapKiB]:-}")" ""
    row "    DMZ hop resident memory, all sessions" "MiB" "$(mib "${result[portcullis.hold.relay-server.rssKiB]:-}")" \
        "$(mib "${result[haproxy.hold.hop1.rssKiB]:-}")"
    row "(4) SFID -> SFPA p50 (direct: ${direct50:--})" "us" "${result[portcullis.latency.p50us]:-}" "${result[haproxy.latency.p50us]:-}"
    row "    SFID -> SFPA p99 (direct: ${direct99:--})" "us" "${result[portcullis.latency.p99us]:-}" "${result[haproxy.latency.p99us]:-}"
    row "    added to the direct p50" "us" "$(added "$direct50" "${result[portcullis.latency.p50us]:-}")" \
        "$(added "$direct50" "${result[haproxy.latency.p50us]:-}")"
    row "    added to the direct p99" "us" "$(added "$direct99" "${result[portcullis.latency.p99us]:-}")" \
        "$(added "$direct99" "${result[haproxy.latency.p99us]:-}")"
    printf '%s\n' "$(printf '%.0s-' {1..99})"
    printf 'Ceiling: openssl AES-128-GCM %s MB/s per core x %s cores / 4 (each octet is decrypted and encrypted\n' \
        "$aes_per_core" "$cores"
    printf 'twice on the way) = %s MB/s. Portcullis bulk: %s of it (1 file), %s (%s files).\n' "$ceiling" \
        "$(share "${result[portcullis.bulk1.mbps]:-}" "$ceiling")" "$(share "${result[portcullis.bulkN.mbps]:-}" "$ceiling")" \
        "$bulk_many_files"
    printf 'P/H: Portcullis / HAProxy; above 1 is better for MB/s and sessions/s, below 1 for memory and latency.\n'
    printf 'direct: the driver straight to the inside daemon over plain TCP, the most the two ends manage.\n'
    printf 'Machine: %s cores, load average %s at the end; MB = 10^6 octets of file content.\n' "$cores" \
        "$(cut -d' ' -f1-3 /proc/loadavg)"
}
