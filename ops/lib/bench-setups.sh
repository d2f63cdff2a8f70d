# shellcheck shell=bash
# Part of ops/bench (sourced, not run): the inside daemon, and the two set-ups in front of it.
#
#   Portcullis: partner -TLS-> relay-server -link (mTLS)-> relay-client -TCP-> inside daemon
#   HAProxy:    partner -TLS-> haproxy hop 1 -TLS (mTLS)-> haproxy hop 2 -TCP-> inside daemon
#
# Both ask the partner for a client certificate from the run's CA and use the same certificates (EC P-256
# from bin/portcullis-pki). Every listener is on loopback and its port is read, never guessed: the Java
# programs bind port 0 and say which port they got; haproxy (which refuses port 0) inherits a socket that
# python3 bound to port 0, as `bind fd@3`.

partner_id=O0013000000PARTNER
partner_password=PARTNER1
inside_id=O0013000000INSIDE
inside_password=INSIDE01
# A held session (workload 3) idles for as long as the workload takes; nothing may time it out.
session_idle_s=3600
# On a loaded machine a handshake among many may take longer than the default 10 s (and the SSID after it
# longer than 30 s); haproxy waits as long.
handshake_timeout_s=120
# haproxy needs two file descriptors per relayed session (partner side, next hop), and a process may
# have at most `ulimit -Hn` of them: its sessions are capped below that, and the table says so.
haproxy_fd_reserve=200

make_pki() {
    quick "$bin/portcullis-pki" make-pki --dir "$pki" --name server=localhost --name "partner=$partner_id" \
        --name link-server=relay-server.link --name link-client=relay-client.link >"$logs/pki.log" 2>&1 \
        || fail "making the PKI (see $logs/pki.log)"
}

make_license() {
    quick "$bin/license-tool" keygen --key "$work/license/vendor.key" --public-key "$work/license/vendor.pub" \
        >"$logs/license.log" 2>&1 || fail "making the vendor key (see $logs/license.log)"
    local proxy_id
    proxy_id=$(quick "$bin/relay-server" -L 2>>"$logs/license.log") \
        || fail "relay-server -L cannot name this host: $(tail -n1 "$logs/license.log")"
    quick "$bin/license-tool" issue --proxy-id "$proxy_id" --licensee "Portcullis bench on $(uname -n)" \
        --expires "$(date -u -d '+2 days' +%F)" --key "$work/license/vendor.key" -o "$work/license/license.txt" \
        >>"$logs/license.log" 2>&1 || fail "issuing the license (see $logs/license.log)"
}

# The vendor key, the license and the partner's password hash, in the background beside make_pki: on a
# busy machine each JVM start takes seconds. Its failure is the reason in $work/prepare.failed.
prepare_in_background() {
    (
        trap 'printf "%s\n" "$failure" >"$work/prepare.failed"' EXIT
        make_license
        printf '%s\n' "$partner_password" | quick "$bin/relay-client" hash-password >"$work/partner.hash" \
            2>>"$logs/license.log" || fail "relay-client hash-password failed (see $logs/license.log)"
    ) &
    prepare_job=$!
}

await_preparation() {
    wait "$prepare_job" || fail "$(cat "$work/prepare.failed")"
}

# The inside OFTP2 daemon: the reference peer as Responder over plain TCP, receiving into the sink folder.
start_inside_daemon() {
    start_process inside-daemon oftp2 "$logs/inside-daemon.out" "$logs/inside-daemon.log" script \
        "$bin/oftp2-peer" receive --listen 127.0.0.1:0 --odette-id "$inside_id" --password "$inside_password" \
        --dir "$sink_dir" --timeout "$session_idle_s"
}

