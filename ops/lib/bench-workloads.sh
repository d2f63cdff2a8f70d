# shellcheck shell=bash
# Part of ops/bench (sourced, not run): the workloads, each run through Portcullis and then haproxy, and
# the machine's AES-GCM ceiling. Bulk, set-up and latency also run straight to the inside daemon
# ("direct", plain TCP): what the load driver and the daemon manage without a relay between them. The load driver (module benchmarks, class RelayLoad) prints one line
# "RESULT workload=... key=value ..." per run; its values are kept as result[SETUP.NAME.key].

declare -A result=()

# Sizes: the issue's figures for a full run; a few seconds of each for --quick.
set_sizes() {
    if [[ $quick_run == true ]]; then
        bulk_one_size=$((16 << 20)) bulk_many_files=16 bulk_many_size=$((1 << 20)) bulk_warmup_size=0
        setup_sessions=64 setup_warmup=0 hold_sessions=200 latency_exchanges=200 latency_warmup=100
        openssl_seconds=1 warm_rounds=0
        # The figures of a smoke test do not matter: the driver and the daemons spend less CPU on compiling.
        driver_java_opts=$quick_java_opts daemon_java_opts=$quick_java_opts
    else
        bulk_one_size=$((1 << 30)) bulk_many_files=16 bulk_many_size=$((128 << 20)) bulk_warmup_size=$((64 << 20))
        setup_sessions=2000 setup_warmup=300 hold_sessions=10000 latency_exchanges=5000 latency_warmup=2000
        openssl_seconds=3 warm_rounds=8
        # The daemons run with the JVM's defaults (C2, the default collector), as bin/relay-server and
        # bin/relay-client run them for a user: quick_java_opts (C1 only) would measure a relay nobody runs.
        driver_java_opts= daemon_java_opts=
    fi
    setup_concurrency=32
}

# The workloads chosen with --only (default: all), each through Portcullis, then haproxy.
run_workloads() {
    local workload
    warm_up
    for workload in bulk setup hold latency; do
        # an "if", not "&&": a workload left out last would end the loop, and under set -e the run, with status 1
        if [[ ,$only, == *,$workload,* ]]; then
            "run_$workload"
        fi
    done
}

# relay-server and relay-client are daemons that run for months: what matters is how they relay once the JIT
# compiler has compiled their hot paths, as haproxy (C) is from its first octet. Until then the compiler takes
# seconds of CPU from the 2 cores the relay shares with the driver and the daemon (measured: 3.6 s of
# relay-server's compiler during a 9 s transfer of 1 GiB, after a 1 GiB warm-up). So a full run first sends a
# round of every workload through Portcullis, small, until a round leaves both JVMs' compiler threads nearly
# idle (under 5 % of the round), at most warm_rounds rounds; it prints what the compilers used in each round.
warm_up() {
    ((warm_rounds > 0)) || return 0
    local round before after elapsed
    say "warm-up: rounds of every workload through Portcullis until its JIT compilers are nearly idle"
    for ((round = 1; round <= warm_rounds; round++)); do
        before=$(relay_compiler_ticks)
        elapsed=$SECONDS
        load portcullis "warm$round-bulk1" bulk --files 1 --size $((256 << 20)) --work "$data/send" --name "WARM1-$round"
        load portcullis "warm$round-bulkN" bulk --files 16 --size $((8 << 20)) --work "$data/send" --name "WARMN-$round"
        load portcullis "warm$round-setup" setup --sessions 300 --warmup 0 --concurrency "$setup_concurrency" \
            --work "$data/send" --name "WARMS-$round"
        load portcullis "warm$round-latency" latency --exchanges 1000 --warmup 0
        after=$(relay_compiler_ticks)
        elapsed=$((SECONDS - elapsed))
        say "      warm-up round $round: ${elapsed} s; JIT compilers of relay-server and relay-client $(((after - before) * 10)) ms"
        # under 5 % of the round: ticks / 100 < elapsed * 5 / 100, so ticks * 20 < elapsed * 100
        if (((after - before) * 20 < elapsed * 100)); then
            return 0
        fi
    done
    say "      still compiling after $warm_rounds rounds: the figures include some JIT compilation"
}

# The clock ticks the JIT compilers of relay-server and relay-client have used together.
relay_compiler_ticks() {
    printf '%s\n' $(($(compiler_ticks "$(pid_of relay-server)") + $(compiler_ticks "$(pid_of relay-client)")))
}

