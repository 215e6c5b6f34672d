// audit.mjs runs the graphql-http GraphQL-over-HTTP server audit against a
// running server and exits 1 when any audit ends in a warning or an error.
//
// Usage: node audit.mjs http://127.0.0.1:PORT/graphql
//
// "notice" results (failed MAY requirements) are printed but do not fail.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://127.0.0.1:PORT/graphql');
  process.exit(2);
}

const results = await auditServer({ url, fetchFn: fetch });
const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const r of results) {
  counts[r.status] = (counts[r.status] ?? 0) + 1;
  const line = `${r.status.padEnd(6)} ${r.id} ${r.name}`;
  console.log(r.status === 'ok' ? line : `${line}\n       reason: ${r.reason}`);
}
if (counts.notice > 0) {
  console.log(`audit: ${counts.notice} notice (failed MAY requirements, not counted)`);
}
console.log(`audit: ${counts.ok} ok, ${counts.warn} warn, ${counts.error} error`);
process.exit(counts.warn > 0 || counts.error > 0 ? 1 : 0);
