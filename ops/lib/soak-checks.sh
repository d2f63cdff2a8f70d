# shellcheck shell=bash
# Part of ops/soak (sourced, not run): descriptors and heap of the daemons, the checks at the end and the
# summary.

daemons=(backend-api relay-server relay-client inside-daemon partner-daemon)
fd_slack=${SOAK_FD_SLACK:-16}
heap_slack_mib=${SOAK_HEAP_SLACK_MIB:-48}
# ERROR lines that are expected, as extended regexes, with why:
expected_errors=(
)
declare -A fds=() heap_kib=()
problems=()
files_ok=0
files_different=0

# measure_all WHEN: for each daemon, fds[WHEN:NAME] and heap_kib[WHEN:NAME].
measure_all() {
    local when=$1 name pid
    for name in "${daemons[@]}"; do
        pid=$(pid_of "$name")
        running "$pid" || fail "$name (PID $pid) is not running at the $when measurement"
        fds[$when:$name]=$(find "/proc/$pid/fd" -mindepth 1 -maxdepth 1 | wc -l)
        heap_kib[$when:$name]=$(heap_after_gc "$pid") || fail "jcmd could not read the heap of $name (PID $pid)"
    done
}

# The heap in use (KiB) of the JVM PID right after a full collection (jcmd GC.run; GC.heap_info sums
# each space's "used", whichever collector runs).
heap_after_gc() {
    local pid=$1
    jcmd "$pid" GC.run >/dev/null 2>&1 || return 1
    jcmd "$pid" GC.heap_info 2>/dev/null \
        | grep -oE 'total [0-9]+K, used [0-9]+K' | sed -E 's/.*used ([0-9]+)K/\1/' \
        | awk '{ sum += $1 } END { if (NR == 0) exit 1; print sum }'
}

figures_line() {
    local when=$1 name text= kib
    for name in "${daemons[@]}"; do
        kib=${heap_kib[$when:$name]}
        text+="$name ${fds[$when:$name]} fds $((kib / 1024)) MiB; "
    done
    printf '%s\n' "${text%; }"
}

# After the last round: the sessions have ended (their receivers said so), so what is left is idle state.
measure_end() {
    measure_all end
    say "      end: $(figures_line end)"
}

check_soak() {
    check_soak_files
    ((files_different == 0)) || problems+=("$files_different file(s) missing or different")
    ((sessions_failed == 0)) || problems+=("$sessions_failed session(s) failed")
    ((refusals_wrong == 0)) || problems+=("$refusals_wrong refusal(s) not as expected")
    check_resources
    check_errors
    say "      $files_ok of $files_sent files identical; ${#problems[@]} problem(s)"
}

# Every file in the manifest against what arrived in the receiver's inbox.
check_soak_files() {
    local direction name size sent received
    while read -r direction name size sent; do
        case $direction in
            partner-inside) received=$(sha256_of "$inside_inbox/$name") ;;
            inside-partner) received=$(sha256_of "$partner_inbox/$name") ;;
        esac
        if [[ $received == "$sent" ]]; then
            files_ok=$((files_ok + 1))
        else
            files_different=$((files_different + 1))
            say "      $direction $name ($size octets): sent $sent, received $received"
        fi
    done <"$soak_dir/manifest"
}

check_resources() {
    local name base end
    for name in "${daemons[@]}"; do
        base=${fds[baseline:$name]} end=${fds[end:$name]}
        ((end <= base + fd_slack)) || problems+=("$name has $end open descriptors, baseline $base (slack $fd_slack)")
        base=${heap_kib[baseline:$name]} end=${heap_kib[end:$name]}
        ((end <= base + heap_slack_mib * 1024)) \
            || problems+=("$name uses $((end / 1024)) MiB of heap, baseline $((base / 1024)) MiB (slack $heap_slack_mib MiB)")
    done
}

# Every log line with ERROR as its level (or a stack trace's "Exception in thread"), in every file of the
# log folder; those matching expected_errors are counted apart.
check_errors() {
    local line pattern expected
    errors_expected=0
    errors_unexpected=0
    : >"$work/soak-errors.txt"
    while IFS= read -r line; do
        expected=false
        for pattern in "${expected_errors[@]}"; do
            [[ $line =~ $pattern ]] && { expected=true; break; }
        done
        if [[ $expected == true ]]; then
            errors_expected=$((errors_expected + 1))
        else
            errors_unexpected=$((errors_unexpected + 1))
            printf '%s\n' "$line" >>"$work/soak-errors.txt"
        fi
    done < <(grep -rhE '(^|[ [])ERROR([] ]|$)|Exception in thread' "$logs" 2>/dev/null || true)
    ((errors_unexpected == 0)) \
        || problems+=("$errors_unexpected unexpected ERROR line(s) (in $work/soak-errors.txt; the first: $(head -c 300 "$work/soak-errors.txt" | head -n1))")
}

print_soak_summary() {
    local name
    printf '\nSoak: %s rounds in %s s\n' "$rounds" "$SECONDS"
    printf '  transfers: %s sessions partner -> inside, %s inside -> partner, %s failed\n' \
        "$partner_sessions" "$inside_sessions" "$sessions_failed"
    printf '  files: %s sent (%s octets, %s MiB), %s identical (SHA-256), %s missing or different\n' \
        "$files_sent" "$bytes_sent" "$((bytes_sent / 1048576))" "$files_ok" "$files_different"
    printf '  refused partners: %s (wrong password: ESID 04, unknown Odette ID: ESID 03), %s not as expected\n' \
        "$refusals" "$refusals_wrong"
    printf '  relay-client restarts: %s\n' "$restarts"
    printf '  %-15s %14s %14s %16s %16s\n' DAEMON "FDS BASELINE" "FDS END" "HEAP BASELINE" "HEAP END"
    for name in "${daemons[@]}"; do
        printf '  %-15s %14s %14s %12s KiB %12s KiB\n' "$name" "${fds[baseline:$name]}" "${fds[end:$name]}" \
            "${heap_kib[baseline:$name]}" "${heap_kib[end:$name]}"
    done
    printf '  tolerance: descriptors +%s, heap +%s MiB (relay-client: its last instance against its first)\n' \
        "$fd_slack" "$heap_slack_mib"
    printf '  ERROR lines: %s expected, %s unexpected\n' "$errors_expected" "$errors_unexpected"
    printf '  logs: %s\n' "$logs"
    if ((${#problems[@]} > 0)); then
        printf '  PROBLEMS:\n'
        printf '    %s\n' "${problems[@]}"
    fi
    printf '\n'
}
