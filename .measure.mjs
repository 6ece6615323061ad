import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const [entry, names] = [process.argv[2], process.argv[3]];
const r = await build({ stdin: { contents: `export { ${names} } from '${entry}';`, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, minify: true, format: 'esm', platform: 'neutral', mainFields: ['module','main'], write: false, metafile: true, logLevel: 'silent', treeShaking: true });
const out = r.outputFiles[0].contents;
console.log(names, 'min', out.length, 'gz', gzipSync(out, { level: 9 }).length);
const o = Object.values(r.metafile.outputs)[0];
const sums = new Map();
for (const [i, { bytesInOutput }] of Object.entries(o.inputs)) { const k = i.replace(/^.*node_modules\/(zod\/v4\/[a-z]+|[^/]+).*$/, '$1').replace(/^src\/([^/]+)\/.*/, 'src/$1'); sums.set(k, (sums.get(k) ?? 0) + bytesInOutput); }
if (process.argv[4]) console.log([...sums].sort((a,b)=>b[1]-a[1]).filter(x=>x[1]>0));
