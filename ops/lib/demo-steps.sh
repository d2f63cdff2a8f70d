# shellcheck shell=bash
# Part of ops/demo (sourced, not run): the steps of a run, in order.
# Every step either does its part or calls fail with the reason, which the last line of output shows.

timeout_s=${DEMO_TIMEOUT:-60}
partner_id=O0013000000PARTNER
partner_password=PARTNER1
inside_id=O0013000000INSIDE
inside_password=INSIDE01
route_name=to-partner
token_name=demo-relay
modules=(oftp2 testkit license-tool backend-api relay-server relay-client)
# Every JVM of the demo starts faster with the client compiler only and the serial GC: on a busy machine
# this halves the CPU time of a short run, and a demo's few megabytes need no optimising compiler.
quick_java_opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
steps_total=0
steps_done=0
failure=
declare -A sent_hashes=()
sent_names=()

# The name in front of every line; ops/soak, which shares these steps, sets its own.
script_name=${script_name:-demo}

say() { printf '%s: %s\n' "$script_name" "$*"; }

fail() {
    failure=$1
    exit 1
}

# step TEXT FUNCTION: prints "[n/N] TEXT ..." and runs FUNCTION in this shell (so it sets variables).
step() {
    local text=$1 started=$SECONDS
    shift
    steps_done=$((steps_done + 1))
    say "[$steps_done/$steps_total] $text ..."
    "$@"
    if ((SECONDS - started >= 2)); then say "      ($((SECONDS - started)) s)"; fi
}

# Runs a command (a one-shot command or a daemon) with quick_java_opts.
quick() {
    JAVA_OPTS="${JAVA_OPTS:-} $quick_java_opts" "$@"
}

# The work folder: the one given (created, must be empty) or a new one under work-$script_name/.
open_work_folder() {
    if [[ -n $1 ]]; then
        mkdir -p "$1"
        work=$(cd "$1" && pwd -P)
        if [[ -n $(ls -A "$work") ]]; then
            printf '%s: the work folder %s is not empty; give a new or empty one\n' "$script_name" "$work" >&2
            exit 2
        fi
    else
        mkdir -p "$repo/work-$script_name"
        work=$(mktemp -d "$repo/work-$script_name/$(date -u +%Y%m%dT%H%M%SZ)-XXXX")
    fi
    say "work folder: $work"
    make_control_secret
    pki=$work/pki
    license_dir=$work/license
    backend_data=$work/backend
    logs=$work/logs
    run=$work/run
    inside_outbox=$work/inside/outbox
    inside_inbox=$work/inside/inbox
    partner_outbox=$work/partner/outbox
    partner_inbox=$work/partner/inbox
    refused_outbox=$work/refused-partner/outbox
    mkdir -p "$license_dir" "$logs" "$run" "$inside_outbox" "$inside_inbox" "$partner_outbox" "$partner_inbox" \
        "$refused_outbox"
}

