# shellcheck shell=bash
# Part of ops/demo (sourced, not run): starting the demo's processes, waiting for what they report,
# and stopping them by their PID files.
#
# Each process has a name (inside-daemon, partner-daemon, backend-api, relay-server, relay-client), a
# PID file $work/run/NAME.pid, and a line "NAME MODULE PID" in $work/run/started, in the order started.
# backend-api, relay-server and relay-client write and remove their PID files themselves (--pid-file);
# the script writes the OFTP2 daemons'. MODULE names the runnable jar (MODULE-*-all.jar): a PID is only signalled while
# its command line still names that jar, so a PID file left over after a reboot never stops somebody
# else's process.

# Starts a program in the background: start_process NAME MODULE OUT_FILE ERR_FILE PID_FILE_BY COMMAND...
# PID_FILE_BY is "self" for a daemon that writes its own PID file, "script" otherwise. Standard input is
# /dev/null (no TTY needed); nohup keeps it alive after the terminal closes (--keep). The launchers exec
# java, so $! is the Java process itself. Its JVM gets daemon_java_opts when the caller set it (ops/bench's
# full run: the JVM's defaults, as a user runs the daemons), else quick_java_opts.
start_process() {
    local name=$1 module=$2 out=$3 err=$4 by=$5
    shift 5
    JAVA_OPTS="${JAVA_OPTS:-} ${daemon_java_opts-$quick_java_opts}" nohup "$@" </dev/null >"$out" 2>"$err" &
    [[ $by == self ]] || printf '%s\n' "$!" >"$run/$name.pid"
    printf '%s %s %s\n' "$name" "$module" "$!" >>"$run/started"
}

# The PID of process NAME: from its PID file, else as started.
pid_of() {
    local name=$1 pid=
    # A daemon creates its PID file before it writes its PID in it: an empty file counts as none yet.
    pid=$(cat "$run/$name.pid" 2>/dev/null) && [[ -n $pid ]] \
        || pid=$(awk -v name="$name" '$1 == name { print $3 }' "$run/started")
    printf '%s\n' "$pid"
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

# The files a SOURCE names, in $source_files: a file, or @NAME for the daily files NAME-YYYY-MM-DD.* of
# the log folder (the file of the day changes at midnight, so every day's is read).
resolve_source() {
    local source=$1
    if [[ $source == @* ]]; then
        source_files=()
        local file
        for file in "$logs/${source#@}"-[0-9]*; do
            [[ -f $file ]] && source_files+=("$file")
        done
    else
        source_files=("$source")
    fi
}

# The newest file a SOURCE names (today's log for @NAME), or where it will be.
newest_file() {
    resolve_source "$1"
    if ((${#source_files[@]} > 0)); then
        printf '%s\n' "${source_files[-1]}"
    else
        printf '%s/%s-%s.log\n' "$logs" "${1#@}" "$(date +%F)"
    fi
}

# Waits (bounded) for a line matching the extended regex PATTERN in SOURCE, written by process NAME,
# and sets $line to the first match (only the part PATTERN matched). Fails when NAME ends first.
wait_for_line() {
    local source=$1 pattern=$2 name=$3 deadline=$((SECONDS + timeout_s))
    line=
    while ((SECONDS < deadline)); do
        resolve_source "$source"
        if ((${#source_files[@]} > 0)) \
            && line=$(grep -h -m1 -oE -- "$pattern" "${source_files[@]}" 2>/dev/null | head -n1) && [[ -n $line ]]; then
            return 0
        fi
        running "$(pid_of "$name")" || { failure="$name ended before it said /$pattern/ (see $logs)"; return 1; }
        sleep 0.1
    done
    failure="$name did not say /$pattern/ within ${timeout_s}s (see $logs)"
    return 1
}

# Waits (bounded) until SOURCE has at least COUNT lines matching PATTERN.
wait_for_count() {
    local source=$1 pattern=$2 count=$3 deadline=$((SECONDS + timeout_s))
    while ((SECONDS < deadline)); do
        (($(count_lines "$source" "$pattern") >= count)) && return 0
        sleep 0.1
    done
    failure="fewer than $count lines /$pattern/ in $source after ${timeout_s}s"
    return 1
}

count_lines() {
    local total=0 file count
    resolve_source "$1"
    for file in "${source_files[@]}"; do
        count=$(grep -cE -- "$2" "$file" 2>/dev/null) || true
        total=$((total + ${count:-0}))
    done
    printf '%s\n' "$total"
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

# Sends SIGTERM to each process listed in RUN_DIR/started (the last started first; the PID from its PID
# file, else as started), waits for each to end (bounded; then SIGKILL, which is reported), and removes
# what is left of its PID file. Returns 1 if one had to be killed.
stop_listed() {
    local run_dir=$1 name module started_pid pid i status=0 names=() modules=() pids=()
    while read -r name module started_pid; do
        pid=$(cat "$run_dir/$name.pid" 2>/dev/null) || pid=$started_pid
        names=("$name" "${names[@]}")
        modules=("$module" "${modules[@]}")
        pids=("$pid" "${pids[@]}")
    done <"$run_dir/started"
    for i in "${!names[@]}"; do
        if runs_module "${pids[$i]}" "${modules[$i]}"; then
            kill -TERM "${pids[$i]}" 2>/dev/null || true
        fi
    done
    for i in "${!names[@]}"; do
        await_end "${names[$i]}" "${modules[$i]}" "${pids[$i]}" || status=1
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
            printf '%s: %s (PID %s) did not stop within %ss after SIGTERM; killed\n' "${script_name:-demo}" "$name" "$pid" "$timeout_s" >&2
            kill -KILL "$pid" 2>/dev/null || true
            return 1
        fi
        sleep 0.1
    done
    wait "$pid" 2>/dev/null || true # reaps it when it is a child of this shell
    printf '%s: stopped %-15s (PID %s)\n' "${script_name:-demo}" "$name" "$pid"
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
