#!/bin/sh
# The `allium` command of the npm package ("Start-up snapshot" in docs/performance.md). It runs the bundle next to it,
# allium.cjs, from a V8 start-up snapshot of it when the cache holds one built by this node binary, and from the bundle
# otherwise; the bundle then builds the snapshot in the background after its run. Until the exec only shell builtins run,
# and readlink when the command is a symbolic link as npm installs it (a second node start would cost more than the
# snapshot saves); exec leaves node with this process's id, streams, signals and exit status. esbuild.mjs writes the
# build's key (CLI version and bundle hash) into the path of the blob below.
self=$0
case $self in */*) ;; *) self=./$self ;; esac
while [ -L "$self" ]; do
    link=$(readlink "$self")
    case $link in /*) self=$link ;; *) self=${self%/*}/$link ;; esac
done
bundle=${self%/*}/allium.cjs

# The node that `#!/usr/bin/env node` would run.
node=
saved_ifs=$IFS
IFS=:
for dir in $PATH; do
    if [ -f "${dir:-.}/node" ] && [ -x "${dir:-.}/node" ]; then
        node=${dir:-.}/node
        break
    fi
done
IFS=$saved_ifs
if [ -z "$node" ]; then
    echo 'allium: node was not found on PATH.' >&2
    exit 127
fi

# No snapshot when it is turned off, or when NODE_OPTIONS may hold flags the blob was not built with (node refuses those).
if [ -z "$ALLIUM_NO_SNAPSHOT" ] && [ -z "$NODE_OPTIONS" ]; then
    case $XDG_CACHE_HOME in
        /*) cache=$XDG_CACHE_HOME ;;
        *) cache=${HOME:+$HOME/.cache} ;;
    esac
    if [ -n "$cache" ]; then
        # One blob per node binary: its path, with / as %, names it; its modification time is the binary's when it fits.
        name= rest=$node
        while :; do
            case $rest in
                */*) name=$name${rest%%/*}% rest=${rest#*/} ;;
                *) name=$name$rest; break ;;
            esac
        done
        blob=$cache/allium-editor/snapshots/@KEY@/$name.blob
        if [ -f "$blob" ] && ! [ "$blob" -nt "$node" ] && ! [ "$blob" -ot "$node" ]; then
            exec "$node" --snapshot-blob "$blob" -- "$@"
        fi
        ALLIUM_SNAPSHOT_BLOB=$blob
        export ALLIUM_SNAPSHOT_BLOB
    fi
fi
exec "$node" "$bundle" "$@"
