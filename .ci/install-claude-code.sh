#!/usr/bin/env bash
# Installs the pinned native Claude Code build used by the real-client tests into a cache folder
# outside the clone (it is about 400 MB), once; later runs reuse it. Prints the executable's path.
#
#   .ci/install-claude-code.sh [cache-dir]
#
# The default cache is ${XDG_CACHE_HOME:-$HOME/.cache}/budmon/claude-code-<version>; BUDMON_CLAUDE_CACHE
# overrides it. The executable is <cache>/package/claude. Progress goes to stderr so that stdout holds only the path.
set -euo pipefail

version="2.1.332"
package="@anthropic-ai/claude-code-linux-x64"
dest="${1:-${BUDMON_CLAUDE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/budmon/claude-code-$version}}"
# The platform package ships the native executable as package/claude (the wrapper package
# @anthropic-ai/claude-code links it as bin/claude.exe).
exe="$dest/package/claude"

if [ -x "$exe" ] && [ -f "$dest/.complete" ]; then
  echo "$exe"
  exit 0
fi

command -v npm >/dev/null || { echo "install-claude-code: npm is missing" >&2; exit 1; }
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) echo "install-claude-code: only linux-x64 is pinned, this is $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac

mkdir -p "$(dirname "$dest")"
# Unpack into a sibling temp folder and rename it into place, so an interrupted download never
# leaves a half-filled cache that a later run would trust.
work="$(mktemp -d "$(dirname "$dest")/.claude-code-$version.XXXXXX")"
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
echo "install-claude-code: downloading $package@$version (about 400 MB) ..." >&2
# npm pack verifies the registry's integrity hash and runs no install scripts.
tarball="$(cd "$work" && npm pack --silent "$package@$version" | tail -n 1)"
tar -xzf "$work/$tarball" -C "$work"
rm -f "$work/$tarball"
chmod +x "$work/package/claude"
touch "$work/.complete"
rm -rf "$dest"
mv "$work" "$dest"
trap - EXIT
echo "$exe"
