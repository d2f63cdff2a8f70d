# shellcheck shell=bash
# Part of ops/soak (sourced, not run): the rounds of traffic and the restarts of relay-client.
#
# Every file sent is listed in $work/soak/manifest as "DIRECTION NAME SIZE SHA-256"; the receivers keep
# what arrived in their inboxes until the end, where check_soak compares them.

stranger_id=O0013000000STRANGER
# Sizes a file is drawn from: empty, one octet, around one OFTP2 buffer (99,999 octets at most), a few
# exchange buffers, and larger files; "random" is 1 octet to 4 MiB.
soak_sizes=(0 1 127 4096 99999 100000 1048576 random random 8388608)
rounds=0
restarts=0
sessions_failed=0
refusals=0
refusals_wrong=0
files_sent=0
bytes_sent=0
partner_sessions=0
inside_sessions=0

# One round before the baseline: the first transfers load classes, fill pools and caches.
warm_up() {
    soak_dir=$work/soak
    mkdir -p "$soak_dir" "$logs/rounds"
    : >"$soak_dir/manifest"
    soak_round
    measure_all baseline
    say "      baseline: $(figures_line baseline)"
}

# soak_for MINUTES RESTART_MINUTES: rounds until MINUTES have passed since the warm-up, relay-client
# restarted between rounds once RESTART_MINUTES have passed since it (re)started.
soak_for() {
    local end=$((SECONDS + $1 * 60)) restart_every=$(($2 * 60)) last_restart=$SECONDS
    while ((SECONDS < end)); do
        if ((SECONDS - last_restart >= restart_every)); then
            restart_client
            last_restart=$SECONDS
        fi
        soak_round
        if ((rounds % 10 == 0)); then
            say "      $rounds rounds, $files_sent files, $((bytes_sent / 1048576)) MiB, $restarts restarts, $((end - SECONDS)) s left"
        fi
    done
}

# A round: three files each way in one session each, both sessions at once; then a refused partner.
soak_round() {
    rounds=$((rounds + 1))
    local n=$rounds partner_out=$soak_dir/partner-out/$rounds inside_out=$soak_dir/inside-out/$rounds
    mkdir -p "$partner_out" "$inside_out"
    make_soak_files "$partner_out" P partner-inside 3
    make_soak_files "$inside_out" I inside-partner 3
    local partner_before inside_before partner_code=0 inside_code=0
    partner_before=$(count_lines "$logs/inside-daemon.out" 'ended normally')
    inside_before=$(count_lines "$logs/partner-daemon.out" 'ended normally')
    send_as_partner "$partner_id" "$partner_password" "$partner_out" "$logs/rounds/$n-partner" &
    local partner_send=$!
    send_as_inside "$inside_out" "$logs/rounds/$n-inside" &
    local inside_send=$!
    wait "$partner_send" || partner_code=$?
    wait "$inside_send" || inside_code=$?
    session_ended "$partner_code" "partner -> inside" "$logs/rounds/$n-partner.out" \
        "$logs/inside-daemon.out" $((partner_before + 1))
    session_ended "$inside_code" "inside -> partner" "$logs/rounds/$n-inside.out" \
        "$logs/partner-daemon.out" $((inside_before + 1))
    partner_sessions=$((partner_sessions + 1))
    inside_sessions=$((inside_sessions + 1))
    if ((n % 2)); then
        refuse "$partner_id" WRONG "ESID 04"
    else
        refuse "$stranger_id" "$partner_password" "ESID 03"
    fi
}

# session_ended CODE DIRECTION SENDER_OUT RECEIVER_OUT COUNT: the sender's exit code was 0 and the
# receiver printed its session's end (after the sender saw it, so it is waited for).
session_ended() {
    local code=$1 direction=$2 sender_out=$3 receiver_out=$4 count=$5
    if ((code != 0)); then
        sessions_failed=$((sessions_failed + 1))
        say "      round $rounds: the $direction session failed (exit code $code): $(tail -n1 "$sender_out")"
        return
    fi
    wait_for_count "$receiver_out" 'ended normally' "$count" || {
        sessions_failed=$((sessions_failed + 1))
        say "      round $rounds: the $direction receiver did not end its session normally: $failure"
    }
}

