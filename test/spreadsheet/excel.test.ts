import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue2026, completeCatalogue, quote, type Adhesion } from '../../src/index.js';
import { PRESTATIONS } from '../../src/prestations/registry.js';
import { argumentNames } from '../../src/spreadsheet/mapping.js';
import { bareContext, BASE, BASE_TOTAL, call, DIR, excelContext, globalsOf, read, REMARQUES_COMMUNE, sheetsContext, StubExcelError, thrown } from './built.js';

interface Metadata {
  $schema: string;
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; description: string; type: string; dimensionality: string; optional?: boolean }[];
    result: { type: string; dimensionality: string };
  }[];
}

const TARIFS_DPO = [
  ['source', 'Montants de test (inventés)'],
  ['prestations.dpo.abonnement.montant', '400,00'],
];

let excel: ReturnType<typeof excelContext>;
let meta: Metadata;

beforeAll(() => {
  excel = excelContext();
  meta = JSON.parse(read('excel/functions.json')) as Metadata;
});

describe('complément Excel : fichiers', () => {
  it('functions.js est autonome : seul, dans un contexte nu qui n’a que CustomFunctions, il enregistre chaque fonction', () => {
    expect(Object.keys(excel.registered).sort()).toEqual(meta.functions.map((f) => f.id).sort());
    expect(excel.registered['TOTAL']!(BASE, null, null)).toEqual([[BASE_TOTAL]]);
    // Aucun autre fichier n'est chargé : ni te90-tarifs.js à côté, ni page qui le chargerait.
    expect(() => readFileSync(join(DIR, 'excel', 'te90-tarifs.js'))).toThrow();
    expect(read('excel/functions.html')).not.toContain('te90-tarifs.js');
    expect(read('excel/functions.html')).toContain('<script src="functions.js"></script>');
  });

  it('functions.js n’ajoute qu’un global, TE90Tarifs (l’enregistrement est dans une fonction)', () => {
    const ctx = bareContext({ CustomFunctions: { associate: () => undefined, Error: StubExcelError, ErrorCode: { invalidValue: '#VALUE!' } } });
    const before = globalsOf(ctx);
    vm.runInContext(read('excel/functions.js'), ctx);
    expect(globalsOf(ctx).filter((k) => !before.includes(k))).toEqual(['TE90Tarifs']);
  });

  it('functions.json : $schema, noms sans préfixe (=TETARIFS.DEVIS…), descriptions de 128 caractères au plus', () => {
    expect(meta.$schema).toBe('https://developer.microsoft.com/json-schemas/office-js/custom-functions.schema.json');
    expect(meta.functions.map((f) => f.name)).toEqual(['DEVIS', 'TOTAL', 'PRESTATION', 'TABLEAU', 'FACTURATION']);
    for (const f of meta.functions) {
      expect(f.id).toBe(f.name);
      expect(f.name).not.toMatch(/TE90|TETARIFS/);
      expect(f.name).toMatch(/^[A-Z][A-Z0-9._]{2,}$/);
      for (const d of [f.description, ...f.parameters.map((p) => p.description)]) expect(d.length, d).toBeLessThanOrEqual(128);
    }
  });

  it('functions.json : des noms de paramètres parlants, déduits des déclarations', () => {
    for (const f of meta.functions) {
      for (const p of f.parameters) expect(p.name).toMatch(/^[a-z][A-Za-z0-9]{4,}$/);
    }
    const prestation = meta.functions.find((f) => f.name === 'PRESTATION')!;
    expect(prestation.parameters.map((p) => p.name)).toEqual(['prestation', 'quantite', 'quantite2', 'tarifs']);
    // Chaque quantité dit ce qu'elle est pour chaque prestation qui en prend.
    PRESTATIONS.forEach((d) => {
      argumentNames(d as never).forEach((name, i) => expect(prestation.parameters[i + 1]!.description).toContain(name));
    });
    // Une plage de résultats : TOTAL rend [total, ce qui manque] avec partiel, PRESTATION une plage de montants.
    expect(meta.functions.find((f) => f.name === 'TOTAL')!.result).toEqual({ type: 'any', dimensionality: 'matrix' });
    expect(meta.functions.find((f) => f.name === 'PRESTATION')!.result).toEqual({ type: 'any', dimensionality: 'matrix' });
  });

  it('manifest.xml : complément de fonctions seul, espace de noms TETARIFS, adresse de base à remplacer, aucune adresse inventée', () => {
    const xml = read('excel/manifest.xml');
    expect(wellFormed(xml)).toEqual([]);
    expect(xml).toContain('xsi:type="TaskPaneApp"');
    expect(xml).toContain('<ExtensionPoint xsi:type="CustomFunctions">');
    expect(xml).toContain('<Namespace resid="Functions.Namespace" />');
    expect(xml).toContain('<bt:String id="Functions.Namespace" DefaultValue="TETARIFS" />');
    expect(xml).toMatch(/<Set Name="CustomFunctionsRuntime" MinVersion="1\.2" \/>/);
    const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(xml).toContain(`<Version>${/^\d+\.\d+\.\d+/.exec(version)![0]}.0</Version>`);
    // Chaque adresse est sous {{URL_DE_BASE}} et désigne un fichier construit à côté du manifeste.
    const urls = [...xml.matchAll(/DefaultValue="(\{\{URL_DE_BASE\}\}[^"]*)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) {
      const file = url.replace('{{URL_DE_BASE}}/', '');
      expect(() => readFileSync(join(DIR, 'excel', file)), file).not.toThrow();
    }
    for (const resource of ['Functions.Script.Url', 'Functions.Metadata.Url', 'Functions.Page.Url']) {
      expect(xml).toMatch(new RegExp(`<bt:Url id="${resource.replace(/\./g, '\\.')}" DefaultValue="\\{\\{URL_DE_BASE\\}\\}/functions\\.(js|json|html)" />`));
    }
    const others = [...xml.matchAll(/https?:\/\/[^"\s<]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'));
    expect(others).toEqual([]);
    expect(xml).toContain('=TETARIFS.DEVIS, =TETARIFS.TOTAL, =TETARIFS.PRESTATION, =TETARIFS.TABLEAU');
  });

  it('docs/tableur.md dit quelles versions d’Excel ont l’ensemble d’API que le manifeste demande', () => {
    const min = /<Set Name="CustomFunctionsRuntime" MinVersion="([\d.]+)" \/>/.exec(read('excel/manifest.xml'))![1]!;
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'tableur.md'), 'utf8');
    const section = doc.slice(doc.indexOf("### Versions d'Excel prises en charge"), doc.indexOf('### Étapes'));
    expect(section).toContain(`\`CustomFunctionsRuntime\` ${min}`);
    expect(section).toContain('https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets');
    for (const version of ['Excel sur le web', 'Microsoft 365', 'Mac', 'Office 2024', 'Excel 2016', 'Excel 2019', 'licence en volume']) expect(section).toContain(version);
  });

  it('les icônes du manifeste sont des PNG valides, de 32 et 64 pixels', () => {
    for (const [file, size] of [
      ['icon-32.png', 32],
      ['icon-64.png', 64],
    ] as const) {
      const png = readFileSync(join(DIR, 'excel', file));
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      const idatLength = png.readUInt32BE(33);
      expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
      expect(inflateSync(png.subarray(41, 41 + idatLength))).toHaveLength(size * (1 + 3 * size));
    }
  });
});

