import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue2026, completeCatalogue, quoteAll, type Adhesion, type BatchQuote, type Tarifs } from '../src/index.js';
import { runCli, type CliIo } from '../src/cli/main.js';
import { memoryIo } from './cli-helpers.js';
import { batchFromText } from '../src/cli/sources.js';

/**
 * La ligne de commande et ses entrées-sorties : entrée standard, lecture unique, sortie fermée ou
 * pleine, erreurs internes, messages d'usage en français, aide, lot écrit au fil de l'eau, dossiers
 * avec des entrées illisibles, comptes, encodage.
 */

const CLI = join(__dirname, '..', 'dist', 'cli.js');
const EX = join(__dirname, '..', 'examples');
const TARIFS = join(EX, 'tarifs-exemple.json');
const SPAWN_TIMEOUT = 30_000;

function run(args: readonly string[], input?: string | Uint8Array) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, input, env: { ...process.env, NO_COLOR: '1' }, timeout: SPAWN_TIMEOUT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const tmp = () => mkdtempSync(join(tmpdir(), 'te90-cli-'));
const complet = completeCatalogue(catalogue2026, readJson(TARIFS) as Tarifs);
const adherents = readJson(join(EX, 'lot-adherents.json')) as Adhesion[];

type FileLot = Omit<BatchQuote, 'resultats'> & { resultats: (BatchQuote['resultats'][number] & { fichier: string })[] };

/** Le lot sans le champ `fichier`, pour le comparer à `quoteAll`. */
function withoutFiles(lot: FileLot): BatchQuote {
  return { ...lot, resultats: lot.resultats.map(({ fichier: _, ...r }) => r) };
}


beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js absent : lancez « npm run build » (npm test le fait).');
});

describe('« - » lit l’entrée standard ; JSON ou JSONL reconnus par leur contenu', () => {
  it('devis - : le même devis que depuis le fichier', () => {
    const file = join(EX, 'commune.json');
    const fromStdin = run(['devis', '-', '--format', 'json'], readFileSync(file));
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.out).toBe(run(['devis', file, '--format', 'json']).out);
  }, SPAWN_TIMEOUT);

  it('lot - : JSONL et liste JSON donnent les résultats de quoteAll, chaque résultat nomme l’entrée standard', () => {
    const expected = quoteAll(adherents, { catalogue: complet });
    const jsonl = run(['lot', '-', '--tarifs', TARIFS, '--format', 'json'], readFileSync(join(EX, 'lot-adherents.jsonl')));
    expect(jsonl.code).toBe(1);
    const fromJsonl = JSON.parse(jsonl.out) as FileLot;
    expect(withoutFiles(fromJsonl)).toEqual(expected);
    expect(fromJsonl.resultats.map((r) => r.fichier)).toEqual(adherents.map((_, i) => `(entrée standard):${i + 1}`));
    const json = run(['lot', '-', '--tarifs', TARIFS, '--format', 'json'], readFileSync(join(EX, 'lot-adherents.json')));
    const fromJson = JSON.parse(json.out) as FileLot;
    expect(withoutFiles(fromJson)).toEqual(expected);
    expect(new Set(fromJson.resultats.map((r) => r.fichier))).toEqual(new Set(['(entrée standard)']));
  }, SPAWN_TIMEOUT);

  it('le contenu décide, pas l’extension : du JSONL dans un .json, une liste JSON dans un .jsonl', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'lignes.json'), readFileSync(join(EX, 'lot-adherents.jsonl')));
    writeFileSync(join(dir, 'liste.jsonl'), JSON.stringify(adherents, null, 2));
    const expected = quoteAll(adherents, { catalogue: complet });
    for (const name of ['lignes.json', 'liste.jsonl']) {
      const r = run(['lot', join(dir, name), '--tarifs', TARIFS, '--format', 'json']);
      expect(withoutFiles(JSON.parse(r.out) as FileLot)).toEqual(expected);
    }
  }, SPAWN_TIMEOUT);

  it('comparer --avant … --apres … - : le lot lu sur l’entrée standard', () => {
    const B = join(EX, 'territoire-de-belfort');
    const args = ['comparer', '--avant', join(B, 'catalogue-2026.json'), '--apres', join(B, 'catalogue-2027.json')];
    const fromStdin = run([...args, '-', '--format', 'json'], readFileSync(join(B, 'adhesions.json')));
    // L'exemple porte un conflit voulu (SIREN_FACTURE_DEUX_FOIS) : sortie 1.
    expect(fromStdin.code).toBe(1);
    const c = JSON.parse(fromStdin.out) as { adherents: { fichier: string }[]; synthese: Record<string, unknown> };
    expect(c.adherents).toHaveLength(104);
    expect(c.adherents[0]!.fichier).toBe('(entrée standard)');
    expect(c.synthese).toMatchObject({ avant: '210230.30', apres: '216965.83', ecart: '6735.53' });
  }, SPAWN_TIMEOUT);

  it('un document JSON cassé est un seul refus JSON_INVALIDE, pas une erreur par ligne ; une entrée vide est refusée', () => {
    const broken = JSON.stringify(adherents, null, 2).slice(0, -10);
    expect(() => batchFromText(broken, 'lot.json')).toThrow(/lot\.json n'est pas du JSON valide/);
    const lines = batchFromText('{"a":1}\n\n{ cassé\n', 'lot.jsonl');
    expect(lines.count).toBe(2);
    expect([...lines.entries()].map((e) => [e.fichier, e.entry.ok])).toEqual([
      ['lot.jsonl:1', true],
      ['lot.jsonl:3', false],
    ]);
    expect(() => batchFromText(' \n', '-')).toThrow(/L'entrée standard est vide/);
  });
});

