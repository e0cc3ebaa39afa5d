// Checks the production build against the performance budget: the JavaScript a first visit
// loads (the entry script and what index.html preloads) and everything the app can ever load,
// both gzip-compressed. Exits 1 when a limit is exceeded.
//
//   node scripts/check-budget.mjs [distDir]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const INITIAL_JS_LIMIT = 250 * 1024;
const TOTAL_LIMIT = 1024 * 1024;

const dist = resolve(process.argv[2] ?? 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const initial = new Set();
for (const match of html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)) {
  initial.add(match[1]);
}
if (initial.size === 0) {
  console.error(`No entry script found in ${join(dist, 'index.html')}`);
  process.exit(1);
}

const gzipped = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const assets = readdirSync(join(dist, 'assets'))
  .filter((name) => name.endsWith('.js') || name.endsWith('.css'))
  .map((name) => `assets/${name}`);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = assets.map((file) => ({ file, gzip: gzipped(file), initial: initial.has(file) }));
rows.sort((a, b) => b.gzip - a.gzip);

const initialJs = rows.filter((r) => r.initial).reduce((sum, r) => sum + r.gzip, 0);
const total = rows.reduce((sum, r) => sum + r.gzip, 0);

console.log('Bundle (gzip):');
for (const row of rows) {
  console.log(`  ${row.initial ? '*' : ' '} ${kb(row.gzip).padStart(9)}  ${row.file}`);
}
console.log('  (* loaded on the first visit)');
console.log(`Initial JavaScript: ${kb(initialJs)} of ${kb(INITIAL_JS_LIMIT)}`);
console.log(`Total JavaScript and CSS: ${kb(total)} of ${kb(TOTAL_LIMIT)}`);

const failures = [];
if (initialJs > INITIAL_JS_LIMIT) {
  failures.push(`initial JavaScript is ${kb(initialJs)}, over the ${kb(INITIAL_JS_LIMIT)} budget`);
}
if (total > TOTAL_LIMIT) {
  failures.push(`the whole bundle is ${kb(total)}, over the ${kb(TOTAL_LIMIT)} budget`);
}
const eagerEditor = rows.find((r) => r.initial && /code-editor|codemirror/i.test(r.file));
if (eagerEditor) {
  failures.push(`the code editor (${eagerEditor.file}) is loaded on the first visit; it must stay lazy`);
}
if (failures.length > 0) {
  console.error(`Performance budget exceeded: ${failures.join('; ')}.`);
  process.exit(1);
}
console.log('Performance budget: OK');