describe('complément Excel : fonctions', () => {
  it('répondent comme dans Google Sheets', () => {
    const sheets = sheetsContext();
    expect(excel.registered['PRESTATION']!([['marchesPublics']], [[2]], [[1]], null)).toEqual([[132]]);
    expect(excel.registered['TOTAL']!(BASE, TARIFS_DPO, null)).toEqual([[call(sheets, 'TE90_TOTAL(a[0], a[1])', BASE, TARIFS_DPO)]]);
    expect(JSON.stringify(excel.registered['DEVIS']!(BASE, null))).toBe(JSON.stringify(call(sheets, 'TE90_DEVIS(a[0])', BASE)));
  });

  it('TOTAL et PRESTATION lèvent CustomFunctions.Error(invalidValue, message) : #VALEUR!, pas un texte que SOMME ignorerait', () => {
    const e = thrown(() => excel.registered['TOTAL']!([['collectivite.nom', 'X'], ['collectivite.siren', '123']], null));
    expect(e?.value).toBeInstanceOf(StubExcelError);
    expect((e?.value as StubExcelError).code).toBe('#VALUE!');
    expect(e?.message).toMatch(/^plage, ligne 2, colonne B \(collectivite\.siren\) : /);
    const p = thrown(() => excel.registered['PRESTATION']!([['dpo']], null, null, null));
    expect(p?.value).toBeInstanceOf(StubExcelError);
    // La voix du tableur suit les paramètres du problème.
    expect(p?.message).toContain('plage tarifs');
    expect(thrown(() => excel.registered['PRESTATION']!([['dpo']], null, null, TARIFS_DPO))).toBeUndefined();
  });

  it('DEVIS lève CustomFunctions.Error(invalidValue, message) au lieu d’un texte dans une cellule', () => {
    const e = thrown(() => excel.registered['DEVIS']!([['dpo', 'oui']], null));
    expect(e?.value).toBeInstanceOf(StubExcelError);
    expect((e?.value as StubExcelError).code).toBe('#VALUE!');
    expect(e?.message).not.toMatch(/^Erreur/);
    expect(e?.message).toBe(thrown(() => excel.registered['TOTAL']!([['dpo', 'oui']], null))?.message);
    expect((excel.registered['DEVIS']!(BASE, null) as unknown[][])[0]![0]).toBe('Prestation');
  });

  it('TABLEAU : un total par ligne, une erreur #VALEUR! (avec son message) sur chaque ligne refusée', () => {
    const table = [
      ['collectivite.nom', 'collectivite.siren', 'collectivite.type', 'maintenanceBase.postes', 'maintenanceBase.postesLicenceBL', 'dpo'],
      ['Commune A', 219000106, 'commune', 4, 0, 'non'],
      ['Commune B', '123', 'commune', 4, 0, 'non'],
      ['Commune C', '200000172', 'commune', 4, 0, 'oui'],
    ];
    const out = excel.registered['TABLEAU']!(table, TARIFS_DPO, null) as unknown[][];
    const catalogue = completeCatalogue(catalogue2026, { millesime: 2026, source: 'x', prestations: { dpo: { abonnement: { montant: '400.00' } } } });
    const collectivite = { nom: 'Commune C', siren: '200000172', type: 'commune' } as const;
    expect(out[0]).toEqual(['Total', 'Remarques']);
    expect(out[1]).toEqual([BASE_TOTAL, REMARQUES_COMMUNE]);
    expect(out[2]![0]).toBeInstanceOf(StubExcelError);
    expect((out[2]![0] as StubExcelError).message).toMatch(/^tableau, ligne 3, colonne B \(collectivite\.siren\) : /);
    expect(out[3]).toEqual([Number(quote({ collectivite, prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 }, dpo: {} } } as Adhesion, { catalogue }).total), REMARQUES_COMMUNE]);
  });

  it('TABLEAU : deux lignes de la même collectivité ne sont pas comptées deux fois en silence', () => {
    const table = [
      ['collectivite.nom', 'collectivite.siren', 'collectivite.type', 'maintenanceBase.postes', 'maintenanceBase.postesLicenceBL'],
      ['Commune A', '219000106', 'commune', 4, 0],
      ['Commune B', '200000172', 'commune', 4, 0],
      ['Commune A (recopiée)', '219 000 106', 'commune', 4, 0],
    ];
    const out = excel.registered['TABLEAU']!(table, null, null) as unknown[][];
    expect(out[2]).toEqual([BASE_TOTAL, REMARQUES_COMMUNE]);
    for (const i of [1, 3]) {
      expect(out[i]![0]).toBeInstanceOf(StubExcelError);
      expect((out[i]![0] as StubExcelError).message).toContain('Les adhésions n° 2, n° 4 portent toutes le SIREN 219000106');
    }
  });
});