# CPU time, in clock ticks (1/100 s), that the JIT compiler threads of the JVM PID have used.
compiler_ticks() {
    local task fields total=0
    for task in /proc/"$1"/task/*; do
        [[ $(cat "$task/comm" 2>/dev/null) == C[12]\ CompilerThre* ]] || continue
        # /proc/PID/task/TID/stat after "PID (comm) ": state is field 0, utime 11, stime 12
        read -ra fields < <(sed 's/^.*) //' "$task/stat" 2>/dev/null) || continue
        total=$((total + fields[11] + fields[12]))
    done
    printf '%s\n' "$total"
}

run_bulk() {
    local setup
    say "(1) bulk: 1 x $((bulk_one_size >> 20)) MiB, then $bulk_many_files x $((bulk_many_size >> 20)) MiB at once"
    # "direct": the driver straight to the inside daemon over plain TCP, what the two ends manage alone.
    for setup in direct portcullis haproxy; do
        if ((bulk_warmup_size > 0)); then
            load "$setup" warmup bulk --files 1 --size "$bulk_warmup_size" --work "$data/send" --name "WARM-${setup^^}"
        fi
        load "$setup" bulk1 bulk --files 1 --size "$bulk_one_size" --work "$data/send" --name "ONE-${setup^^}"
        load "$setup" bulkN bulk --files "$bulk_many_files" --size "$bulk_many_size" --work "$data/send" --name "MANY-${setup^^}"
    done
}

run_setup() {
    local setup
    say "(2) session set-up: $setup_sessions sessions of one 1 KiB file, $setup_concurrency at once"
    for setup in direct portcullis haproxy; do
        load "$setup" setup setup --sessions "$setup_sessions" --warmup "$setup_warmup" \
            --concurrency "$setup_concurrency" --work "$data/send" --name "SETUP-${setup^^}"
    done
}

run_hold() {
    say "(3) $hold_sessions sessions held after SSID"
    load portcullis hold hold --sessions "$hold_sessions" \
        --jvm "relay-server=$(pid_of relay-server)" --jvm "relay-client=$(pid_of relay-client)"
    local sessions=$((hold_sessions < haproxy_maxconn ? hold_sessions : haproxy_maxconn))
    load haproxy hold hold --sessions "$sessions" --watch "hop1=$haproxy_hop1_pid" --watch "hop2=$haproxy_hop2_pid"
}

run_latency() {
    local setup
    say "(4) SFID -> SFPA round trips: $latency_exchanges after $latency_warmup of warm-up, one session each"
    for setup in direct portcullis haproxy; do
        load "$setup" latency latency --exchanges "$latency_exchanges" --warmup "$latency_warmup"
    done
}

# load SETUP NAME WORKLOAD ARGS...: runs the load driver against SETUP, keeps its RESULT values.
load() {
    local setup=$1 name=$2 workload=$3 out=$logs/load-$1-$2.out target=()
    shift 2
    case $setup in
        direct) target=(--connect "$inside_address") ;;
        portcullis) target=(--connect "localhost:$portcullis_port" --tls) ;;
        haproxy) target=(--connect "localhost:$haproxy_port" --tls) ;;
    esac
    [[ $setup == direct ]] || target+=(--ca "$pki/ca.pem" --cert "$pki/partner.crt.pem" --key "$pki/partner.key.pem")
    case $workload in bulk | setup) target+=(--sink-dir "$sink_dir") ;; esac
    printf '$ relay-load %s\n' "$*" >"$out"
    # shellcheck disable=SC2086 # JAVA_OPTS and driver_java_opts are lists of options
    java ${JAVA_OPTS:-} $driver_java_opts -cp "$load_jar" org.portcullis.benchmarks.relay.RelayLoad "$@" "${target[@]}" \
        --odette-id "$partner_id" --password "$partner_password" --destination "$inside_id" \
        </dev/null >>"$out" 2>&1 || fail "$workload through $setup failed: $(last_problem "$out") (see $out)"
    local line field
    line=$(grep -m1 '^RESULT ' "$out") || fail "$workload through $setup printed no result (see $out)"
    for field in ${line#RESULT }; do
        result[$setup.$name.${field%%=*}]=${field#*=}
    done
    say "      $setup $name: ${line#RESULT workload=* }"
}

# The last line of a failed workload's output that says what went wrong: no stack frame, no result.
last_problem() {
    grep -vE '^(RESULT |\$ |[[:space:]]+at |[[:space:]]*\.\.\. [0-9]+ more)' "$1" | tail -n1
}

# AES-128-GCM on one core with 16 KiB blocks (TLS records are at most 16 KiB), in MB/s (10^6 octets).
measure_ceiling() {
    local line
    say "openssl speed -evp aes-128-gcm (16 KiB blocks, $openssl_seconds s)"
    line=$(openssl speed -evp aes-128-gcm -bytes 16384 -seconds "$openssl_seconds" 2>>"$logs/openssl.log" \
        | tee -a "$logs/openssl.log" | grep -i '^aes-128-gcm' | tail -n1) || fail "openssl speed printed no AES-128-GCM line"
    aes_per_core=$(awk '{ v = $NF; sub(/k$/, "", v); printf "%.0f", v * 1000 / 1e6 }' <<<"$line")
    cores=$(nproc)
}
