# shellcheck shell=bash
# Part of ops/demo (sourced, not run): starting the demo's processes, waiting for what they report,
# and stopping them by their PID files.
#
# Each process has a name (inside-daemon, partner-daemon, backend-api, relay-server, relay-client), a
# PID file $work/run/NAME.pid and a line "NAME MODULE" in $work/run/started, in the order started.
# MODULE names the runnable jar (MODULE-*-all.jar): a PID is only signalled while its command line
# still names that jar, so a PID file left over after a reboot never stops somebody else's process.

# Starts a program in the background: start_process NAME MODULE OUT_FILE ERR_FILE COMMAND [ARG...].
# Standard input is /dev/null (no TTY needed); nohup keeps it alive after the terminal closes (--keep).
# The launchers exec java, so $! is the Java process itself.
start_process() {
    local name=$1 module=$2 out=$3 err=$4
    shift 4
    nohup "$@" </dev/null >"$out" 2>"$err" &
    printf '%s\n' "$!" >"$run/$name.pid"
    printf '%s %s\n' "$name" "$module" >>"$run/started"
}

pid_of() {
    cat "$run/$1.pid" 2>/dev/null || true
}

# True while PID runs (a zombie, which ended but was not yet reaped, counts as ended).
running() {
    local pid=$1 state
    [[ -n $pid && -r /proc/$pid/stat ]] || return 1
    state=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1) || return 1
    [[ -n $state && $state != Z ]]
}

# True while PID runs the runnable jar of MODULE.
runs_module() {
    local pid=$1 module=$2
    running "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$module-[^ ]*-all\.jar"
}

# Waits (bounded) for a line matching the extended regex PATTERN in FILE, written by process NAME, and
# sets $line to the first match (only the part PATTERN matched). Fails when NAME ends first.
wait_for_line() {
    local file=$1 pattern=$2 name=$3 deadline=$((SECONDS + timeout_s))
    line=
    while ((SECONDS < deadline)); do
        if line=$(grep -m1 -oE -- "$pattern" "$file" 2>/dev/null); then
            return 0
        fi
        running "$(pid_of "$name")" || { failure="$name ended before it said /$pattern/ (see $file)"; return 1; }
        sleep 0.1
    done
    failure="$name did not say /$pattern/ within ${timeout_s}s (see $file)"
    return 1
}

# Waits (bounded) until FILE has at least COUNT lines matching PATTERN.
wait_for_count() {
    local file=$1 pattern=$2 count=$3 deadline=$((SECONDS + timeout_s))
    while ((SECONDS < deadline)); do
        (($(count_lines "$file" "$pattern") >= count)) && return 0
        sleep 0.1
    done
    failure="fewer than $count lines /$pattern/ in $file after ${timeout_s}s"
    return 1
}

count_lines() {
    local count
    count=$(grep -cE -- "$2" "$1" 2>/dev/null) || true
    printf '%s\n' "${count:-0}"
}

# The port of an address as programs print it: 127.0.0.1:PORT, [::1]:PORT, https://127.0.0.1:PORT.
port_of() {
    printf '%s\n' "${1##*:}"
}

# Stops every process this run started, the last started first: SIGTERM to all, then waits for each.
stop_all() {
    [[ -n ${run:-} && -f $run/started ]] || return 0
    stop_listed "$run"
}

# Sends SIGTERM to each process listed in RUN_DIR/started (in reverse order), waits for each to end
# (bounded; then SIGKILL, which is reported), and removes its PID file. Returns 1 if one had to be killed.
stop_listed() {
    local run_dir=$1 name module pid i status=0 names=() modules=()
    while read -r name module; do
        names=("$name" "${names[@]}")
        modules=("$module" "${modules[@]}")
    done <"$run_dir/started"
    for i in "${!names[@]}"; do
        pid=$(cat "$run_dir/${names[$i]}.pid" 2>/dev/null || true)
        if runs_module "$pid" "${modules[$i]}"; then
            kill -TERM "$pid" 2>/dev/null || true
        fi
    done
    for i in "${!names[@]}"; do
        pid=$(cat "$run_dir/${names[$i]}.pid" 2>/dev/null || true)
        await_end "${names[$i]}" "${modules[$i]}" "$pid" || status=1
        rm -f "$run_dir/${names[$i]}.pid"
    done
    rm -f "$run_dir/started"
    return "$status"
}

# Waits (bounded) for process NAME (PID, running MODULE's jar) to end; SIGKILL after the bound.
await_end() {
    local name=$1 module=$2 pid=$3 deadline=$((SECONDS + timeout_s))
    [[ -n $pid ]] || return 0
    while runs_module "$pid" "$module"; do
        if ((SECONDS >= deadline)); then
            printf 'demo: %s (PID %s) did not stop within %ss after SIGTERM; killed\n' "$name" "$pid" "$timeout_s" >&2
            kill -KILL "$pid" 2>/dev/null || true
            return 1
        fi
        sleep 0.1
    done
    wait "$pid" 2>/dev/null || true # reaps it when it is a child of this shell
    printf 'demo: stopped %-15s (PID %s)\n' "$name" "$pid"
}

# ops/demo stop [--work DIR]: stops a system left running by --keep.
stop_kept() {
    local work=$1 kept=$repo/work-demo/kept
    if [[ -z $work ]]; then
        [[ -f $kept ]] || { printf 'demo: nothing to stop (no --work DIR given, and no %s)\n' "$kept"; exit 0; }
        work=$(cat "$kept")
    fi
    [[ -d $work ]] || { printf 'demo: no work folder %s\n' "$work" >&2; exit 1; }
    work=$(cd "$work" && pwd -P)
    timeout_s=${DEMO_TIMEOUT:-60}
    if [[ ! -f $work/run/started ]]; then
        printf 'demo: nothing running from %s (no run/started)\n' "$work"
        exit 0
    fi
    printf 'demo: stopping the demo in %s ...\n' "$work"
    local status=0
    stop_listed "$work/run" || status=1
    if [[ -f $kept && $(cat "$kept") == "$work" ]]; then
        rm -f "$kept"
    fi
    exit "$status"
}
