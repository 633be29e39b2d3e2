# Used by run.sh: keeps a small cluster running on one machine.
#   supervise_start NAME CMD...   start a restartable process (a silo); its log is .run/logs/NAME.log (appended),
#                                 its current pid in .run/pids/NAME.pid
#   supervise_core NAME PID       a process whose exit stops everything (Kafka, Redis, the API)
#   supervise_loop                watch both kinds until one core process exits (returns 1 with a message)
#   supervise_pids                the pids of the restartable processes now running (for cleanup)
# A restartable process that exits is started again after a backoff of 1 s, 2 s, 4 s ... capped at 30 s; the
# backoff starts over once a run lasted 60 s.

declare -A sv_cmd sv_pid sv_started sv_backoff sv_due sv_core
sv_names=()

supervise_start() {
  local name=$1; shift
  sv_cmd[$name]=$(printf '%q ' "$@")
  sv_backoff[$name]=1
  sv_names+=("$name")
  _sv_launch "$name"
}

supervise_core() { sv_core[$1]=$2; }

supervise_pids() {
  local name
  for name in "${sv_names[@]}"; do [ -n "${sv_pid[$name]:-}" ] && echo "${sv_pid[$name]}"; done
  return 0
}

_sv_launch() {
  local name=$1
  echo "--- $(date -u +%H:%M:%S) starting $name" >>"$run/logs/$name.log"
  # exec: the pid watched and stopped is the process itself, not a shell around it.
  ( eval "exec ${sv_cmd[$name]}" ) >>"$run/logs/$name.log" 2>&1 &
  sv_pid[$name]=$!
  echo "${sv_pid[$name]}" >"$run/pids/$name.pid"
  sv_started[$name]=$SECONDS
  sv_due[$name]=""
}

supervise_loop() {
  local name pid code
  while true; do
    for name in "${!sv_core[@]}"; do
      pid=${sv_core[$name]}
      if ! kill -0 "$pid" 2>/dev/null; then
        wait "$pid" 2>/dev/null && code=0 || code=$?
        echo "$name (pid $pid) exited with code $code; stopping everything (see .run/logs/)" >&2
        return 1
      fi
    done
    for name in "${sv_names[@]}"; do
      if [ -n "${sv_due[$name]}" ]; then
        [ "$SECONDS" -ge "${sv_due[$name]}" ] && { _sv_launch "$name"; echo "$(date -u +%H:%M:%S) restarted $name (pid ${sv_pid[$name]})"; }
        continue
      fi
      pid=${sv_pid[$name]}
      kill -0 "$pid" 2>/dev/null && continue
      wait "$pid" 2>/dev/null && code=0 || code=$?
      [ $((SECONDS - sv_started[$name])) -ge 60 ] && sv_backoff[$name]=1
      echo "$(date -u +%H:%M:%S) $name (pid $pid) exited with code $code; restarting in ${sv_backoff[$name]} s (log: .run/logs/$name.log)" >&2
      sv_pid[$name]=""
      sv_due[$name]=$((SECONDS + sv_backoff[$name]))
      sv_backoff[$name]=$(( sv_backoff[$name] * 2 > 30 ? 30 : sv_backoff[$name] * 2 ))
    done
    sleep 1
  done
}
