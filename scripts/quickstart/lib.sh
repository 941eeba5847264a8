# Shell helpers of scripts/quickstart.sh: progress lines with timings, the processes it started
# (pid files holding "pid starttime", so a pid reused by another process is never signalled) and
# its state file. Expects QS_DIR and STATE_FILE to be set.

# ---------------------------------------------------------------------------------------------
# progress lines

now_ms() { date +%s%3N; }
seconds_since() { local ms=$(($(now_ms) - $1)); printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }
say() { printf '%s\n' "$*"; }
indent() { sed -u 's/^/    /'; }
die() { printf 'quickstart: %s\n' "$*" >&2; exit 1; }
step() { STEP_MS=$(now_ms); printf '==> %s\n' "$*"; }
ok() { printf '    ✓ %s (%s)\n' "$*" "$(seconds_since "${STEP_MS}")"; }

# ---------------------------------------------------------------------------------------------
# processes the quickstart started: $QS_DIR/<name>.pid holds "pid starttime", so a pid the
# kernel gave to another process since is never signalled

proc_start() {
  local stat fields
  { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 0
  stat=${stat##*) }
  read -r -a fields <<<"${stat}"
  printf '%s' "${fields[19]:-}"
}

write_pidfile() { printf '%s %s\n' "$2" "$(proc_start "$2")" >"${QS_DIR}/$1.pid"; }

# Prints the pid of a recorded process that still runs; fails otherwise.
pid_of() {
  local file=${QS_DIR}/$1.pid pid='' start=''
  [[ -f ${file} ]] || return 1
  read -r pid start <"${file}" || true
  [[ ${pid} =~ ^[0-9]+$ && -n ${start} && $(proc_start "${pid}") == "${start}" ]] || return 1
  printf '%s' "${pid}"
}

# Stops a recorded process: SIGTERM, then SIGKILL after $2 seconds.
stop_proc() {
  local name=$1 wait=$2 pid i
  if pid=$(pid_of "${name}"); then
    kill -TERM "${pid}" 2>/dev/null || true
    for ((i = 0; i < wait * 10; i++)); do
      pid_of "${name}" >/dev/null || break
      sleep 0.1
    done
    if pid_of "${name}" >/dev/null; then
      kill -KILL "${pid}" 2>/dev/null || true
      sleep 0.2
    fi
  fi
  rm -f "${QS_DIR}/${name}.pid"
}

# ---------------------------------------------------------------------------------------------
# state: key=value lines written by this script

declare -A ST=()
state_load() {
  ST=()
  [[ -f ${STATE_FILE} ]] || return 0
  local key value
  while IFS='=' read -r key value; do
    [[ ${key} =~ ^[A-Z_]+$ ]] && ST[${key}]=${value}
  done <"${STATE_FILE}"
}
state_save() {
  local key
  for key in "${!ST[@]}"; do printf '%s=%s\n' "${key}" "${ST[${key}]}"; done >"${STATE_FILE}.tmp"
  mv "${STATE_FILE}.tmp" "${STATE_FILE}"
}