await_inside_daemon() {
    wait_for_line "$logs/inside-daemon.out" 'listening on [^ ]+' inside-daemon || exit 1
    inside_address=${line#listening on }
}

start_relay_server() {
    (umask 077 && head -c 32 /dev/urandom | base64 >"$work/control.secret")
    JAVA_OPTS="${JAVA_OPTS:-} $(recording_options relay-server)" \
        start_process relay-server relay-server "$logs/relay-server.out" "$logs/relay-server.err" self \
        "$bin/relay-server" -i 127.0.0.1:0 --link-cert "$pki/link-server.crt.pem" --link-key "$pki/link-server.key.pem" \
        --link-ca "$pki/ca.pem" --link-pin "$(pin_of "$pki/link-client.crt.pem")" \
        -l "$work/license/license.txt" --license-trust "$work/license/vendor.pub" \
        --pid-file "$run/relay-server.pid" --control 127.0.0.1:0 --control-secret "$work/control.secret" --log-dir "$logs"
}

start_relay_client() {
    write_relay_config
    wait_for_line @relay-server 'link listening on [^ ;]+' relay-server || exit 1
    JAVA_OPTS="${JAVA_OPTS:-} $(recording_options relay-client)" \
        start_process relay-client relay-client "$logs/relay-client.out" "$logs/relay-client.err" self \
        "$bin/relay-client" -S "${line#link listening on }" --config-file "$work/relay-config.json" \
        --link-cert "$pki/link-client.crt.pem" --link-key "$pki/link-client.key.pem" --link-ca "$pki/ca.pem" \
        --server-pin "$(pin_of "$pki/link-server.crt.pem")" \
        --pid-file "$run/relay-client.pid" --control 127.0.0.1:0 --control-secret "$work/control.secret" --log-dir "$logs"
    wait_for_line @relay-server 'listening for partners on [^ ]+' relay-server || exit 1
    portcullis_port=$(port_of "${line#listening for partners on }")
}

# With --profile: a Java Flight Recording (the "profile" settings: method samples every 10-20 ms,
# allocations, locks) of the whole run, written to $work/NAME.jfr when the daemon stops.
recording_options() {
    [[ $profile == true ]] || return 0
    printf -- '-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=%s/%s.jfr\n' "$work" "$1"
}

# SHA-256 of the first certificate of a PEM file (the DER octets), as a pin: sha256:HEX.
pin_of() {
    printf 'sha256:%s\n' "$(awk '/-----BEGIN/ { n++ } n == 1' "$1" | sed '/-----/d' | base64 -d | sha256sum | cut -d' ' -f1)"
}

json_pem() {
    awk '{ printf "%s\\n", $0 }' "$1"
}

# The configuration document (docs/configuration.md): one partner, the inside daemon, and limits and
# timeouts that let the workloads through: the defaults (1,000 sessions, 120 connections per source and
# minute, 20 connections of one source and 2,000 in all not yet admitted, 5 minutes idle, 10 s for a handshake,
# 30 s for the SSID) are for partners on the Internet, not for one load generator's address on loopback.
write_relay_config() {
    local hash
    hash=$(cat "$work/partner.hash")
    (umask 077 && : >"$work/relay-config.json")
    cat >"$work/relay-config.json" <<EOF
{
  "schemaVersion": 1,
  "revision": "bench",
  "listeners": [{"address": "127.0.0.1", "port": 0}],
  "serverIdentity": {"certificateChainPem": "$(json_pem "$pki/server.crt.pem")",
                     "privateKeyPem": "$(json_pem "$pki/server.key.pem")"},
  "trust": {"caCertificatesPem": ["$(json_pem "$pki/ca.pem")"]},
  "partners": [{"odetteId": "$partner_id", "passwordHash": "$hash"}],
  "inside": {"host": "127.0.0.1", "port": $(port_of "$inside_address")},
  "timeouts": {"idle": "${session_idle_s}s", "tlsHandshake": "${handshake_timeout_s}s", "ssid": "${handshake_timeout_s}s"},
  "limits": {"maxSessions": 1000000, "connectionsPerSourcePerMinute": 1000000,
             "pendingPerSource": 1000000, "pendingTotal": 1000000}
}
EOF
}

# haproxy hop 2 (inside: terminates the hop's TLS, plain TCP to the daemon), then hop 1 (DMZ: terminates
# the partner's TLS, TLS with a client certificate to hop 2, checking hop 2's certificate and name).
start_haproxy() {
    local limit
    limit=$(ulimit -Hn)
    haproxy_maxconn=$(((limit - haproxy_fd_reserve) / 2))
    cat "$pki/server.crt.pem" "$pki/server.key.pem" >"$work/haproxy/hop1-server.pem"
    cat "$pki/link-server.crt.pem" "$pki/link-server.key.pem" >"$work/haproxy/hop1-client.pem"
    cat "$pki/link-client.crt.pem" "$pki/link-client.key.pem" >"$work/haproxy/hop2-server.pem"
    write_haproxy_config hop2 "ssl crt $work/haproxy/hop2-server.pem verify required ca-file $pki/ca.pem" \
        "127.0.0.1:$(port_of "$inside_address")"
    start_haproxy_hop hop2
    write_haproxy_config hop1 "ssl crt $work/haproxy/hop1-server.pem verify required ca-file $pki/ca.pem" \
        "127.0.0.1:$haproxy_hop2_port ssl verify required ca-file $pki/ca.pem verifyhost relay-client.link crt $work/haproxy/hop1-client.pem"
    start_haproxy_hop hop1
    haproxy_port=$haproxy_hop1_port
}

# write_haproxy_config HOP BIND_OPTIONS SERVER: one TCP proxy, its listener on the inherited fd 3.
write_haproxy_config() {
    cat >"$work/haproxy/$1.cfg" <<EOF
global
    maxconn $haproxy_maxconn
    pidfile $run/haproxy-$1.pid
defaults
    mode tcp
    timeout connect 10s
    timeout client ${session_idle_s}s
    timeout server ${session_idle_s}s
frontend $1
    bind fd@3 $2
    default_backend next
backend next
    server next $3
EOF
    python3 -c "$with_listener" "$work/haproxy/$1.check-port" haproxy -c -f "$work/haproxy/$1.cfg" >"$logs/haproxy-$1.check" 2>&1 \
        || fail "haproxy refuses $work/haproxy/$1.cfg: $(grep -m1 ALERT "$logs/haproxy-$1.check")"
}

# python3 -c "$with_listener" PORT_FILE COMMAND...: binds 127.0.0.1:0, writes the port to PORT_FILE, and
# becomes COMMAND (exec) with the listening socket as fd 3, so that the PID started is COMMAND's.
# shellcheck disable=SC2016
with_listener='
import os, socket, sys
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(4096)
os.dup2(listener.fileno(), 3)
os.set_inheritable(3, True)
with open(sys.argv[1], "w") as out:
    out.write("%d\n" % listener.getsockname()[1])
os.execvp(sys.argv[2], sys.argv[2:])
'

# haproxy in the foreground (-db: no daemon) until SIGTERM, on a socket from with_listener.
start_haproxy_hop() {
    local hop=$1 port_file=$work/haproxy/$1.port deadline=$((SECONDS + timeout_s))
    nohup python3 -c "$with_listener" "$port_file" haproxy -db -f "$work/haproxy/$hop.cfg" </dev/null >"$logs/haproxy-$hop.out" 2>&1 &
    printf '%s\n' "$!" >"$run/haproxy-$hop.started"
    while [[ ! -s $port_file ]]; do
        ((SECONDS < deadline)) || fail "haproxy $hop did not start (see $logs/haproxy-$hop.out)"
        running "$!" || fail "haproxy $hop ended: $(tail -n1 "$logs/haproxy-$hop.out")"
        sleep 0.1
    done
    printf -v "haproxy_${hop}_port" '%s' "$(cat "$port_file")"
    printf -v "haproxy_${hop}_pid" '%s' "$!"
}

# Stops the haproxy processes this run started (SIGTERM, then bounded wait; SIGKILL after it).
stop_haproxy() {
    local hop pid deadline
    for hop in hop1 hop2; do
        [[ -f $run/haproxy-$hop.started ]] || continue
        pid=$(cat "$run/haproxy-$hop.started")
        if running "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "haproxy -db -f $work/haproxy/$hop.cfg"; then
            kill -TERM "$pid" 2>/dev/null || true
            deadline=$((SECONDS + timeout_s))
            while running "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
            running "$pid" && kill -KILL "$pid" 2>/dev/null
            wait "$pid" 2>/dev/null || true
        fi
        rm -f "$run/haproxy-$hop.started"
    done
}
