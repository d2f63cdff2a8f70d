# shellcheck shell=bash
# Part of ops/demo (sourced, not run): the backend. Its whole state (the relay's settings, the partner,
# the route and the token) is one file in backend-api's export format, imported with one command; then
# backend-api serves it as a daemon with its own PID file, control port and log file.

# A PEM file as the text of a JSON string (RFC 7468 text has no quotes or backslashes to escape).
json_pem() {
    awk '{ printf "%s\\n", $0 }' "$1"
}

# A relay token as backend-api token create makes one (256 random bits, URL-safe base64, 43 characters)
# in $work/backend.token; the backend keeps only its SHA-256, set in $token_sha256.
make_token() {
    local token
    token=$(head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')
    (umask 077 && printf '%s\n' "$token" >"$work/backend.token")
    token_sha256=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
}

# The backend's state in backend-api's export format (docs/backend-api.md): the relay configuration
# document (docs/configuration.md) with its public listener (port 0: relay-server reports the port it
# bound), its certificates, the CA partners' certificates chain to, the inside daemon, the partner (its
# password hashed by relay-client hash-password), the route to the partner's daemon; and the token.
write_backend_state() {
    cat >"$work/backend-state.json" <<EOF
{
  "format": "portcullis-backend-export",
  "formatVersion": 1,
  "relayConfig": {
    "schemaVersion": 1,
    "revision": "demo",
    "listeners": [{"address": "127.0.0.1", "port": 0}],
    "serverIdentity": {"certificateChainPem": "$(json_pem "$pki/server.crt.pem")",
                       "privateKeyPem": "$(json_pem "$pki/server.key.pem")"},
    "outgoing": {"clientIdentity": {"certificateChainPem": "$(json_pem "$pki/inside.crt.pem")",
                                    "privateKeyPem": "$(json_pem "$pki/inside.key.pem")"}},
    "trust": {"caCertificatesPem": ["$(json_pem "$pki/ca.pem")"]},
    "inside": {"host": "127.0.0.1", "port": $(port_of "$inside_address")},
    "partners": [{"odetteId": "$partner_id", "passwordHash": "$(head -n1 "$work/partner.hash")"}],
    "routes": [{"name": "$route_name", "listenAddress": "127.0.0.1", "listenPort": 0,
                "partnerOdetteId": "$partner_id", "partnerHost": "127.0.0.1",
                "partnerPort": $(port_of "$partner_daemon_address")}]
  },
  "crls": [],
  "crlUrls": [],
  "tokens": [{"name": "$token_name", "sha256": "$token_sha256", "created": "$(date -u +%FT%TZ)"}],
  "ignoreRules": [],
  "eventScript": null
}
EOF
}

set_up_backend() {
    make_token
    (umask 077 && write_backend_state)
    printf '$ backend-api config import %s --data %s\n' "$work/backend-state.json" "$backend_data" \
        >>"$logs/backend-admin.log"
    quick "$bin/backend-api" config import "$work/backend-state.json" --data "$backend_data" \
        >>"$logs/backend-admin.log" 2>&1 || fail "backend-api config import failed (see $logs/backend-admin.log)"
    say "      backend: relay settings, partner $partner_id, route $route_name and token $token_name imported"
}

start_backend_api() {
    backend_log=@backend-api
    service_options backend-api
    start_process backend-api backend-api "$logs/backend-api.out" "$logs/backend-api.err" self \
        "$bin/backend-api" serve --data "$backend_data" --cert "$pki/backend.crt.pem" --key "$pki/backend.key.pem" \
        --listen 127.0.0.1:0 "${service[@]}"
}
