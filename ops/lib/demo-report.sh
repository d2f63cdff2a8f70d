# shellcheck shell=bash
# Part of ops/demo (sourced, not run): the summary, demo.env and leaving the system running (--keep).

print_summary() {
    printf '\nWhat ran where (everything on this machine, loopback only)\n'
    printf '  %-15s %-8s %s\n' PROCESS PID "LISTENS ON"
    summary_process backend-api "$backend_url (HTTPS, token $token_name)"
    summary_process relay-server "$partner_address (partners, OFTP2 over TLS); $link_address (link)"
    summary_process relay-client "$outgoing_address (route $route_name for the inside daemon)"
    summary_process inside-daemon "$inside_address (OFTP2 over TCP, $inside_id)"
    summary_process partner-daemon "$partner_daemon_address (OFTP2 over TLS, $partner_id)"

    printf '  control ports: relay-server 127.0.0.1:%s, relay-client 127.0.0.1:%s, backend-api 127.0.0.1:%s (secret: %s)\n' \
        "$(control_port relay-server)" "$(control_port relay-client)" "$(control_port backend-api)" \
        "${control_secret##*/}"
    printf '  relay-server ctl status:\n'
    grep -E '^(license|link|config|partner-listeners):' "$logs/relay-server-ctl-status.out" | sed 's/^/    /'
    printf '  ops/status: %s\n' "$(tail -n1 "$logs/ops-status.out" | sed 's/^status: //')"

    printf '\nTransfers through the relay\n'
    printf '  %-18s %-28s %10s  %-16s  %-16s  %s\n' DIRECTION FILE BYTES "SHA-256 SENT" "SHA-256 RECEIVED" RESULT
    local transfer direction name size sent received verdict
    for transfer in "${transfers[@]}"; do
        IFS='|' read -r direction name size sent received verdict <<<"$transfer"
        printf '  %-18s %-28s %10s  %-16.16s  %-16.16s  %s\n' "$direction" "$name" "$size" "$sent" "$received" "$verdict"
    done

    printf '\nRefused partner\n'
    printf '  %s with a wrong password got "%s";\n' "$partner_id" "$refusal"
    printf '  the inside daemon saw no connection and relay-client no session for it.\n'

    printf '\nAudit: one JSON line per session (Elastic Common Schema) in %s\n' "$(newest_file "$audit_log")"
    printf '  %-8s  %-9s  %-19s  %-10s  %s\n' TIME DIRECTION "ODETTE ID" VERDICT REASON
    local record file
    resolve_source "$audit_log"
    for file in "${source_files[@]}"; do
        while IFS= read -r record; do
            audit_summary "$record"
        done <"$file"
    done

    printf '\nLogs in %s\n' "$logs"
    printf '  relay-server %s, relay-client %s, backend-api %s,\n' \
        "$(basename "$(newest_file "$server_log")")" "$(basename "$(newest_file "$client_log")")" \
        "$(basename "$(newest_file "$backend_log")")"
    printf '  the OFTP2 daemons inside-daemon.log and partner-daemon.log, the senders *-send.log\n\n'
    ((mismatches == 0)) || fail "$mismatches received file(s) differ from what was sent"
}

# One audit record in one line: its time, direction, Odette ID, verdict and reason. The fields are found by
# name wherever the record nests them (the first "reason" is the session's, an ESID's comes after it).
audit_summary() {
    local record=$1 time direction odette verdict reason
    time=$(json_field "$record" '(@timestamp|time)' | sed -E 's/^[0-9-]+T([0-9:]{8}).*/\1/')
    direction=$(json_field "$record" direction '(incoming|outgoing)')
    odette=$(json_field "$record" '(odetteId|user":\{"name)')
    verdict=$(json_field "$record" verdict)
    reason=$(json_field "$record" reason)
    printf '  %-8s  %-9s  %-19s  %-10s  %s\n' "${time:--}" "${direction:--}" "${odette:--}" "${verdict:--}" \
        "${reason:--}"
}

# The first string value of a field named NAME (an extended regex) in a JSON line, unescaped for display;
# VALUE (a regex) narrows which value counts. A value holds no unescaped quote, so it starts after the last
# one before the closing quote.
json_field() {
    local record=$1 name=$2 any='([^"\\]|\\.)*' value
    value=${3:-$any}
    grep -oE "\"$name\":\"$value\"" <<<"$record" | head -n1 \
        | sed -E 's/^.*[^\\]"(([^"\\]|\\.)*)"$/\1/; s/\\(.)/\1/g'
}

