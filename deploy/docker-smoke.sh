#!/usr/bin/env bash
# Builds deploy/Dockerfile and tries the image as a deployment would use it:
#   - the process runs as uid 10001, not root;
#   - the service answers /healthz, checks the Varanasi example (valid), makes the CN22 of the
#     personal-gift example (a PDF, fonts from the binary: the image has none), serves the form;
#   - its logs are JSON lines; `docker stop` (SIGTERM) ends it cleanly (exit status 0);
#   - the image's size.
# The engine: an existing one, else Debian's docker.io started here (root only).
# The base images: the Dockerfile's defaults when the registry gives them; otherwise (no route
# to Docker Hub, as on the machine this was written on) local stand-ins with the same
# contents that matter: Debian 12 minbase from debootstrap for the runtime, and for the build
# stage that plus gcc, libc6-dev, this machine's CA bundle and its Rust toolchain (which must
# be the Dockerfile's 1.95). They are passed with --build-arg; the Dockerfile is built as is.
# Usage: deploy/docker-smoke.sh   (about 20 minutes cold on two cores: a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
TAG=${NIRYAT_IMAGE:-niryat:smoke}
PORT=${NIRYAT_SMOKE_PORT:-18480}
NAME=niryat-smoke
log() { printf '== %s\n' "$*" >&2; }
fail() { printf 'docker-smoke: FAILED: %s\n' "$*" >&2; exit 1; }

if ! docker info >/dev/null 2>&1; then
  if ! command -v dockerd >/dev/null; then
    [ "$(id -u)" = 0 ] || fail "no Docker engine here, and installing one needs root"
    log "installing Debian's docker.io"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io >/dev/null
  fi
  log "starting dockerd (log in /tmp/niryat-dockerd.log)"
  (dockerd >/tmp/niryat-dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || fail "dockerd did not start (see /tmp/niryat-dockerd.log)"
fi

RUST_IMAGE=rust:1.95-slim-bookworm
RUNTIME_IMAGE=debian:bookworm-slim
if docker pull -q "$RUNTIME_IMAGE" >/dev/null 2>&1 && docker pull -q "$RUST_IMAGE" >/dev/null 2>&1; then
  log "base images from the registry: $RUST_IMAGE, $RUNTIME_IMAGE"
else
  RUNTIME_IMAGE=niryat-standin/debian:bookworm
  RUST_IMAGE=niryat-standin/rust:1.95-bookworm
  log "no registry: local stand-ins $RUST_IMAGE and $RUNTIME_IMAGE"
  STAGE=$(mktemp -d)
  trap 'rm -rf "$STAGE"' EXIT
  if ! docker image inspect "$RUNTIME_IMAGE" >/dev/null 2>&1; then
    command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null
    log "debootstrap bookworm (minbase)"
    debootstrap --variant=minbase bookworm "$STAGE/rootfs" http://deb.debian.org/debian >"$STAGE/debootstrap.log" 2>&1 \
      || { tail -5 "$STAGE/debootstrap.log" >&2; fail "debootstrap"; }
    tar -C "$STAGE/rootfs" -c . | docker import - "$RUNTIME_IMAGE" >/dev/null
    rm -rf "$STAGE/rootfs"
  fi
  if ! docker image inspect "$RUST_IMAGE" >/dev/null 2>&1; then
    rustc --version | grep -q '^rustc 1\.95\.' || fail "the stand-in needs Rust 1.95 here, found $(rustc --version)"
    SYSROOT=$(rustc --print sysroot)
    mkdir -p "$STAGE/ctx/rust"
    # bin (cargo, rustc), lib (the compiler and the x86_64 standard library), libexec; not the
    # documentation or other targets.
    cp -a "$SYSROOT/bin" "$SYSROOT/libexec" "$STAGE/ctx/rust/"
    mkdir -p "$STAGE/ctx/rust/lib/rustlib"
    cp -a "$SYSROOT"/lib/lib* "$STAGE/ctx/rust/lib/"
    cp -a "$SYSROOT/lib/rustlib/x86_64-unknown-linux-gnu" "$SYSROOT/lib/rustlib/etc" "$STAGE/ctx/rust/lib/rustlib/" 2>/dev/null || true
    # This machine's trust store: where TLS goes through a proxy with its own authority (as
    # here), cargo in the build stage must trust it to fetch crates.
    cp /etc/ssl/certs/ca-certificates.crt "$STAGE/ctx/"
    cat >"$STAGE/ctx/Dockerfile" <<EOF
FROM $RUNTIME_IMAGE
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY rust /usr/local/rust
ENV PATH=/usr/local/rust/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
EOF
    log "building the stand-in Rust image"
    docker build -q --network host -t "$RUST_IMAGE" "$STAGE/ctx" >/dev/null
    rm -rf "$STAGE/ctx"
  fi
fi

log "building $TAG from deploy/Dockerfile"
start=$(date +%s)
docker build --network host -f deploy/Dockerfile \
  --build-arg RUST_IMAGE="$RUST_IMAGE" --build-arg RUNTIME_IMAGE="$RUNTIME_IMAGE" -t "$TAG" . \
  >/tmp/niryat-docker-build.log 2>&1 || { tail -20 /tmp/niryat-docker-build.log >&2; fail "docker build (log: /tmp/niryat-docker-build.log)"; }
log "built in $(( $(date +%s) - start )) s"

uid=$(docker run --rm --entrypoint /usr/bin/id "$TAG" -u)
[ "$uid" = 10001 ] || fail "the image runs as uid $uid, not 10001"

docker rm -f "$NAME" >/dev/null 2>&1 || true
docker run -d --name "$NAME" -p "127.0.0.1:$PORT:8080" "$TAG" >/dev/null
trap 'docker rm -f "$NAME" >/dev/null 2>&1 || true; rm -rf "${STAGE:-/nonexistent}"' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 50); do curl -sf "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -sf "$BASE/healthz" >/dev/null || { docker logs "$NAME" >&2; fail "no answer on /healthz"; }