build_if_missing() {
    local module missing=()
    for module in "${modules[@]}"; do
        compgen -G "$repo/$module/target/$module-*-all.jar" >/dev/null || missing+=("$module")
    done
    if ((${#missing[@]} == 0)); then
        say "      all runnable jars are there"
        return
    fi
    say "      missing: ${missing[*]}; running mvn -B -q -DskipTests package (a few minutes the first time)"
    (cd "$repo" && mvn -B -q -ntp -DskipTests package) >"$logs/build.log" 2>&1 \
        || fail "the build failed (see $logs/build.log)"
}

# The PKI, the vendor key with the license, and the partner's password hash do not need one another:
# their JVMs run side by side, each writing its own log, and each is checked once all have ended.
make_keys() {
    quick "$bin/portcullis-pki" make-pki --dir "$pki" --name server=localhost --name "partner=$partner_id" \
        --name "inside=$inside_id" --name backend=localhost --name link-server=relay-server.link \
        --name link-client=relay-client.link >"$logs/pki.log" 2>&1 &
    local pki_job=$! license_code=0 hash_code=0
    make_license >>"$logs/license.log" 2>&1 &
    local license_job=$!
    printf '%s\n' "$partner_password" | quick "$bin/relay-client" hash-password >"$work/partner.hash" \
        2>"$logs/hash-password.log" &
    local hash_job=$!
    wait "$pki_job" || fail "making the PKI (see $logs/pki.log)"
    wait "$license_job" || license_code=$?
    wait "$hash_job" || hash_code=$?
    ((license_code == 0)) || fail "making the license: $(tail -n1 "$logs/license.log") (see $logs/license.log)"
    ((hash_code == 0)) || fail "hashing the partner's password (see $logs/hash-password.log)"
    say "      license for this host's Proxy ID $(cat "$license_dir/proxy-id"), 10 sessions, one year, signed by a vendor key made now"
}

# Run in the background by make_keys: the vendor key and this host's Proxy ID side by side, then the
# license. Its output goes to the license log; a failure is its last line and exit code 1.
make_license() {
    quick "$bin/license-tool" keygen --key "$license_dir/vendor.key" --public-key "$license_dir/vendor.pub" &
    local keygen=$!
    quick "$bin/relay-server" -L >"$license_dir/proxy-id" || { echo "relay-server -L cannot name this host"; exit 1; }
    wait "$keygen" || { echo "license-tool keygen failed"; exit 1; }
    quick "$bin/license-tool" issue --proxy-id "$(cat "$license_dir/proxy-id")" \
        --licensee "Portcullis demo on $(uname -n)" --expires "$(date -u -d '+365 days' +%F)" --max-sessions 10 \
        --key "$license_dir/vendor.key" -o "$license_dir/license.txt" || { echo "license-tool issue failed"; exit 1; }
}

# The inside OFTP2 daemon (plain TCP, as relay-client reaches it) and the partner's (TLS, the route's
# end). Their ports are read once relay-server is started too, so the JVMs start side by side.
start_peers() {
    start_process inside-daemon oftp2 "$logs/inside-daemon.out" "$logs/inside-daemon.log" script \
        "$bin/oftp2-peer" receive --listen 127.0.0.1:0 --odette-id "$inside_id" --password "$inside_password" \
        --dir "$inside_inbox" --expect-id "$partner_id" --expect-password "$partner_password"
    start_process partner-daemon oftp2 "$logs/partner-daemon.out" "$logs/partner-daemon.log" script \
        "$bin/oftp2-peer" receive --listen 127.0.0.1:0 --odette-id "$partner_id" --password "$partner_password" \
        --dir "$partner_inbox" --expect-id "$inside_id" --expect-password "$inside_password" \
        --tls --cert "$pki/partner.crt.pem" --key "$pki/partner.key.pem" --client-ca "$pki/ca.pem"
}

# The OFTP2 daemons and relay-server start side by side; once the daemons report their ports, the
# backend is set up (one config import) and backend-api starts. relay-server listens only for
# relay-client until it has a configuration.
start_daemons() {
    start_peers
    start_relay_server
    wait_for_line "$logs/inside-daemon.out" 'listening on [^ ]+' inside-daemon || exit 1
    inside_address=${line#listening on }
    wait_for_line "$logs/partner-daemon.out" 'listening on [^ ]+' partner-daemon || exit 1
    partner_daemon_address=${line#listening on }
    say "      inside daemon $inside_id on $inside_address (OFTP2 over TCP)"
    say "      partner daemon $partner_id on $partner_daemon_address (OFTP2 over TLS)"
    set_up_backend
    start_backend_api
    wait_for_line "$backend_log" 'API listening on https://[^ ]+' backend-api || exit 1
    backend_url="${line#API listening on }/v1/config"
    say "      backend-api serves $backend_url"
    wait_for_line "$server_log" 'link listening on [^ ;]+' relay-server || exit 1
    link_address=${line#link listening on }
    say "      relay-server's link listens on $link_address; no partner listener before a configuration"
}

# The daemons' options for running as services: their own PID files (the control file with the port
# they bound beside it), a control port on loopback (port 0: any free one) with the demo's secret, and a
# log folder, where relay-server also writes its audit file.
service_options() {
    local name=$1
    service=(--pid-file "$run/$name.pid" --control 127.0.0.1:0 --control-secret "$control_secret" --log-dir "$logs")
}

make_control_secret() {
    control_secret=$work/control.secret
    (umask 077 && head -c 32 /dev/urandom | base64 >"$control_secret")
}

start_relay_server() {
    server_log=@relay-server
    audit_log=@audit
    service_options relay-server
    start_process relay-server relay-server "$logs/relay-server.out" "$logs/relay-server.err" self \
        "$bin/relay-server" -i 127.0.0.1:0 --link-cert "$pki/link-server.crt.pem" --link-key "$pki/link-server.key.pem" \
        --link-ca "$pki/ca.pem" --link-pin "$(pin_of "$pki/link-client.crt.pem")" \
        -l "$license_dir/license.txt" --license-trust "$license_dir/vendor.pub" "${service[@]}"
}

# SHA-256 of the first certificate of a PEM file (the DER octets), as a pin: sha256:HEX.
pin_of() {
    printf 'sha256:%s\n' "$(awk '/-----BEGIN/ { n++ } n == 1' "$1" | sed '/-----/d' | base64 -d | sha256sum | cut -d' ' -f1)"
}

# relay-client takes its configuration from backend-api over HTTPS with the token, the backend's
# certificate checked against the demo's CA. Proxy discovery is off: the backend is on loopback, and a
# proxy from this machine's environment has nothing to do with it. (--config-file FILE instead of -U and
# -T is the offline mode.)
client_config_args() {
    client_config=(-U "$backend_url" -T "@$work/backend.token" --backend-ca "$pki/ca.pem"
        --proxy-discovery false --state-file "$work/relay-client-proxy-route.properties")
}

start_relay_client() {
    launch_relay_client "$logs/relay-client.out" "$logs/relay-client.err"
    wait_for_line "$client_log" 'configuration revision [^ ]+ received' relay-client || exit 1
    say "      relay-client: ${line} from backend-api"
    wait_for_line "$client_log" 'relay-server applied configuration revision [^ ]+' relay-client || exit 1
    say "      link up; ${line}"
    wait_for_line "$server_log" 'listening for partners on [^ ]+' relay-server || exit 1
    partner_address=${line#listening for partners on }
    wait_for_line "$client_log" "route $route_name: listening on [^ ]+" relay-client || exit 1
    outgoing_address=${line##* }
    say "      partners connect to relay-server on $partner_address"
    say "      the inside daemon reaches $partner_id through relay-client on $outgoing_address"
}

# Starts relay-client (OUT_FILE and ERR_FILE take its standard output and error) with the link's
# address, the backend's and its own certificates; it logs to the daily file @relay-client.
launch_relay_client() {
    client_config_args
    client_log=@relay-client
    service_options relay-client
    start_process relay-client relay-client "$1" "$2" self \
        "$bin/relay-client" -S "$link_address" "${client_config[@]}" "${service[@]}" \
        --link-cert "$pki/link-client.crt.pem" --link-key "$pki/link-client.key.pem" --link-ca "$pki/ca.pem" \
        --server-pin "$(pin_of "$pki/link-server.crt.pem")"
}

# Random files: make_files FOLDER PREFIX SIZE... (named PREFIX-SIZE.BIN); their SHA-256 are kept,
# since the reference peer moves a file it sent into FOLDER/sent.
make_files() {
    local folder=$1 prefix=$2 size name
    shift 2
    for size in "$@"; do
        name=$prefix-$size.BIN
        head -c "$size" /dev/urandom >"$folder/$name"
        sent_hashes[$name]=$(sha256_of "$folder/$name")
        sent_names+=("$name")
    done
}

# send_as_partner ODETTE_ID PASSWORD FOLDER OUT: a partner's oftp2-peer sends FOLDER's files to relay-server
# over TLS with the partner's certificate; its output goes to OUT.out, its log to OUT.log.
send_as_partner() {
    quick "$bin/oftp2-peer" send --connect "$partner_address" --odette-id "$1" --password "$2" --dir "$3" \
        --tls --ca "$pki/ca.pem" --cert "$pki/partner.crt.pem" --key "$pki/partner.key.pem" \
        </dev/null >"$4.out" 2>"$4.log"
}

# send_as_inside FOLDER OUT: the inside daemon's oftp2-peer sends FOLDER's files to the partner through
# relay-client's route (plain TCP on loopback, as an inside daemon reaches it).
send_as_inside() {
    quick "$bin/oftp2-peer" send --connect "$outgoing_address" --odette-id "$inside_id" \
        --password "$inside_password" --dir "$1" </dev/null >"$2.out" 2>"$2.log"
}

# The partner sends to the inside and the inside daemon to the partner, both sessions at once.
transfer_files() {
    make_files "$partner_outbox" FROM-PARTNER 0 1024 1048576 4194304
    make_files "$inside_outbox" FROM-INSIDE 1024 1048576
    send_as_partner "$partner_id" "$partner_password" "$partner_outbox" "$logs/partner-send" &
    local partner_send=$! partner_code=0 inside_code=0
    send_as_inside "$inside_outbox" "$logs/inside-send" &
    local inside_send=$!
    wait "$partner_send" || partner_code=$?
    wait "$inside_send" || inside_code=$?
    ((partner_code == 0)) || fail "the partner's session to the inside failed: $(tail -n1 "$logs/partner-send.out")"
    ((inside_code == 0)) || fail "the inside daemon's session to the partner failed: $(tail -n1 "$logs/inside-send.out")"
    # The receivers print their session's end after the sender saw it; wait for those lines too.
    wait_for_count "$logs/inside-daemon.out" 'ended normally' 1 || exit 1
    wait_for_count "$logs/partner-daemon.out" 'ended normally' 1 || exit 1
    say "      partner: $(tail -n1 "$logs/partner-send.out")"
    say "      inside:  $(tail -n1 "$logs/inside-send.out")"
}

# A partner with the right certificate and a wrong password: relay-server must refuse it (ESID 04) and
# nothing may reach the inside: no connection to the inside daemon, no session in relay-client.
refuse_partner() {
    local inside_before client_before code=0
    inside_before=$(count_lines "$logs/inside-daemon.log" 'connected from')
    client_before=$(count_lines "$client_log" 'incoming session from')
    make_files "$refused_outbox" FROM-REFUSED 1024
    send_as_partner "$partner_id" WRONG "$refused_outbox" "$logs/refused-send" || code=$?
    refusal=$(tail -n1 "$logs/refused-send.out")
    ((code != 0)) || fail "a partner with a wrong password was not refused"
    [[ $refusal == *"ESID 04"* ]] || fail "the refused partner got \"$refusal\", not ESID 04"
    wait_for_count "$audit_log" '"verdict":"refused"' 1 || exit 1
    inside_after=$(count_lines "$logs/inside-daemon.log" 'connected from')
    client_after=$(count_lines "$client_log" 'incoming session from')
    ((inside_after == inside_before && client_after == client_before)) \
        || fail "the refused partner reached the inside (connections to the inside daemon: $inside_before, then $inside_after)"
    [[ ! -e $inside_inbox/FROM-REFUSED-1024.BIN ]] || fail "the refused partner's file arrived inside"
    say "      $refusal"
    say "      connections to the inside daemon: $inside_before before, $inside_after after; sessions in relay-client: $client_before before, $client_after after"
}

# relay-server's own account over its control port, and ops/status (PID files, processes, sockets with
# lsof) over all three daemons; a FAIL there fails the demo. Without lsof ops/status is left out.
check_running() {
    local ctl_code=0
    # The JVM of ctl runs while ops/status looks at the sockets.
    quick "$bin/relay-server" ctl --pid-file "$run/relay-server.pid" --control-secret "$control_secret" status \
        >"$logs/relay-server-ctl-status.out" 2>&1 &
    local ctl_job=$!
    check_with_ops_status
    wait "$ctl_job" || ctl_code=$?
    ((ctl_code == 0)) || fail "relay-server ctl status: $(tail -n1 "$logs/relay-server-ctl-status.out")"
    say "      relay-server ctl status: $(grep -E '^(state|link):' "$logs/relay-server-ctl-status.out" | sed -z 's/\n/; /g; s/; $//')"
    say "      ops/status: $(tail -n1 "$logs/ops-status.out" | sed "s/^status: //")"
}

# ops/status over all three daemons (PID files, processes, sockets with lsof); a FAIL fails the demo.
check_with_ops_status() {
    if ! command -v lsof >/dev/null; then
        printf 'left out: lsof is not installed\n' >"$logs/ops-status.out"
        return
    fi
    "$repo/ops/status" --server-pid "$run/relay-server.pid" --client-pid "$run/relay-client.pid" \
        --backend-pid "$run/backend-api.pid" --link-port "$(port_of "$link_address")" \
        --public-port "$(port_of "$partner_address")" --route-port "$(port_of "$outgoing_address")" \
        --api-port "$(port_of "${backend_url%/v1/config}")" server client backend >"$logs/ops-status.out" 2>&1 \
        || fail "ops/status: $(grep -m1 '^FAIL' "$logs/ops-status.out" || tail -n1 "$logs/ops-status.out")"
}

sha256_of() {
    if [[ -f $1 ]]; then sha256sum "$1" | cut -d' ' -f1; else printf 'missing\n'; fi
}

# Compares each sent file with what arrived; the results go to the summary, mismatches are counted.
check_files() {
    local name
    transfers=()
    mismatches=0
    for name in "${sent_names[@]}"; do
        case $name in
            FROM-PARTNER-*) check_file "partner -> inside" "$name" "$inside_inbox/$name" ;;
            FROM-INSIDE-*) check_file "inside -> partner" "$name" "$partner_inbox/$name" ;;
        esac
    done
    say "      ${#transfers[@]} files, $mismatches different"
}

check_file() {
    local direction=$1 name=$2 received=$3 received_hash size=- verdict=ok
    received_hash=$(sha256_of "$received")
    [[ -f $received ]] && size=$(stat -c %s "$received")
    if [[ ${sent_hashes[$name]} != "$received_hash" ]]; then verdict=DIFFERENT; mismatches=$((mismatches + 1)); fi
    transfers+=("$direction|$name|$size|${sent_hashes[$name]}|$received_hash|$verdict")
}