# The control port a daemon bound, from the control file beside its PID file.
control_port() {
    port_of "$(cat "$run/$1.control" 2>/dev/null)"
}

summary_process() {
    printf '  %-15s %-8s %s\n' "$1" "$(pid_of "$1")" "$2"
}

# demo.env: KEY=value lines a shell can source, for pointing one's own OFTP2 client at the running demo.
# CONTROL_PORT is relay-server's control port, CLIENT_CONTROL_PORT relay-client's, BACKEND_CONTROL_PORT
# backend-api's; one secret for all three.
write_demo_env() {
    local env=$work/demo.env
    {
        printf '# Written by ops/demo --keep; source it: . %s\n' "$env"
        env_line PARTNER_HOST 127.0.0.1
        env_line PARTNER_PORT "$(port_of "$partner_address")"
        env_line PARTNER_ODETTE_ID "$partner_id"
        env_line PARTNER_PASSWORD "$partner_password"
        env_line PARTNER_CERT "$pki/partner.crt.pem"
        env_line PARTNER_KEY "$pki/partner.key.pem"
        env_line CA_CERT "$pki/ca.pem"
        env_line INSIDE_ODETTE_ID "$inside_id"
        env_line INSIDE_PASSWORD "$inside_password"
        env_line INSIDE_RECV_DIR "$inside_inbox"
        env_line INSIDE_DAEMON_PORT "$(port_of "$inside_address")"
        env_line OUTGOING_HOST 127.0.0.1
        env_line OUTGOING_PORT "$(port_of "$outgoing_address")"
        env_line PARTNER_RECV_DIR "$partner_inbox"
        env_line PARTNER_DAEMON_PORT "$(port_of "$partner_daemon_address")"
        env_line BACKEND_URL "$backend_url"
        env_line BACKEND_TOKEN "$(cat "$work/backend.token")"
        env_line BACKEND_TOKEN_FILE "$work/backend.token"
        env_line BACKEND_CA "$pki/ca.pem"
        env_line BACKEND_DATA "$backend_data"
        env_line LINK_PORT "$(port_of "$link_address")"
        env_line CONTROL_PORT "$(control_port relay-server)"
        env_line CONTROL_SECRET_FILE "$control_secret"
        env_line CLIENT_CONTROL_PORT "$(control_port relay-client)"
        env_line BACKEND_CONTROL_PORT "$(control_port backend-api)"
        env_line SERVER_PID_FILE "$run/relay-server.pid"
        env_line CLIENT_PID_FILE "$run/relay-client.pid"
        env_line BACKEND_PID_FILE "$run/backend-api.pid"
        env_line INSIDE_PID_FILE "$run/inside-daemon.pid"
        env_line PARTNER_PID_FILE "$run/partner-daemon.pid"
        env_line AUDIT_LOG "$(newest_file "$audit_log")"
        env_line SERVER_LOG "$(newest_file "$server_log")"
        env_line CLIENT_LOG "$(newest_file "$client_log")"
        env_line LOG_DIR "$logs"
        env_line BACKEND_LOG "$(newest_file "$backend_log")"
        env_line LICENSE_FILE "$license_dir/license.txt"
        env_line LICENSE_TRUST "$license_dir/vendor.pub"
        env_line BIN_DIR "$bin"
        env_line WORK_DIR "$work"
        printf '# The same for ops/status --env (PID files and ports by the names it reads)\n'
        env_line SERVER_PID "$run/relay-server.pid"
        env_line CLIENT_PID "$run/relay-client.pid"
        env_line BACKEND_PID "$run/backend-api.pid"
        env_line PUBLIC_PORTS "$(port_of "$partner_address")"
        env_line ROUTE_PORTS "$(port_of "$outgoing_address")"
        env_line API_PORT "$(port_of "${backend_url%/v1/config}")"
    } >"$env"
    chmod 600 "$env"
}

env_line() {
    printf '%s=%q\n' "$1" "$2"
}

keep_running() {
    mkdir -p "$repo/work-demo"
    printf '%s\n' "$work" >"$repo/work-demo/kept"
    say "left running (--keep); everything about it is in $work/demo.env:"
    say "  . $work/demo.env"
    say "  \$BIN_DIR/oftp2-peer send --connect \$PARTNER_HOST:\$PARTNER_PORT --odette-id \$PARTNER_ODETTE_ID \\"
    say "      --password \$PARTNER_PASSWORD --dir SOME_FOLDER --tls --ca \$CA_CERT --cert \$PARTNER_CERT --key \$PARTNER_KEY"
    say "stop it with: ops/demo stop --work $work"
}