valid=$(curl -sf -H 'content-type: application/json' --data-binary @examples/varanasi-silk-amazon.json "$BASE/v1/validate" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["valid"])')
[ "$valid" = True ] || fail "the Varanasi example is not valid in the container ($valid)"
curl -sf -H 'content-type: application/json' --data-binary @examples/personal-gift.json \
  "$BASE/v1/documents/cn22?lang=en%2Bhi" -o /tmp/niryat-smoke-cn22.pdf
[ "$(head -c 5 /tmp/niryat-smoke-cn22.pdf)" = "%PDF-" ] || fail "the CN22 is not a PDF"
pdf_bytes=$(stat -c %s /tmp/niryat-smoke-cn22.pdf)
curl -sf "$BASE/" | grep -q '<form' || fail "GET / does not serve the form"

docker stop -t 30 "$NAME" >/dev/null
code=$(docker inspect -f '{{.State.ExitCode}}' "$NAME")
[ "$code" = 0 ] || fail "the service exited with $code on SIGTERM"
docker logs "$NAME" 2>&1 | python3 -c '
import json, sys
lines = [l for l in sys.stdin if l.strip()]
for l in lines:
    json.loads(l)
assert any("shutting down" in l for l in lines), "no shutdown line in the log"
print(f"{len(lines)} log lines, every one JSON")'

size=$(docker image inspect -f '{{.Size}}' "$TAG")
printf 'docker-smoke: ok: %s (%s MB), uid %s, validate, CN22 en+hi PDF (%s bytes), form, JSON logs, clean stop\n' \
  "$TAG" "$((size / 1000000))" "$uid" "$pdf_bytes"
printf 'base images: %s, %s\n' "$RUST_IMAGE" "$RUNTIME_IMAGE"