describe('chaque entrée est lue une seule fois', () => {
  it('cat lot.jsonl | te90-tarifs lot /dev/stdin (un tube), et /dev/stdin quand l’entrée standard est une socket', () => {
    const expected = quoteAll(adherents, { catalogue: complet });
    const piped = spawnSync('sh', ['-c', `cat "${join(EX, 'lot-adherents.jsonl')}" | "${process.execPath}" "${CLI}" lot /dev/stdin --tarifs "${TARIFS}" --format json`], {
      encoding: 'utf8',
      timeout: SPAWN_TIMEOUT,
    });
    expect(piped.stderr).toBe('');
    const lot = JSON.parse(piped.stdout) as FileLot;
    expect(withoutFiles(lot)).toEqual(expected);
    expect(lot.resultats[2]!.fichier).toBe('/dev/stdin:3');
    // spawnSync donne l'entrée par une socket, que /dev/stdin ne sait pas rouvrir.
    const socket = run(['lot', '/dev/stdin', '--tarifs', TARIFS, '--format', 'json'], readFileSync(join(EX, 'lot-adherents.jsonl')));
    expect(socket.err).toBe('');
    expect(withoutFiles(JSON.parse(socket.out) as FileLot)).toEqual(expected);
  }, SPAWN_TIMEOUT);

  it.skipIf(spawnSync('bash', ['-c', 'true']).status !== 0)(
    'lot <(…) (substitution de processus)',
    () => {
      for (const file of ['lot-adherents.json', 'lot-adherents.jsonl']) {
        const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" lot <(cat "${join(EX, file)}") --tarifs "${TARIFS}" --format json`], {
          encoding: 'utf8',
          timeout: SPAWN_TIMEOUT,
        });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(1);
        expect(withoutFiles(JSON.parse(r.stdout) as FileLot)).toEqual(quoteAll(adherents, { catalogue: complet }));
      }
    },
    SPAWN_TIMEOUT,
  );
});

