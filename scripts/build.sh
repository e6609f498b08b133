#!/bin/sh
# `npm run build`, after its content check. Next.js compiles while the content step writes what the build
# carries (scripts/build-content.ts) into a folder beside the build folder, since compiling empties the build
# folder; then page generation, in a process of its own so the compiler's memory is freed first (a 1,000-post
# build stays under 1 GB), while the type check, which needs the compiler's route types, runs beside it: page
# generation keeps one core busy, and the build fails if either does.
set -e
dist=${NEXT_DIST_DIR:-.next}
staging="${dist%/}.content"
content=
typecheck=
# However the build ends (a failure, Ctrl-C), the steps still running are stopped and the content's folder
# removed; a build that failed loses its BUILD_ID, so that `npm start` refuses it rather than serve half a build.
cleanup() {
  status=$?
  for step in $content $typecheck; do
    kill "$step" 2>/dev/null || true
    wait "$step" 2>/dev/null || true
  done
  rm -rf "$staging"
  if [ "$status" -ne 0 ]; then rm -f "$dist/BUILD_ID"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
rm -rf "$staging"
mkdir -p "$staging"
tsx --conditions=react-server scripts/build-content.ts "$staging" &
content=$!
next build --experimental-build-mode=compile
tsc --noEmit &
typecheck=$!
wait "$content"
content=
mv "$staging"/* "$dist"/
next build --experimental-build-mode=generate
wait "$typecheck"
typecheck=
