/**
 * Réenregistre le corpus de référence : `npm run corpus`. À lancer seulement quand une sortie change
 * exprès (un message reformulé…) : `git diff test/corpus/outputs.jsonl` montre alors ce qui a changé.
 * Les entrées ne sont générées que si `inputs.json` n'existe pas encore (ou avec `--entrees`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generateInputs, type CorpusInput } from './generate.js';
import { CORPUS_FILES, outputsOf } from './outputs.js';

const regenerate = process.argv.includes('--entrees') || !existsSync(CORPUS_FILES.inputs);
if (regenerate) writeFileSync(CORPUS_FILES.inputs, JSON.stringify(generateInputs()) + '\n');
const inputs = JSON.parse(readFileSync(CORPUS_FILES.inputs, 'utf8')) as CorpusInput[];
const outputs = outputsOf(inputs);
writeFileSync(CORPUS_FILES.outputs, outputs.join('\n') + '\n');
const accepted = outputs.filter((o) => o.startsWith('{"success":true')).length;
console.log(`Corpus : ${inputs.length} entrées (${accepted} acceptées, ${inputs.length - accepted} refusées)${regenerate ? ', entrées régénérées' : ''}.`);