/** Le numéro d'une colonne écrite en lettres (A = 1, XFD = 16 384). */
function column(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/**
 * Indique si un nom est une adresse de cellule pour Excel : A1 (une à trois lettres jusqu'à la
 * colonne XFD, suivies d'une ligne de 1 à 1 048 576) ou L1C1 (`R`, `C`, `RC`, `R1C1`…).
 */
function isCellAddress(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})([0-9]+)$/.exec(name);
  if (a1 && column(a1[1]!) <= 16_384 && Number(a1[2]) >= 1 && Number(a1[2]) <= 1_048_576) return true;
  return name !== '' && /^(R([0-9]+)?)?(C([0-9]+)?)?$/i.test(name);
}

describe('complément Excel : espace de noms', () => {
  it('la règle reconnaît les adresses de cellule : TE90 en est une', () => {
    for (const address of ['TE90', 'A1', 'XFD1048576', 'te90', 'R1C1', 'R', 'C', 'RC', 'R2', 'C3']) expect(isCellAddress(address), address).toBe(true);
    for (const name of ['XFE1', 'A0', 'A1048577', 'ABCD1', 'TE90_', 'TARIFS', 'TETARIFS']) expect(isCellAddress(name), name).toBe(false);
  });

  it('l’espace de noms du manifeste n’est pas une adresse de cellule : des lettres seules, plus de trois', () => {
    const namespace = /<bt:String id="Functions\.Namespace" DefaultValue="([^"]*)" \/>/.exec(read('excel/manifest.xml'))![1]!;
    expect(namespace).toBe('TETARIFS');
    expect(namespace).toMatch(/^[A-Z]{4,}$/);
    expect(isCellAddress(namespace)).toBe(false);
  });
});

/** Vérifie qu'un XML est bien formé (balises appariées, attributs entre guillemets) ; rend les problèmes trouvés. */
function wellFormed(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|>/g)) {
    if (m[0] === '<' || m[0] === '>') {
      problems.push(`caractère isolé à ${m.index}`);
      continue;
    }
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      if (stack.pop() !== name) problems.push(`</${name!}> inattendu`);
    } else if (!selfClosing) stack.push(name!);
  }
  if (stack.length > 0) problems.push(`non fermés : ${stack.join(', ')}`);
  return problems;
}
