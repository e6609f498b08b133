#!/bin/sh
# `npm run build`, after its content check. Next.js compiles, then prerenders in a process of its own, so the
# compiler's memory is freed before pages are generated (a 1,000-post build stays under 1 GB). Between the
# two, the type check and the search index need only the compiled code and the content: they run side by side.
set -e
next build --experimental-build-mode=compile
tsc --noEmit &
typecheck=$!
tsx --conditions=react-server scripts/build-content.ts
wait "$typecheck"
next build --experimental-build-mode=generate
