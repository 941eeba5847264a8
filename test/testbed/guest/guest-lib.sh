# Shell functions of the gitvirt test guest's /init (busybox ash), kept apart so tests can run them.

# cmdline_opt NAME DEFAULT [FILE]: value of gitvirt.NAME=... on the kernel command line
cmdline_opt() {
  for word in $(cat "${3:-/proc/cmdline}"); do
    case "$word" in "gitvirt.$1="*) echo "${word#*=}"; return ;; esac
  done
  echo "$2"
}

# yaml_value KEY FILE: value of a top-level "KEY: value" line of a small YAML file (quotes and
# trailing comment stripped), or of "KEY": "value" when the file is JSON; empty when absent
yaml_value() {
  [ -f "$2" ] || return 0
  value=$(sed -n "s/^$1:[[:space:]]*//p" "$2" | head -n 1 | sed -e 's/[[:space:]][[:space:]]*#.*$//' \
    -e 's/[[:space:]]*$//' -e "s/^\"\\(.*\\)\"\$/\\1/" -e "s/^'\\(.*\\)'\$/\\1/")
  if [ -z "$value" ]; then
    value=$(tr '\n' ' ' <"$2" | sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\\([^\"]*\\)\".*/\\1/p")
  fi
  printf '%s\n' "$value"
}

# valid_hostname NAME: letters, digits, dots and dashes, not starting with a dot or dash
valid_hostname() {
  case "$1" in '' | *[!A-Za-z0-9.-]* | -* | .*) return 1 ;; esac
  [ ${#1} -le 253 ]
}

# seed_instance_id DIR: instance-id of the seed in DIR, or "none"
seed_instance_id() {
  id=$(yaml_value instance-id "$1/meta-data")
  echo "${id:-none}"
}

# seed_hostname DIR: the hostname cloud-init would set from the seed in DIR, or "none":
# user-data (#cloud-config) hostname, else the first label of its fqdn, else meta-data
# local-hostname. An invalid name is reported on stderr and ignored.
seed_hostname() {
  name=
  if head -n 1 "$1/user-data" 2>/dev/null | grep -q '^#cloud-config'; then
    name=$(yaml_value hostname "$1/user-data")
    if [ -z "$name" ]; then
      fqdn=$(yaml_value fqdn "$1/user-data")
      name=${fqdn%%.*}
    fi
  fi
  [ -n "$name" ] || name=$(yaml_value local-hostname "$1/meta-data")
  if [ -n "$name" ] && ! valid_hostname "$name"; then
    echo "ignoring invalid hostname '$name'" >&2
    name=
  fi
  echo "${name:-none}"
}