# make_soak_files FOLDER PREFIX DIRECTION COUNT: COUNT random files named PREFIX<round>-<i>-<size>.BIN
# (at most 26 characters, the longest virtual file name), listed in the manifest.
make_soak_files() {
    local folder=$1 prefix=$2 direction=$3 count=$4 i size name
    for ((i = 1; i <= count; i++)); do
        size=${soak_sizes[RANDOM % ${#soak_sizes[@]}]}
        [[ $size == random ]] && size=$(((RANDOM * 32768 + RANDOM) % 4194304 + 1))
        name=$prefix$rounds-$i-$size.BIN
        head -c "$size" /dev/urandom >"$folder/$name"
        printf '%s %s %s %s\n' "$direction" "$name" "$size" "$(sha256_of "$folder/$name")" >>"$soak_dir/manifest"
        files_sent=$((files_sent + 1))
        bytes_sent=$((bytes_sent + size))
    done
}

# refuse ODETTE_ID PASSWORD ESID: a partner that must be refused with ESID, without reaching the inside
# (no new connection to the inside daemon, no new session in relay-client).
refuse() {
    local odette=$1 password=$2 esid=$3 code=0 inside_before client_before folder=$soak_dir/refused/$rounds answer
    mkdir -p "$folder"
    head -c 1024 /dev/urandom >"$folder/R$rounds.BIN"
    inside_before=$(count_lines "$logs/inside-daemon.log" 'connected from')
    client_before=$(count_lines "$client_log" 'incoming session from')
    send_as_partner "$odette" "$password" "$folder" "$logs/rounds/$rounds-refused" || code=$?
    answer=$(tail -n1 "$logs/rounds/$rounds-refused.out")
    refusals=$((refusals + 1))
    if ((code == 0)) || [[ $answer != *"$esid"* ]] \
        || (($(count_lines "$logs/inside-daemon.log" 'connected from') != inside_before)) \
        || (($(count_lines "$client_log" 'incoming session from') != client_before)); then
        refusals_wrong=$((refusals_wrong + 1))
        say "      round $rounds: $odette (expected $esid) got exit code $code, \"$answer\", or reached the inside"
    fi
}

# Stops relay-client with SIGTERM, as an operator or systemd does, and starts it again; then waits until
# the link is up with its configuration and its route listens again, and reads the addresses anew (both
# listeners bind port 0, so a new listener has a new port).
restart_client() {
    local pid applied routes
    applied=$(count_lines "$client_log" 'relay-server applied configuration revision')
    routes=$(count_lines "$client_log" "route $route_name: listening on ")
    pid=$(pid_of relay-client)
    kill -TERM "$pid" 2>/dev/null || true
    await_end relay-client relay-client "$pid" >/dev/null || fail "relay-client did not stop on SIGTERM"
    sed -i '/^relay-client /d' "$run/started"
    restarts=$((restarts + 1))
    launch_relay_client "$logs/relay-client-$restarts.out" "$logs/relay-client-$restarts.err"
    wait_for_count "$client_log" 'relay-server applied configuration revision' $((applied + 1)) || exit 1
    wait_for_count "$client_log" "route $route_name: listening on " $((routes + 1)) || exit 1
    wait_for_partner_listener || exit 1
    outgoing_address=$(last_match "$client_log" "route $route_name: listening on [^ ]+")
    outgoing_address=${outgoing_address##* }
    say "      relay-client restarted (#$restarts, PID $(pid_of relay-client)); partners on $partner_address, route on $outgoing_address"
}

# Waits until relay-server has opened as many partner listeners as it stopped, plus one, and sets
# partner_address to the newest.
wait_for_partner_listener() {
    local deadline=$((SECONDS + timeout_s)) opened stopped
    while ((SECONDS < deadline)); do
        opened=$(count_lines "$server_log" '[^d] listening for partners on ')
        stopped=$(count_lines "$server_log" 'stopped listening for partners on ')
        if ((opened > stopped)); then
            partner_address=$(last_match "$server_log" '[^d] listening for partners on [^ ]+')
            partner_address=${partner_address##* }
            return 0
        fi
        sleep 0.1
    done
    failure="relay-server did not listen for partners again within ${timeout_s}s of relay-client's restart"
    return 1
}

# The last part of SOURCE's lines that matches PATTERN (an extended regex).
last_match() {
    resolve_source "$1"
    grep -h -oE -- "$2" "${source_files[@]}" 2>/dev/null | tail -n1
}
