#!/usr/bin/env bash
# Installs ladder for the composite action in action.yml, on Linux, macOS and Windows runners
# (Git Bash there), bash 3.2 and later.
#
# Which ladder:
# - LADDER_VERSION (the action's `version` input), when given: that release, or an error when it
#   has no archive for this runner. Building the action's own source instead would quietly give
#   another version than the one asked for.
# - otherwise the release named by the ref the action is used at (ACTION_REF, e.g. `v0.1.0`),
#   downloaded from the action's own repository (ACTION_REPOSITORY); when that ref is no release
#   (a branch, a commit, a moving tag such as `v1`), or the release has no archive for this
#   runner, ladder is built from the action's source with `cargo install --locked`.
# - a local action (`uses: ./`) has neither ref nor repository: built from source.
#
# A download is checked against the release's `<archive>.sha256` before it is unpacked, and only
# the binary is unpacked from it, as a regular file.
#
# The working directory is the user's checkout, which a pull request can change: nothing here
# runs there. cargo runs in the action's own folder, with its toolchain named (rustup would
# otherwise take a rust-toolchain.toml in the working directory or above it, which can name any
# folder's programs as the toolchain).
#
# In: LADDER_VERSION, ACTION_REF, ACTION_REPOSITORY from action.yml; GITHUB_ACTION_PATH,
# GITHUB_SERVER_URL, RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_PATH, GITHUB_OUTPUT from the
# runner. Out: ladder on GITHUB_PATH, and the step output `bin`, the binary's path.
set -euo pipefail

# A message may quote an input; escaped as GitHub reads a workflow command's message, a line
# break in it cannot end the command and start another.
fail() {
    local message="$*"
    message=${message//'%'/'%25'}
    message=${message//$'\r'/'%0D'}
    message=${message//$'\n'/'%0A'}
    echo "::error title=ladder install::$message" >&2
    exit 1
}

# Release tags look like v1.2.3 or v1.2.3-rc.1; anything else is never put in a URL.
is_release_tag() {
    [[ $1 =~ ^v[0-9]+(\.[0-9]+)*(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$ ]]
}

# The release target built for this runner, or nothing where none is built.
runner_target() {
    case "${RUNNER_OS:-}/${RUNNER_ARCH:-}" in
        Linux/X64) echo x86_64-unknown-linux-musl ;;
        macOS/ARM64) echo aarch64-apple-darwin ;;
        macOS/X64) echo x86_64-apple-darwin ;;
        # Windows on Arm runs x86_64 programs.
        Windows/X64 | Windows/ARM64) echo x86_64-pc-windows-msvc ;;
        *) ;;
    esac
}

sha256_of() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | cut -d ' ' -f 1
    else
        shasum -a 256 "$1" | cut -d ' ' -f 1
    fi
}

# Downloads $1 to $2. Exit 0 when downloaded, 3 when the server has no such file (404), and
# fails on anything else: a network failure is not taken for a missing release.
download() {
    local code
    code=$(curl --silent --show-error --location --retry 3 --output "$2" --write-out '%{http_code}' "$1") ||
        fail "could not download $1"
    case "$code" in
        200) return 0 ;;
        404) return 3 ;;
        *) fail "downloading $1 answered HTTP $code" ;;
    esac
}

# Native paths for Windows programs and GITHUB_PATH; bash paths for bash.
to_unix() { if command -v cygpath >/dev/null 2>&1; then cygpath -u "$1"; else printf '%s\n' "$1"; fi; }
to_native() { if command -v cygpath >/dev/null 2>&1; then cygpath -w "$1"; else printf '%s\n' "$1"; fi; }

# Finds release $1's archive for this runner: sets archive, url and work, and downloads the
# checksum file into work. Returns 3 when this runner has no release target, or the release has
# no such archive (or no such release).
find_release() {
    local tag=$1 target
    target=$(runner_target)
    [ -n "$target" ] || return 3
    [[ $ACTION_REPOSITORY =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] ||
        fail "unexpected action repository '$ACTION_REPOSITORY'"
    dir="ladder-$tag-$target"
    case "$target" in
        *-windows-*) archive="$dir.zip" ;;
        *) archive="$dir.tar.gz" ;;
    esac
    url="${GITHUB_SERVER_URL:-https://github.com}/$ACTION_REPOSITORY/releases/download/$tag/$archive"
    work=$(mktemp -d "$temp/ladder-download.XXXXXX") || fail "could not make a folder in $temp"
    echo "Looking for $url"
    download "$url.sha256" "$work/$archive.sha256" || {
        rm -rf "$work"
        return 3
    }
}

