#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded offline.
# `prisma generate` never runs it; migrations are applied by `npm run db:migrate`.
echo "Prisma's native schema engine is not available; use npm run db:migrate" >&2
exit 1
