import { build } from 'esbuild';
const [entry, names] = [process.argv[2], process.argv[3]];
const r = await build({ stdin: { contents: `export { ${names} } from '${entry}';`, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, minify: true, format: 'esm', platform: 'neutral', mainFields: ['module','main'], write: false, metafile: true, logLevel: 'silent', treeShaking: true });
const o = Object.values(r.metafile.outputs)[0];
console.log(Object.entries(o.inputs).filter(([i])=>!i.includes('node_modules')).map(([i,{bytesInOutput}])=>[i,bytesInOutput]).sort((a,b)=>b[1]-a[1]).map(x=>x.join(' ')).join('\n'));