# Downloads the archive find_release found, checks it and unpacks ladder into $root/bin.
install_release() {
    local expected actual member="$dir/ladder$exe" unpacked
    download "$url" "$work/$archive" || fail "the release has $archive.sha256 but not $archive"
    expected=$(cut -d ' ' -f 1 <"$work/$archive.sha256" | tr -d '\r')
    actual=$(sha256_of "$work/$archive")
    [[ $expected =~ ^[0-9a-f]{64}$ ]] || fail "$archive.sha256 holds no SHA-256"
    [ "$expected" = "$actual" ] || fail "$archive has SHA-256 $actual, but $archive.sha256 says $expected"
    echo "Downloaded $archive, SHA-256 $actual as $archive.sha256 says"
    # Only the binary is unpacked, into a folder of its own: whatever else the archive holds (a
    # link, a path out of the folder) is never written. The checksum shows that the archive is the
    # one the release published, not that what it holds is safe to unpack.
    mkdir "$work/unpacked" || fail "could not make a folder in $work"
    unpacked="$work/unpacked/$member"
    case "$archive" in
        *.zip)
            # pwsh is on every runner; the paths go through the environment, not the command.
            # Entry names are compared with \ read as /: zip tools have written either.
            # shellcheck disable=SC2016 # $env:ARCHIVE is PowerShell's, for pwsh to expand.
            ARCHIVE=$(to_native "$work/$archive") MEMBER=$member DEST=$(to_native "$unpacked") \
                pwsh -NoProfile -NonInteractive -Command '
                    $ErrorActionPreference = "Stop"
                    Add-Type -AssemblyName System.IO.Compression.FileSystem
                    $zip = [System.IO.Compression.ZipFile]::OpenRead($env:ARCHIVE)
                    try {
                        $entries = @($zip.Entries |
                            Where-Object { ($_.FullName -replace "\\", "/") -ceq $env:MEMBER })
                        if ($entries.Count -ne 1) { exit 3 }
                        $folder = Split-Path -Parent $env:DEST
                        New-Item -ItemType Directory -Force -Path $folder | Out-Null
                        [System.IO.Compression.ZipFileExtensions]::ExtractToFile(
                            $entries[0], $env:DEST)
                    } finally { $zip.Dispose() }' ||
                fail "could not unpack $member from $archive (none there, or more than one)"
            ;;
        *)
            # --no-same-owner: a root runner would otherwise give the file the archive's owner.
            tar -xzf "$work/$archive" -C "$work/unpacked" --no-same-owner "$member" ||
                fail "could not unpack $member from $archive (see tar's message above)"
            ;;
    esac
    # A link would be installed as the binary, and chmod would change the file it points to.
    if [ -L "$unpacked" ] || [ ! -f "$unpacked" ]; then
        fail "$archive holds $member, but not as a regular file"
    fi
    {
        mkdir -p "$root/bin" && mv "$unpacked" "$root/bin/ladder$exe" &&
            chmod +x "$root/bin/ladder$exe"
    } || fail "could not install ladder into $root/bin"
    rm -rf "$work"
}

install_source() {
    command -v cargo >/dev/null 2>&1 ||
        fail "building ladder from source needs Rust's cargo; or use the action at a release tag"
    echo "Building ladder from the action's source (${ACTION_REF:-a local action})"
    # In the action's folder, not the checkout (see the top); with --path, cargo reads
    # .cargo/config.toml from the package's folder up, too. For rustup, RUSTUP_TOOLCHAIN comes
    # before any rust-toolchain.toml or rustup override; one the workflow sets is kept, as its
    # own choice. A cargo that rustup does not manage reads no toolchain file. (A local action's
    # folder is the checkout itself, whose code is what it builds anyway.)
    (
        cd "$action_path" || exit 1
        RUSTUP_TOOLCHAIN=${RUSTUP_TOOLCHAIN:-stable} \
            cargo install --locked --path "$(to_native "$action_path")" --root "$(to_native "$root")"
    ) || fail "cargo install of ladder from $action_path failed (see cargo's messages above)"
}

# $1 as an absolute path, for cargo, which runs in another folder. Fails when $1 is no folder.
absolute_dir() {
    (CDPATH='' cd -- "$1" && pwd) || fail "no such folder: $1"
}

temp=$(absolute_dir "$(to_unix "${RUNNER_TEMP:-${TMPDIR:-/tmp}}")")
action_path=${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is set by the runner}
action_path=$(absolute_dir "$(to_unix "$action_path")")
root="$temp/ladder-install"
exe=
case "${RUNNER_OS:-}" in Windows) exe=.exe ;; esac

if [ -n "${LADDER_VERSION:-}" ]; then
    tag="v${LADDER_VERSION#v}"
    is_release_tag "$tag" || fail "version '$LADDER_VERSION' is not a release such as v0.1.0"
    [ -n "${ACTION_REPOSITORY:-}" ] ||
        fail "version '$LADDER_VERSION' is given, but a local action has no repository to download it from"
    find_release "$tag" || fail "release $tag has no ladder archive for ${RUNNER_OS:-?} ${RUNNER_ARCH:-?}"
    install_release
elif [ -n "${ACTION_REPOSITORY:-}" ] && is_release_tag "${ACTION_REF:-}"; then
    if find_release "$ACTION_REF"; then
        install_release
    else
        echo "No release archive of ladder $ACTION_REF for ${RUNNER_OS:-?} ${RUNNER_ARCH:-?}"
        install_source
    fi
else
    install_source
fi

bin="$root/bin/ladder$exe"
"$bin" --version
to_native "$root/bin" >>"$GITHUB_PATH"
echo "bin=$(to_native "$bin")" >>"$GITHUB_OUTPUT"