/** Un lot JSONL de `count` adhésions (celles de l'exemple, répétées). */
function bigLot(count: number): { file: string; adhesions: Adhesion[] } {
  const adhesions = Array.from({ length: count }, (_, i) => adherents[i % adherents.length]!);
  const file = join(tmp(), 'grand-lot.jsonl');
  writeFileSync(file, adhesions.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return { file, adhesions };
}

describe('sorties fermées ou pleines, erreurs internes : codes de sortie distincts', () => {
  it('sortie fermée par le lecteur (« … | head -1 ») : code 0, rien sur la sortie d’erreur', async () => {
    const { file } = bigLot(3000);
    for (const format of ['json', 'texte']) {
      const child = spawn(process.execPath, [CLI, 'lot', file, '--tarifs', TARIFS, '--format', format], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      // Le lecteur lit un premier morceau puis ferme le tube, comme head -1.
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      child.stdout.destroy();
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      expect([format, code, err]).toEqual([format, 0, '']);
    }
  }, SPAWN_TIMEOUT);

  it.skipIf(!existsSync('/dev/full'))(
    'disque plein (/dev/full) : une ligne en français et le code 4',
    () => {
      for (const args of [['catalogue'], ['lot', join(EX, 'lot-adherents.json'), '--tarifs', TARIFS, '--format', 'json']]) {
        const full = openSync('/dev/full', 'w');
        try {
          const r = spawnSync(process.execPath, [CLI, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: SPAWN_TIMEOUT });
          expect(r.status).toBe(4);
          expect(r.stderr).toBe('Écriture impossible sur la sortie standard : plus de place sur le disque (ENOSPC).\n');
        } finally {
          closeSync(full);
        }
      }
    },
    SPAWN_TIMEOUT,
  );

  it('erreur interne (ni entrée refusée ni mauvais usage) : code 3, un message qui demande de la signaler', async () => {
    const m = memoryIo();
    const io: CliIo = {
      ...m.io,
      out: () => {
        throw new TypeError('défaut simulé');
      },
    };
    expect(await runCli(['catalogue'], io)).toBe(3);
    expect(m.err()).toContain('Erreur interne');
    expect(m.err()).toContain('défaut simulé');
    expect(m.err()).toContain('signaler');
    // Où la signaler : la section du README livré dans le paquet (il n'a pas encore d'adresse publique).
    expect(m.err()).toContain("service informatique de Territoire d'énergie 90");
    expect(m.err()).toContain('« Signaler un problème »');
    expect(readFileSync(join(__dirname, '..', 'README.md'), 'utf8')).toContain('\n## Signaler un problème\n');
  });

  it('--help documente les codes 3 et 4', () => {
    const help = run(['--help']).out;
    expect(help).toMatch(/3 erreur interne/);
    expect(help).toMatch(/4 écriture\s+impossible sur la sortie standard/);
  }, SPAWN_TIMEOUT);
});

describe('lot, facturation et comparer : les mêmes codes de sortie pour une ligne illisible et des refus', () => {
  const bonne = JSON.stringify({ collectivite: { nom: 'Commune', siren: '200000172', type: 'epci' }, prestations: { maintenanceBase: { postes: 2, postesLicenceBL: 0 } } });
  const refusee = JSON.stringify({ collectivite: { nom: 'Commune', siren: '123', type: 'epci' }, prestations: {} });
  const LOTS: [string, number, string][] = [
    ['une ligne JSONL illisible', 1, `${bonne}\n{"collectivite": \n`],
    ['toutes les adhésions refusées', 1, `[${refusee}, ${refusee.replace('123', '456')}]`],
    ['une adhésion refusée parmi d’autres', 1, `[${bonne}, ${refusee}]`],
    ['témoin : tout est accepté', 0, `[${bonne}]`],
  ];
  const COMMANDES: [string, string[]][] = [
    ['lot', ['lot', '-']],
    ['facturation', ['facturation', '-']],
    ['comparer', ['comparer', '--avant', '2026', '--apres', '2026', '-']],
  ];
  for (const [commande, argv] of COMMANDES) {
    it.each(LOTS)(`${commande} : %s → sortie %i`, async (_, code, lot) => {
      for (const format of ['texte', 'json', 'csv']) {
        const m = memoryIo(lot);
        expect(await runCli([...argv, '--format', format], m.io), `${commande} --format ${format}`).toBe(code);
      }
    });
  }
});

describe('usage : messages en français', () => {
  it.each([
    [['devis', 'a.json', '--frmat', 'json'], 'Option inconnue : --frmat (vouliez-vous dire --format ?).'],
    [['lot', 'a.json', '-x'], 'Option inconnue : -x.'],
    [['devis', 'a.json', '--format'], "L'option --format attend une valeur (par exemple : --format json)."],
    [['devis', 'a.json', '--tarifs', '--format', 'json'], "L'option --tarifs attend une valeur, mais elle est suivie de « --format »"],
    [['--help=oui'], "L'option --help ne prend pas de valeur"],
  ])('%j', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    // Le renvoi mène à l'aide de la commande en cause, ou à l'aide générale sans commande.
    expect(r.err).toContain(args[0] === 'devis' || args[0] === 'lot' ? `Voir : te90-tarifs ${args[0]} --help` : 'Voir : te90-tarifs --help');
    expect(r.err).not.toMatch(/Unknown|argument missing|ambiguous|does not take|To specify/);
  }, SPAWN_TIMEOUT);
});

describe('--help : exemples et documentation', () => {
  const commands = ['devis', 'lot', 'catalogue', 'verifier', 'reviser', 'comparer'];

  it('l’aide générale : un exemple par commande, les codes de sortie, où est la documentation', () => {
    const help = run(['--help']).out;
    const examples = help.slice(help.indexOf('Exemples :'));
    for (const command of commands) expect(examples).toContain(`te90-tarifs ${command} `);
    expect(help).toContain('Codes de sortie');
    expect(help).toContain('docs/ligne-de-commande.md');
  }, SPAWN_TIMEOUT);

  it.each(commands)('te90-tarifs %s --help : ses exemples, et la documentation', (command) => {
    const help = run([command, '--help']).out;
    expect(help).toContain(`te90-tarifs ${command}`);
    expect(help).toMatch(new RegExp(`Exemples :\\n(  .*\\n)*  (te90-tarifs )?${command}`));
    expect(help).toContain('docs/ligne-de-commande.md');
    expect(help).toContain('te90-tarifs exemples');
  }, SPAWN_TIMEOUT);
});

describe('lot --format json : écrit au fil des résultats, mémoire bornée', () => {
  it('la synthèse est celle de quoteAll, le texte celui de JSON.stringify, écrit en plusieurs fois', async () => {
    const m = memoryIo(readFileSync(join(EX, 'lot-adherents.json')));
    expect(await runCli(['lot', '-', '--tarifs', TARIFS, '--format', 'json'], m.io)).toBe(1);
    const lot = JSON.parse(m.out()) as FileLot;
    expect(m.out()).toBe(JSON.stringify(lot, null, 2) + '\n');
    expect(lot.synthese).toEqual(quoteAll(adherents, { catalogue: complet }).synthese);
    expect(withoutFiles(lot)).toEqual(quoteAll(adherents, { catalogue: complet }));
    // Un appel par résultat, plus le début et la fin : rien n'attend la fin du lot pour être écrit.
    expect(m.writes.length).toBe(adherents.length + 2);
  });

  it('un lot vide : la même forme que quoteAll([])', async () => {
    const m = memoryIo('[]');
    expect(await runCli(['lot', '-', '--format', 'json'], m.io)).toBe(0);
    expect(m.out()).toBe(JSON.stringify(quoteAll([]), null, 2) + '\n');
  });

  it('4 000 adhésions avec un tas de 24 Mo : le lot complet est écrit (tout garder en mémoire ne tiendrait pas)', () => {
    const { file, adhesions } = bigLot(4000);
    const outFile = join(tmp(), 'lot.json');
    const out = openSync(outFile, 'w');
    let r: ReturnType<typeof spawnSync>;
    try {
      r = spawnSync(process.execPath, ['--max-old-space-size=24', CLI, 'lot', file, '--tarifs', TARIFS, '--format', 'json'], {
        stdio: ['ignore', out, 'pipe'],
        encoding: 'utf8',
        timeout: SPAWN_TIMEOUT,
      });
    } finally {
      closeSync(out);
    }
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const lot = readJson(outFile) as FileLot;
    expect(lot.resultats).toHaveLength(4000);
    // La synthèse est celle de quoteAll ; ses SIREN facturés deux fois nomment en plus le fichier (et la ligne) de chaque adhésion.
    const expected = quoteAll(adhesions, { catalogue: complet }).synthese;
    const { conflits, ...rest } = lot.synthese as typeof expected;
    const { conflits: attendus, ...attendu } = expected;
    expect(rest).toEqual(attendu);
    expect(attendus.length).toBeGreaterThan(0);
    expect(conflits.map((c) => [c.code, c.path, (c.params as { entrees: number[] }).entrees])).toEqual(attendus.map((c) => [c.code, c.path, (c.params as { entrees: number[] }).entrees]));
    expect((conflits[0]!.params as { fichiers: string[] }).fichiers[0]).toMatch(/lot\.jsonl:\d+$/);
    expect(lot.resultats[3999]!.fichier).toBe(`${file}:4000`);
  }, SPAWN_TIMEOUT);
});

describe('dossier : une entrée illisible est un refus qui nomme son fichier', () => {
  it('sous-dossier x.json, lien cassé, fichier qui n’est pas du JSON, fichier en Latin-1 : le reste du lot est chiffré', () => {
    const dir = tmp();
    const [a, b] = adherents;
    writeFileSync(join(dir, '1-a.json'), JSON.stringify(a));
    mkdirSync(join(dir, '2-dossier.json'));
    symlinkSync(join(dir, 'absent.json'), join(dir, '3-lien.json'));
    writeFileSync(join(dir, '4-casse.json'), '{ pas du json');
    writeFileSync(join(dir, '5-latin1.json'), Buffer.from(JSON.stringify(adherents.find((x) => x.collectivite.nom === 'Éloie')), 'latin1'));
    writeFileSync(join(dir, '6-b.json'), JSON.stringify(b));
    const r = run(['lot', dir, '--tarifs', TARIFS, '--format', 'json']);
    expect(r.code).toBe(1);
    const lot = JSON.parse(r.out) as FileLot;
    const names = ['1-a.json', '2-dossier.json', '3-lien.json', '4-casse.json', '5-latin1.json', '6-b.json'];
    expect(lot.resultats.map((x) => x.fichier)).toEqual(names.map((n) => join(dir, n)));
    expect(lot.resultats.map((x) => (x.success ? 'ok' : x.issues[0]!.code))).toEqual(['ok', 'FICHIER_ILLISIBLE', 'FICHIER_ILLISIBLE', 'JSON_INVALIDE', 'FICHIER_ILLISIBLE', 'ok']);
    for (const x of lot.resultats) if (!x.success) expect(x.issues[0]!.message).toContain(x.fichier);
    expect(lot.synthese).toMatchObject({ acceptes: 2, refuses: 4 });
    const texte = run(['lot', dir, '--tarifs', TARIFS]);
    for (const n of names) expect(texte.out).toContain(join(dir, n));
    expect(texte.out).toContain('Lot de 6 adhésion(s)');
  }, SPAWN_TIMEOUT);
});

describe('comptes et encodage', () => {
  it('csv : la sortie d’erreur compte tout le lot, pas seulement les refus', () => {
    const r = run(['lot', join(EX, 'lot-adherents.json'), '--tarifs', TARIFS, '--format', 'csv']);
    const expected = quoteAll(adherents, { catalogue: complet }).synthese;
    expect(r.err).toContain(`Lot de ${adherents.length} adhésion(s)`);
    expect(r.err).toContain(`Adhésions acceptées : ${expected.acceptes} ; refusées : ${expected.refuses}`);
    expect(r.out.split('\r\n')[0]).toMatch(/;origine_montant;reference;exemple;periodicite;total_partiel;fichier$/);
  }, SPAWN_TIMEOUT);

  it('un fichier en Latin-1 est refusé clairement (FICHIER_ILLISIBLE), pas lu avec des caractères défigurés', () => {
    const dir = tmp();
    const adhesion = readJson(join(EX, 'commune.json')) as { collectivite: { nom: string } };
    adhesion.collectivite.nom = 'Commune de Bréchaumont';
    writeFileSync(join(dir, 'latin1.json'), Buffer.from(JSON.stringify(adhesion, null, 2), 'latin1'));
    const r = run(['devis', join(dir, 'latin1.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[FICHIER_ILLISIBLE]');
    expect(r.err).toContain("n'est pas encodé en UTF-8 : l'octet 0xE9 à la ligne 4");
    expect(r.err).toContain('Latin-1');
    expect(r.out).not.toContain('Br\uFFFDchaumont');
    const lot = run(['lot', '-', '--format', 'json'], Buffer.from(JSON.stringify([adhesion]), 'latin1'));
    expect(lot.code).toBe(1);
    expect((JSON.parse(lot.out) as { issues: { code: string }[] }).issues[0]!.code).toBe('FICHIER_ILLISIBLE');
  }, SPAWN_TIMEOUT);
});
