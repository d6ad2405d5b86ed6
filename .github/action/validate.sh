#!/usr/bin/env bash
# Runs `ladder validate --format github` for the composite action in action.yml.
#
# In, from the action's inputs through the environment (never spliced into this script):
# LADDER_PATHS and LADDER_ARGS, each split on whitespace (spaces, tabs, newlines) and nothing
# else: no glob, no quotes, no variables, so a path cannot hold whitespace; LADDER_STRICT, `true`
# or `false`; LADDER_BIN, the ladder the install step put in place.
set -euo pipefail

# `read -d ''` reads up to the end, so newlines separate words as spaces do; it returns 1 at
# the end of its input, which is expected here.
paths=()
args=()
read -r -d '' -a paths <<<"${LADDER_PATHS:-}" || true
read -r -d '' -a args <<<"${LADDER_ARGS:-}" || true

case "${LADDER_STRICT:-false}" in
    true) args+=(--strict) ;;
    false) ;;
    *)
        # The value itself is not echoed: it could end the line and start a workflow command.
        echo "::error title=ladder validate::the strict input takes true or false" >&2
        exit 2
        ;;
esac

# The install step gives a native path; Git Bash on Windows wants its own form (/d/a/...).
bin=${LADDER_BIN:-ladder}
if [ -n "${LADDER_BIN:-}" ] && command -v cygpath >/dev/null 2>&1; then
    bin=$(cygpath -u "$LADDER_BIN")
fi

# `--` ends the options: a path that starts with `-` is still a path. With no path, ladder checks
# the repository's ladders/. `${a[@]+"${a[@]}"}` expands an empty array under bash 3.2's `set -u`.
exec "$bin" validate --format github ${args[@]+"${args[@]}"} -- ${paths[@]+"${paths[@]}"}
