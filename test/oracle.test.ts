/**
 * Tests de propriétés « avec oracle » des modèles de prix, par l'API publique seulement.
 *
 * Chaque propriété tire un catalogue au hasard (copie JSON de `catalogue2026` dont les montants,
 * coefficients, paliers, strates, quotas et grilles sont remplacés), le valide avec
 * `parseCatalogue`, tire des mesures, puis recalcule chaque ligne, chaque facture et le total
 * avec decimal.js, directement depuis les chiffres du catalogue tiré, sans aucune aide de `src/`.
 * Règle : chaque ligne est arrondie au centime, au demi supérieur ; un total est la somme des
 * lignes arrondies ; un montant s'écrit avec deux décimales (« 2069.57 »).
 *
 * L'argent ne passe jamais par un nombre JS : les montants sont des chaînes, les calculs des
 * décimaux. Seules les mesures (postes, jours, population, quota) sont des nombres.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  catalogue2026,
  completeCatalogue,
  parseCatalogue,
  pricePrestation,
  quote,
  quoteAll,
  safeParseCatalogue,
  safePricePrestation,
  safeQuote,
  type Adhesion,
  type Catalogue,
  type ChampsDeTarif,
  type Composante,
  type PrestationId,
  type Quote,
  type Tarifs,
} from '../src/index.js';
import { sirenArb } from './arbitraries.js';

// ---------------------------------------------------------------------------------------------
// L'oracle : decimal.js seul, précision large (aucun arrondi intermédiaire), arrondi au centime.
// ---------------------------------------------------------------------------------------------

/** Un constructeur decimal.js à grande précision : les produits sont exacts avant l'arrondi final. */
const D = Decimal.clone({ precision: 100 });

/** Arrondi d'une ligne : au centime, au demi supérieur. */
function round2(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Écrit un montant arrondi avec deux décimales. */
function cents(value: Decimal): string {
  return round2(value).toFixed(2);
}

type DeepMutable<T> = T extends readonly (infer U)[]
  ? DeepMutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
    : T;

/** Un brouillon de catalogue, modifiable : ce que l'oracle lit. */
type Draft = DeepMutable<Catalogue>;
type MutablePrestations = { -readonly [K in keyof Adhesion['prestations']]: Adhesion['prestations'][K] };

interface MutablePalier {
  de: number;
  a: number | null;
  coefficient: string;
}
interface MutableStrate {
  de: number;
  a: number | null;
}
interface MutableGrille {
  strates: MutableStrate[];
  quotasGo: number[];
  montants: string[][];
}
interface MutableStrateForfait {
  de: number;
  a: number | null;
  montant: string;
}

/** La composante d'un abonnement du brouillon : un forfait, un prix par habitant ou un forfait par strate. */
type AdherentComposante = Extract<DeepMutable<Composante>, { modele: 'forfait' | 'parHabitant' | 'forfaitParStrate' }>;

/** L'ordre des prestations du catalogue, qui est celui des lignes du devis (écrit ici, pas relu de `src/`). */
const ORDER = [
  'maintenanceBase',
  'sauvegarde',
  'netEntreprises',
  'packDemat',
  'saisineElectronique',
  'marchesPublics',
  'dpo',
  'cabinetNumerique',
  'comedec',
  'secretariatMairie',
] as const satisfies readonly PrestationId[];

/** Les prestations « forfait » sans paramètre et leur unique composante. */
const SUBSCRIPTIONS = {
  netEntreprises: 'abonnement',
  saisineElectronique: 'abonnement',
  dpo: 'abonnement',
  cabinetNumerique: 'abonnement',
  comedec: 'raccordement',
} as const;
type SubscriptionId = keyof typeof SUBSCRIPTIONS;
const SUBSCRIPTION_IDS = Object.keys(SUBSCRIPTIONS) as SubscriptionId[];

/** La composante unique d'un abonnement du brouillon. */
function subscriptionOf(draft: Draft, id: SubscriptionId): AdherentComposante {
  return (draft.prestations[id].composantes as Record<string, AdherentComposante>)[SUBSCRIPTIONS[id]]!;
}

/** Une composante d'abonnement qui doit être un forfait (celles de `catalogue2026`, et des brouillons qui en sont copiés). */
function forfaitOf(c: AdherentComposante): Extract<AdherentComposante, { modele: 'forfait' }> {
  if (c.modele !== 'forfait') throw new Error(`oracle : forfait attendu, ${c.modele} reçu`);
  return c;
}

interface ExpectedLine {
  prestation: string;
  composante: string;
  siren: string;
  quantite: string;
  prixUnitaire: string;
  montant: string;
}
interface ExpectedInvoice {
  siren: string;
  montants: string[];
  total: string;
}
type Expectation =
  | { ok: true; lignes: ExpectedLine[]; factures: ExpectedInvoice[]; total: string }
  | { ok: false; codes: string[] };

/** Le SIREN sans espaces (l'oracle n'utilise pas `normalizeSiren`). */
function bareSiren(siren: string): string {
  return siren.replace(/ /g, '');
}

/** Ce que l'oracle sait de la collectivité. */
interface OracleContext {
  siren: string;
  population: number | undefined;
  parcTransfere?: boolean | undefined;
}

type LineBody = Omit<ExpectedLine, 'prestation' | 'composante' | 'siren'>;

function forfaitLine(montant: string | null): LineBody {
  if (montant === null) throw new Error('oracle : forfait sans montant (générateur incomplet)');
  const m = cents(new D(montant));
  return { quantite: '1', prixUnitaire: m, montant: m };
}

function unitLine(prix: string | null, arrondi: 'aucun' | 'entierSuperieur', unites: number): LineBody {
  if (prix === null) throw new Error('oracle : prix unitaire absent (générateur incomplet)');
  const asked = new D(String(unites));
  const q = arrondi === 'entierSuperieur' ? asked.ceil() : asked;
  return { quantite: q.toFixed(), prixUnitaire: new D(prix).toFixed(2), montant: cents(q.times(prix)) };
}

function tieredLine(prix: string | null, paliers: readonly MutablePalier[], n: number): LineBody {
  if (prix === null) throw new Error('oracle : prix unitaire absent (générateur incomplet)');
  const found = paliers.filter((p) => n >= p.de && (p.a === null || n <= p.a));
  if (found.length !== 1) throw new Error(`oracle : ${found.length} paliers contiennent ${n} (générateur incohérent)`);
  const q = new D(n).times(found[0]!.coefficient);
  return { quantite: q.toFixed(), prixUnitaire: new D(prix).toFixed(2), montant: cents(new D(prix).times(q)) };
}

/** Un prix unitaire tel qu'une ligne l'écrit : au moins deux décimales, sans zéro inutile au-delà (`0.50`, `0.045`). */
function priceText(prix: string): string {
  const d = new D(prix);
  return d.toFixed(Math.max(2, d.decimalPlaces()));
}

/** Prix par habitant : population × prix arrondi au centime (demi supérieur), ramené dans [plancher, plafond]. */
function perInhabitantLine(c: { prixParHabitant: string | null; plancher?: string | undefined; plafond?: string | undefined }, population: number): LineBody {
  if (c.prixParHabitant === null) throw new Error('oracle : prix par habitant absent (générateur incomplet)');
  let m = round2(new D(population).times(c.prixParHabitant));
  if (c.plancher !== undefined) m = D.max(m, c.plancher);
  if (c.plafond !== undefined) m = D.min(m, c.plafond);
  return { quantite: String(population), prixUnitaire: priceText(c.prixParHabitant), montant: m.toFixed(2) };
}

/** Forfait par strate : le montant de la seule strate qui contient la population. */
function bandFlatLine(strates: readonly MutableStrateForfait[] | null, population: number): LineBody {
  if (strates === null) throw new Error('oracle : strates absentes (générateur incomplet)');
  const found = strates.filter((s) => population >= s.de && (s.a === null || population <= s.a));
  if (found.length !== 1) throw new Error(`oracle : ${found.length} strates contiennent ${population} (générateur incohérent)`);
  const m = cents(new D(found[0]!.montant));
  return { quantite: '1', prixUnitaire: m, montant: m };
}

/** Lignes attendues d'une prestation, ou les codes d'erreur attendus. */
function oracleLines(
  draft: Draft,
  id: PrestationId,
  params: Record<string, unknown>,
  ctx: OracleContext,
): { lines: ExpectedLine[]; codes: string[] } {
  const lines: ExpectedLine[] = [];
  const codes: string[] = [];
  const entry = draft.prestations[id];
  const listed = id === 'packDemat' && entry.facturation === 'siren' && Array.isArray(params['sirens']) ? (params['sirens'] as string[]).map(bareSiren) : [];
  // Inclus d'office (parc transféré) : toujours facturé au SIREN de la collectivité, d'abord ; les SIREN listés s'y ajoutent.
  const offered = id === 'packDemat' && ctx.parcTransfere === true;
  const sirens = offered ? [ctx.siren, ...listed.filter((s) => s !== ctx.siren)] : listed.length > 0 ? listed : [ctx.siren];
  const push = (composante: string, body: LineBody) => {
    for (const siren of sirens) lines.push({ prestation: id, composante, siren, ...body });
  };
  switch (id) {
    case 'maintenanceBase': {
      const c = draft.prestations.maintenanceBase.composantes;
      push('postes', tieredLine(c.postes.prixUnitaire, c.postes.paliers, params['postes'] as number));
      const bl = params['postesLicenceBL'] as number | undefined;
      if (bl !== undefined && bl > 0) push('licenceBL', unitLine(c.licenceBL.prixUnitaire, c.licenceBL.arrondiQuantite, bl));
      break;
    }
    case 'sauvegarde': {
      const grille = draft.prestations.sauvegarde.composantes.grille.grille;
      if (grille === null) throw new Error('oracle : grille absente (générateur incomplet)');
      const quotaGo = params['quotaGo'] as number;
      const j = grille.quotasGo.indexOf(quotaGo);
      if (j < 0) codes.push('QUOTA_INCONNU');
      if (ctx.population === undefined) codes.push('POPULATION_REQUISE');
      if (codes.length > 0) break;
      const i = grille.strates.findIndex((s) => ctx.population! >= s.de && (s.a === null || ctx.population! <= s.a));
      const cell = grille.montants[i]?.[j];
      if (cell === undefined) throw new Error('oracle : case de grille introuvable (générateur incohérent)');
      const m = cents(new D(cell));
      push('grille', { quantite: '1', prixUnitaire: m, montant: m });
      break;
    }
    case 'packDemat':
      // Facturé par adhérent, une liste de SIREN est refusée plutôt qu'ignorée.
      if (entry.facturation === 'adherent' && params['sirens'] !== undefined) codes.push('VALEUR_NON_ADMISE');
      else push('parSiren', forfaitLine(draft.prestations.packDemat.composantes.parSiren.montant));
      break;
    case 'marchesPublics': {
      const c = draft.prestations.marchesPublics.composantes;
      push('acces', unitLine(c.acces.prixUnitaire, c.acces.arrondiQuantite, params['acces'] as number));
      const mel = params['misesEnLigneAssistees'] as number | undefined;
      if (mel !== undefined && mel > 0) {
        push('miseEnLigneAssistee', unitLine(c.miseEnLigneAssistee.prixUnitaire, c.miseEnLigneAssistee.arrondiQuantite, mel));
      }
      break;
    }
    case 'secretariatMairie': {
      const c = draft.prestations.secretariatMairie.composantes.journee;
      push('journee', unitLine(c.prixUnitaire, c.arrondiQuantite, params['jours'] as number));
      break;
    }
    default: {
      const composante = SUBSCRIPTIONS[id];
      const c = subscriptionOf(draft, id);
      if (c.modele === 'forfait') push(composante, forfaitLine(c.montant));
      else if (ctx.population === undefined) codes.push('POPULATION_REQUISE');
      else if (c.modele === 'parHabitant') push(composante, perInhabitantLine(c, ctx.population));
      else push(composante, bandFlatLine(c.strates, ctx.population));
    }
  }
  return { lines, codes };
}

/** Factures attendues : une par SIREN, dans l'ordre de première apparition ; totaux = sommes de lignes arrondies. */
function invoicesOf(lignes: readonly ExpectedLine[]): ExpectedInvoice[] {
  const bySiren = new Map<string, string[]>();
  for (const l of lignes) {
    const list = bySiren.get(l.siren) ?? [];
    list.push(l.montant);
    bySiren.set(l.siren, list);
  }
  return [...bySiren].map(([siren, montants]) => ({ siren, montants, total: sumText(montants) }));
}

function sumText(montants: readonly string[]): string {
  return montants.reduce((acc, m) => acc.plus(m), new D(0)).toFixed(2);
}

/** Le devis attendu d'une adhésion sur un brouillon de catalogue. */
function oracle(draft: Draft, adhesion: Adhesion): Expectation {
  const ctx: OracleContext = { siren: bareSiren(adhesion.collectivite.siren), population: adhesion.collectivite.population, parcTransfere: adhesion.collectivite.parcTransfere };
  const prestations = adhesion.prestations as Readonly<Record<string, Record<string, unknown> | undefined>>;
  const lignes: ExpectedLine[] = [];
  const codes: string[] = [];
  for (const id of ORDER) {
    let params = prestations[id];
    if (params === undefined && id === 'packDemat' && adhesion.collectivite.parcTransfere === true) params = {};
    if (params === undefined) continue;
    const r = oracleLines(draft, id, params, ctx);
    lignes.push(...r.lines);
    codes.push(...r.codes);
  }
  if (codes.length > 0) return { ok: false, codes };
  return { ok: true, lignes, factures: invoicesOf(lignes), total: sumText(lignes.map((l) => l.montant)) };
}

const TWO_DECIMALS = /^\d+\.\d{2}$/;

/** Délai d'un test de propriété : large, pour qu'un échec aille jusqu'au contre-exemple réduit au lieu d'expirer. */
const LONG = 30_000;

function pickLine(l: Quote['lignes'][number]): ExpectedLine {
  return { prestation: l.prestation, composante: l.composante, siren: l.siren, quantite: l.quantite, prixUnitaire: l.prixUnitaire, montant: l.montant };
}

/** Compare un devis à l'oracle : lignes, factures, total (égalité de chaînes). */
function expectMatchesOracle(q: Quote, expected: Extract<Expectation, { ok: true }>): void {
  expect(q.lignes.map(pickLine)).toEqual(expected.lignes);
  expect(q.factures.map((f) => ({ siren: f.siren, montants: f.lignes.map((l) => l.montant), total: f.total }))).toEqual(expected.factures);
  expect(q.total).toBe(expected.total);
  for (const m of [q.total, ...q.factures.map((f) => f.total), ...q.lignes.map((l) => l.montant)]) expect(m).toMatch(TWO_DECIMALS);
}

/** Devis sûr + comparaison à l'oracle ; rend `true` si le devis a atteint le chiffrage. */
function checkQuote(catalogue: Catalogue, draft: Draft, adhesion: Adhesion): boolean {
  const expected = oracle(draft, adhesion);
  const r = safeQuote(adhesion, { catalogue });
  if (!expected.ok) {
    expect(r.success, 'échec attendu par l’oracle').toBe(false);
    if (!r.success) expect([...new Set(r.issues.map((i) => i.code))].sort()).toEqual([...new Set(expected.codes)].sort());
    return false;
  }
  if (!r.success) expect.fail(`devis refusé : ${JSON.stringify(r.issues)}`);
  expect(r.data.millesime).toBe(draft.millesime);
  expectMatchesOracle(r.data, expected);
  return true;
}

/** Valide un brouillon ; un brouillon tiré doit toujours être accepté. */
function parse(draft: Draft): Catalogue {
  const r = safeParseCatalogue(JSON.parse(JSON.stringify(draft)));
  if (!r.success) expect.fail(`catalogue tiré refusé : ${JSON.stringify(r.issues)}`);
  return r.data;
}

// ---------------------------------------------------------------------------------------------
// Générateurs : catalogues valides, mesures valides.
// ---------------------------------------------------------------------------------------------

/** Une chaîne décimale : partie entière tirée par `intArb`, de 0 à `maxDecimals` décimales. */
function decimalText(intArb: fc.Arbitrary<number>, maxDecimals: number): fc.Arbitrary<string> {
  return fc
    .tuple(intArb, fc.integer({ min: 0, max: maxDecimals }), fc.integer({ min: 0, max: 10 ** maxDecimals - 1 }))
    .map(([i, d, f]) => (d === 0 ? String(i) : `${i}.${String(f).padStart(maxDecimals, '0').slice(0, d)}`));
}

/** Un montant (au plus 2 décimales, 8 chiffres entiers : la marge laisse décaler les montants). */
const amountArb = decimalText(
  fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 0, max: 99_999_999 })),
  2,
);
/** Un coefficient (au plus 6 décimales, 4 chiffres entiers ; le plus souvent 0 ou 1 avant la virgule). */
const coefficientArb = decimalText(fc.oneof(fc.constantFrom(0, 1), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 9_998 })), 6);
const arrondiArb = fc.constantFrom<'aucun' | 'entierSuperieur'>('aucun', 'entierSuperieur');

/** Bornes consécutives à partir de `first`, la dernière ouverte, dans un ordre quelconque. */
function boundsArb(first: number, maxCut: number, maxCount: number): fc.Arbitrary<{ de: number; a: number | null }[]> {
  return fc.uniqueArray(fc.integer({ min: first + 1, max: maxCut }), { maxLength: maxCount - 1 }).chain((cuts) => {
    const sorted = [...cuts].sort((x, y) => x - y);
    const starts = [first, ...sorted];
    const items = starts.map((de, k) => ({ de, a: k + 1 < starts.length ? starts[k + 1]! - 1 : null }));
    return fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });
  });
}

const paliersArb: fc.Arbitrary<MutablePalier[]> = boundsArb(1, 300, 6).chain((bounds) =>
  fc.array(coefficientArb, { minLength: bounds.length, maxLength: bounds.length }).map((coefs) => bounds.map((b, k) => ({ ...b, coefficient: coefs[k]! }))),
);

const quotasArb = fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 1_000_000 })), { minLength: 1, maxLength: 5 });

const grilleArb: fc.Arbitrary<MutableGrille> = fc.tuple(boundsArb(0, 200_000, 6), quotasArb).chain(([strates, quotasGo]) =>
  fc
    .array(fc.array(amountArb, { minLength: quotasGo.length, maxLength: quotasGo.length }), { minLength: strates.length, maxLength: strates.length })
    .map((montants) => ({ strates, quotasGo, montants })),
);

const facturationArb = (siren: number) =>
  fc.oneof({ arbitrary: fc.constant<'adherent' | 'siren'>('siren'), weight: siren }, { arbitrary: fc.constant<'adherent' | 'siren'>('adherent'), weight: 1 });

function cloneCatalogue2026(): Draft {
  return JSON.parse(JSON.stringify(catalogue2026)) as Draft;
}

/** Un catalogue aléatoire complet (tous les montants renseignés), de la forme de `catalogue2026`. */
const draftArb: fc.Arbitrary<Draft> = fc
  .record({
    millesime: fc.integer({ min: 2000, max: 2100 }),
    postesPrix: amountArb,
    paliers: paliersArb,
    licencePrix: amountArb,
    licenceArrondi: arrondiArb,
    grille: grilleArb,
    forfaits: fc.record({
      netEntreprises: amountArb,
      saisineElectronique: amountArb,
      dpo: amountArb,
      cabinetNumerique: amountArb,
      comedec: amountArb,
      packDemat: amountArb,
    }),
    facturationPack: facturationArb(12),
    facturationDpo: facturationArb(1),
    acces: amountArb,
    accesArrondi: arrondiArb,
    mel: amountArb,
    melArrondi: arrondiArb,
    journee: amountArb,
    journeeArrondi: fc.oneof({ arbitrary: fc.constant<'aucun' | 'entierSuperieur'>('entierSuperieur'), weight: 3 }, { arbitrary: fc.constant<'aucun' | 'entierSuperieur'>('aucun'), weight: 1 }),
  })
  .map((r) => {
    const d = cloneCatalogue2026();
    d.millesime = r.millesime;
    const p = d.prestations;
    p.maintenanceBase.composantes.postes.prixUnitaire = r.postesPrix;
    p.maintenanceBase.composantes.postes.paliers = r.paliers;
    p.maintenanceBase.composantes.licenceBL.prixUnitaire = r.licencePrix;
    p.maintenanceBase.composantes.licenceBL.arrondiQuantite = r.licenceArrondi;
    p.sauvegarde.composantes.grille.grille = r.grille;
    forfaitOf(p.netEntreprises.composantes.abonnement).montant = r.forfaits.netEntreprises;
    forfaitOf(p.saisineElectronique.composantes.abonnement).montant = r.forfaits.saisineElectronique;
    forfaitOf(p.dpo.composantes.abonnement).montant = r.forfaits.dpo;
    p.dpo.facturation = r.facturationDpo;
    forfaitOf(p.cabinetNumerique.composantes.abonnement).montant = r.forfaits.cabinetNumerique;
    forfaitOf(p.comedec.composantes.raccordement).montant = r.forfaits.comedec;
    p.packDemat.composantes.parSiren.montant = r.forfaits.packDemat;
    p.packDemat.facturation = r.facturationPack;
    p.marchesPublics.composantes.acces.prixUnitaire = r.acces;
    p.marchesPublics.composantes.acces.arrondiQuantite = r.accesArrondi;
    p.marchesPublics.composantes.miseEnLigneAssistee.prixUnitaire = r.mel;
    p.marchesPublics.composantes.miseEnLigneAssistee.arrondiQuantite = r.melArrondi;
    p.secretariatMairie.composantes.journee.prixUnitaire = r.journee;
    p.secretariatMairie.composantes.journee.arrondiQuantite = r.journeeArrondi;
    return d;
  });

function grilleOf(draft: Draft): MutableGrille {
  const g = draft.prestations.sauvegarde.composantes.grille.grille;
  if (g === null) throw new Error('grille absente');
  return g;
}

/** Un SIREN tel qu'on le saisit : collé, ou groupé par trois. */
function spaced(siren: string, withSpaces: boolean): string {
  return withSpaces ? `${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}` : siren;
}

/** Une valeur proche des bornes d'une liste de paliers ou de strates (de−1, de, a, a+1), au moins `min`. */
function nearBounds(bounds: readonly { de: number; a: number | null }[], min: number): fc.Arbitrary<number> {
  const edges = [...new Set(bounds.flatMap((b) => [b.de - 1, b.de, b.de + 1, ...(b.a === null ? [] : [b.a, b.a + 1])]).filter((v) => v >= min))];
  return fc.constantFrom(...edges);
}

// ---------------------------------------------------------------------------------------------
// Générateurs : les modèles d'un forfait par adhérent, choisis par un fichier de tarifs.
// ---------------------------------------------------------------------------------------------

type ForfaitTarif = { modele?: 'forfait'; montant: string };
type ParHabitantTarif = { modele: 'parHabitant'; prixParHabitant: string; plancher?: string; plafond?: string };
type ForfaitParStrateTarif = { modele: 'forfaitParStrate'; strates: MutableStrateForfait[] };
/** Ce qu'un fichier de tarifs dit d'un abonnement (le modèle `forfait` est parfois nommé, parfois sous-entendu). */
type AdherentTarif = ForfaitTarif | ParHabitantTarif | ForfaitParStrateTarif;

/** La population admise : un entier de 0 à 100 000 000. */
const MAX_POPULATION = 100_000_000;

/** Un prix par habitant : jusqu'à 4 décimales, le plus souvent quelques centimes. */
const prixParHabitantArb = decimalText(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9_999 })), 4);
/** Un plancher ou un plafond : un montant modeste, pour que les populations tirées les franchissent. */
const borneArb = decimalText(fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99_999 })), 2);

const forfaitTarifArb: fc.Arbitrary<ForfaitTarif> = fc.tuple(amountArb, fc.boolean()).map(([montant, named]) => (named ? { modele: 'forfait', montant } : { montant }));

/** Prix par habitant, plancher et plafond facultatifs ; plancher ≤ plafond (sinon BORNES_INVERSEES refuse le catalogue). */
const parHabitantTarifArb: fc.Arbitrary<ParHabitantTarif> = fc
  .record({ prix: prixParHabitantArb, x: fc.option(borneArb, { nil: undefined }), y: fc.option(borneArb, { nil: undefined }) })
  .map(({ prix, x, y }) => {
    const [plancher, plafond] = x !== undefined && y !== undefined && new D(y).lt(x) ? [y, x] : [x, y];
    return {
      modele: 'parHabitant',
      prixParHabitant: prix,
      ...(plancher === undefined ? {} : { plancher }),
      ...(plafond === undefined ? {} : { plafond }),
    };
  });

/** Des strates contiguës de 0 à l'infini, dans un ordre quelconque, chacune avec son montant. */
const forfaitParStrateTarifArb: fc.Arbitrary<ForfaitParStrateTarif> = boundsArb(0, 200_000, 6).chain((bounds) =>
  fc
    .array(amountArb, { minLength: bounds.length, maxLength: bounds.length })
    .map((montants) => ({ modele: 'forfaitParStrate', strates: bounds.map((b, k) => ({ ...b, montant: montants[k]! })) })),
);

const adherentTarifArb: fc.Arbitrary<AdherentTarif> = fc.oneof(forfaitTarifArb, parHabitantTarifArb, forfaitParStrateTarifArb);

/** Les populations où un abonnement change d'avis : bords des strates, seuils du plancher et du plafond. */
function populationEdges(t: AdherentTarif): number[] {
  if (t.modele === 'forfaitParStrate') return t.strates.flatMap((s) => [s.de - 1, s.de, ...(s.a === null ? [] : [s.a, s.a + 1])]);
  if (t.modele !== 'parHabitant' || new D(t.prixParHabitant).isZero()) return [];
  return [t.plancher, t.plafond].flatMap((borne) => {
    if (borne === undefined) return [];
    const seuil = new D(borne).dividedBy(t.prixParHabitant).floor();
    return [seuil.minus(1), seuil, seuil.plus(1), seuil.plus(2)].filter((v) => v.lte(MAX_POPULATION)).map((v) => v.toNumber());
  });
}

/** Une population près des seuils des tarifs donnés, ou quelconque. */
function populationFor(tarifs: readonly AdherentTarif[]): fc.Arbitrary<number> {
  const edges = [...new Set(tarifs.flatMap(populationEdges))].filter((v) => v >= 0 && v <= MAX_POPULATION);
  const any = fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 0, max: MAX_POPULATION }));
  return edges.length === 0 ? any : fc.oneof({ arbitrary: fc.constantFrom(...edges), weight: 2 }, { arbitrary: any, weight: 1 });
}

/** Le fichier de tarifs qui choisit ces modèles pour ces abonnements. */
function tarifsChoosing(choices: Partial<Record<SubscriptionId, AdherentTarif>>): Tarifs {
  const prestations: Record<string, Record<string, ChampsDeTarif>> = {};
  for (const id of SUBSCRIPTION_IDS) {
    const t = choices[id];
    if (t !== undefined) prestations[id] = { [SUBSCRIPTIONS[id]]: JSON.parse(JSON.stringify(t)) as ChampsDeTarif };
  }
  return { millesime: 2026, source: 'Modèles et montants tirés au hasard (test)', prestations: prestations as Tarifs['prestations'] };
}

/** Le brouillon de l'oracle : catalogue2026 où ces abonnements prennent ces modèles, écrit à la main (sans completeCatalogue). */
function draftChoosing(choices: Partial<Record<SubscriptionId, AdherentTarif>>): Draft {
  const draft = cloneCatalogue2026();
  for (const id of SUBSCRIPTION_IDS) {
    const t = choices[id];
    if (t === undefined) continue;
    const old = subscriptionOf(draft, id);
    const replaced = { libelle: old.libelle, source: old.source, ...JSON.parse(JSON.stringify(t)), modele: t.modele ?? 'forfait' } as AdherentComposante;
    (draft.prestations[id].composantes as Record<string, AdherentComposante>)[SUBSCRIPTIONS[id]] = replaced;
  }
  return draft;
}

/** Des jours de secrétariat : décimaux « de saisie » (au plus 3 décimales) ou flottants quelconques dans ]0, 366]. */
const joursArb = fc.oneof(
  fc.integer({ min: 1, max: 366_000 }).map((k) => Number(`${Math.floor(k / 1000)}.${String(k % 1000).padStart(3, '0')}`)),
  fc.integer({ min: 1, max: 366 }),
  fc.double({ min: 0, max: 366, minExcluded: true, noNaN: true }),
);

type Focus = 'forfait' | 'unitaire' | 'palier' | 'grille' | 'tout';

interface AdhesionBuild {
  siren: string;
  spacedSiren: boolean;
  type: 'commune' | 'epci' | 'syndicat' | 'ccas' | 'autre';
  population: number | undefined;
  parcTransfere: boolean | undefined;
  prestations: MutablePrestations;
}

function assemble(b: AdhesionBuild): Adhesion {
  return {
    collectivite: {
      nom: 'Collectivité tirée',
      siren: spaced(b.siren, b.spacedSiren),
      type: b.type,
      ...(b.population === undefined ? {} : { population: b.population }),
      ...(b.parcTransfere === undefined ? {} : { parcTransfere: b.parcTransfere }),
    },
    prestations: b.prestations,
  };
}

/** Les SIREN du pack démat : 1 à 5, sans doublon, saisis avec ou sans espaces, celui de la collectivité parfois inclus. */
function packSirensArb(collectivite: string): fc.Arbitrary<string[]> {
  return fc
    .tuple(
      fc.uniqueArray(sirenArb, { minLength: 1, maxLength: 5 }),
      fc.boolean(),
      fc.nat(),
      fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    )
    .map(([others, withOwn, at, spaces]) => {
      const list = others.filter((s) => s !== collectivite);
      if (withOwn || list.length === 0) list.splice(at % (list.length + 1), 0, collectivite);
      return list.map((s, k) => spaced(s, spaces[k % spaces.length]!));
    });
}

/** Une adhésion valide (ou presque : parfois une sauvegarde qui doit échouer) pour un brouillon donné. */
function adhesionArb(draft: Draft, focus: Focus): fc.Arbitrary<Adhesion> {
  const paliers = draft.prestations.maintenanceBase.composantes.postes.paliers;
  const grille = grilleOf(draft);
  const postesArb =
    focus === 'palier' || focus === 'tout'
      ? fc.oneof(nearBounds(paliers, 1), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 100_000 }))
      : fc.integer({ min: 1, max: 40 });
  const populationArb = fc.oneof(nearBounds(grille.strates, 0), fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 0, max: 100_000_000 }));
  /** Quota : un de la grille le plus souvent ; rarement un quota absent (QUOTA_INCONNU attendu). */
  const quotaArb = fc.oneof(
    { arbitrary: fc.constantFrom(...grille.quotasGo), weight: 80 },
    { arbitrary: fc.integer({ min: 1, max: 1_000_000 }).filter((q) => !grille.quotasGo.includes(q)), weight: 1 },
  );
  const wants = (f: Focus) => focus === f || focus === 'tout';
  return fc
    .record({
      siren: sirenArb,
      spacedSiren: fc.boolean(),
      type: fc.constantFrom('commune', 'epci', 'syndicat', 'ccas', 'autre'),
      parcTransfere: wants('forfait') ? fc.option(fc.boolean(), { nil: undefined }) : fc.constant(undefined),
      postes: postesArb,
      licence: fc.option(fc.nat(100_000), { nil: undefined }),
      population: populationArb,
      /** Population omise, rarement, pour la grille (POPULATION_REQUISE attendu). */
      dropPopulation: wants('grille') ? fc.oneof({ arbitrary: fc.constant(false), weight: 80 }, { arbitrary: fc.constant(true), weight: 1 }) : fc.boolean(),
      sauvegarde: wants('grille') ? fc.option(quotaArb, { nil: undefined, freq: focus === 'grille' ? 1000 : 2 }) : fc.constant(undefined),
      subs: wants('forfait') ? fc.subarray(SUBSCRIPTION_IDS) : fc.constant([] as SubscriptionId[]),
      pack: wants('forfait') ? fc.constantFrom('absent', 'defaut', 'liste') : fc.constant('absent'),
      marches: wants('unitaire')
        ? fc.option(fc.record({ acces: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 10_000 })), mel: fc.option(fc.nat(10_000), { nil: undefined }) }), {
            nil: undefined,
            freq: 4,
          })
        : fc.constant(undefined),
      jours: wants('unitaire') ? fc.option(joursArb, { nil: undefined, freq: 4 }) : fc.constant(undefined),
    })
    .chain((r) => {
      const sirensArb = r.pack === 'liste' ? packSirensArb(r.siren).map((s) => s as string[] | undefined) : fc.constant(undefined);
      return sirensArb.map((sirens): Adhesion => {
        const prestations: MutablePrestations = {
          maintenanceBase: r.licence === undefined ? { postes: r.postes } : { postes: r.postes, postesLicenceBL: Math.min(r.licence, r.postes) },
        };
        if (r.sauvegarde !== undefined) prestations.sauvegarde = { quotaGo: r.sauvegarde };
        for (const id of r.subs) prestations[id] = {};
        if (r.pack === 'defaut') prestations.packDemat = {};
        if (sirens !== undefined) prestations.packDemat = { sirens };
        if (r.marches) prestations.marchesPublics = r.marches.mel === undefined ? { acces: r.marches.acces } : { acces: r.marches.acces, misesEnLigneAssistees: r.marches.mel };
        if (r.jours !== undefined) prestations.secretariatMairie = { jours: r.jours };
        const population = r.dropPopulation ? undefined : r.population;
        return assemble({ siren: r.siren, spacedSiren: r.spacedSiren, type: r.type, population, parcTransfere: r.parcTransfere, prestations });
      });
    });
}

const scenarioArb = (focus: Focus) => draftArb.chain((draft) => adhesionArb(draft, focus).map((adhesion) => ({ draft, adhesion })));

/** Compte les cas qui atteignent le chiffrage, pour vérifier que les générateurs ne tournent pas à vide. */
function reachCounter() {
  const c = { tried: 0, priced: 0 };
  return {
    record(priced: boolean) {
      c.tried++;
      if (priced) c.priced++;
    },
    expectHighShare(min = 0.9) {
      expect(c.tried).toBeGreaterThan(0);
      expect(c.priced / c.tried, `${c.priced}/${c.tried} cas chiffrés`).toBeGreaterThanOrEqual(min);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// 0. L'oracle lui-même, sur un exemple publié : s'il se trompait, tout le reste serait vain.
// ---------------------------------------------------------------------------------------------

describe('oracle décimal : contrôle sur un exemple connu', () => {
  it('4 postes au barème 2026 : 574,88 × (4 × 0,9) = 2 069,568 → 2069.57, comme le devis', () => {
    const draft = cloneCatalogue2026();
    const adhesion: Adhesion = {
      collectivite: { nom: 'Commune exemple', siren: '219 000 106', type: 'epci' },
      prestations: { maintenanceBase: { postes: 4, postesLicenceBL: 0 }, secretariatMairie: { jours: 2.5 } },
    };
    const expected = oracle(draft, adhesion);
    expect(expected).toEqual({
      ok: true,
      lignes: [
        { prestation: 'maintenanceBase', composante: 'postes', siren: '219000106', quantite: '3.6', prixUnitaire: '574.88', montant: '2069.57' },
        { prestation: 'secretariatMairie', composante: 'journee', siren: '219000106', quantite: '3', prixUnitaire: '300.00', montant: '900.00' },
      ],
      factures: [{ siren: '219000106', montants: ['2069.57', '900.00'], total: '2969.57' }],
      total: '2969.57',
    });
    expectMatchesOracle(quote(adhesion), expected as Extract<Expectation, { ok: true }>);
  });
});

// ---------------------------------------------------------------------------------------------
// 1. Un oracle par modèle de prix, sur catalogues aléatoires.
// ---------------------------------------------------------------------------------------------

describe('oracle décimal : chaque modèle de prix, sur des catalogues tirés au hasard', () => {
  it('forfait (abonnements, pack démat par SIREN, parc transféré) : lignes, factures par SIREN et total', () => {
    const reach = reachCounter();
    fc.assert(
      fc.property(scenarioArb('forfait'), ({ draft, adhesion }) => {
        reach.record(checkQuote(parse(draft), draft, adhesion));
      }),
      { numRuns: 120 },
    );
    reach.expectHighShare();
  }, LONG);

  it('forfait facturé par SIREN : une ligne et une facture par SIREN listé, chacune au montant du forfait', () => {
    const reach = reachCounter();
    const arb = draftArb
      .map((d) => {
        d.prestations.packDemat.facturation = 'siren';
        return d;
      })
      .chain((draft) =>
        fc.tuple(sirenArb, fc.boolean()).chain(([siren, spacedSiren]) =>
          packSirensArb(siren)
            .filter((list) => list.length >= 2)
            .map((sirens) => ({
              draft,
              adhesion: assemble({
                siren,
                spacedSiren,
                type: 'epci',
                population: undefined,
                parcTransfere: undefined,
                prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, packDemat: { sirens } },
              }),
            })),
        ),
      );
    fc.assert(
      fc.property(arb, ({ draft, adhesion }) => {
        const priced = checkQuote(parse(draft), draft, adhesion);
        reach.record(priced);
        const sirens = (adhesion.prestations.packDemat?.sirens ?? []).map(bareSiren);
        const q = quote(adhesion, { catalogue: parse(draft) });
        const pack = q.lignes.filter((l) => l.prestation === 'packDemat');
        expect(pack.map((l) => l.siren)).toEqual(sirens);
        expect(new Set(q.factures.map((f) => f.siren))).toEqual(new Set([bareSiren(adhesion.collectivite.siren), ...sirens]));
      }),
      { numRuns: 60 },
    );
    reach.expectHighShare();
  }, LONG);

  it('prix unitaire (accès, mises en ligne assistées, journées fractionnaires, licences BL), arrondi de quantité tiré', () => {
    const reach = reachCounter();
    fc.assert(
      fc.property(scenarioArb('unitaire'), ({ draft, adhesion }) => {
        reach.record(checkQuote(parse(draft), draft, adhesion));
      }),
      { numRuns: 120 },
    );
    reach.expectHighShare();
  }, LONG);

  it('coefficient par palier (postes) : paliers contigus aux bornes tirées, dans le désordre, postes près des seuils', () => {
    const reach = reachCounter();
    fc.assert(
      fc.property(scenarioArb('palier'), ({ draft, adhesion }) => {
        reach.record(checkQuote(parse(draft), draft, adhesion));
      }),
      { numRuns: 120 },
    );
    reach.expectHighShare();
  }, LONG);

  it('grille strates × quotas (sauvegarde) : strates et quotas tirés, population près des bornes', () => {
    const reach = reachCounter();
    fc.assert(
      fc.property(scenarioArb('grille'), ({ draft, adhesion }) => {
        reach.record(checkQuote(parse(draft), draft, adhesion));
      }),
      { numRuns: 120 },
    );
    reach.expectHighShare();
  }, LONG);

  it('pricePrestation : chaque prestation seule, lignes et total égaux à l’oracle', () => {
    const reach = reachCounter();
    const arb = scenarioArb('tout').chain(({ draft, adhesion }) => {
      const ids = ORDER.filter((id) => adhesion.prestations[id] !== undefined);
      return fc.tuple(fc.constantFrom(...ids), fc.boolean()).map(([id, withSiren]) => ({ draft, adhesion, id, withSiren }));
    });
    fc.assert(
      fc.property(arb, ({ draft, adhesion, id, withSiren }) => {
        const params = adhesion.prestations[id] as Record<string, unknown>;
        const population = adhesion.collectivite.population;
        const { lines, codes } = oracleLines(draft, id, params, { siren: withSiren ? bareSiren(adhesion.collectivite.siren) : '', population });
        const collectivite = { ...(withSiren ? { siren: adhesion.collectivite.siren } : {}), ...(population === undefined ? {} : { population }) };
        if (codes.length > 0) {
          const r = safePricePrestation(id, params, { catalogue: parse(draft), collectivite });
          expect(r.success, 'échec attendu par l’oracle').toBe(false);
          if (!r.success) expect([...new Set(r.issues.map((i) => i.code))].sort()).toEqual([...new Set(codes)].sort());
          reach.record(false);
          return;
        }
        const p = pricePrestation(id, params, { catalogue: parse(draft), collectivite });
        expect(p.prestation).toBe(id);
        expect(p.lignes.map(pickLine)).toEqual(lines);
        expect(p.total).toBe(sumText(lines.map((l) => l.montant)));
        reach.record(true);
      }),
      { numRuns: 100 },
    );
    reach.expectHighShare();
  }, LONG);

  it('quoteAll : chaque devis du lot égal à l’oracle, synthèse (total, par prestation, acceptés) recalculée', () => {
    const reach = reachCounter();
    const arb = draftArb.chain((draft) => fc.array(adhesionArb(draft, 'tout'), { minLength: 1, maxLength: 5 }).map((adhesions) => ({ draft, adhesions })));
    fc.assert(
      fc.property(arb, ({ draft, adhesions }) => {
        const catalogue = parse(draft);
        const lot = quoteAll(adhesions, { catalogue });
        const expected = adhesions.map((a) => oracle(draft, a));
        expect(lot.resultats.map((r) => r.success)).toEqual(expected.map((e) => e.ok));
        const accepted: ExpectedLine[][] = [];
        lot.resultats.forEach((r, i) => {
          const e = expected[i]!;
          reach.record(e.ok);
          if (r.success && e.ok) {
            expectMatchesOracle(r.data, e);
            accepted.push(e.lignes);
          }
        });
        expect(lot.synthese.acceptes).toBe(accepted.length);
        expect(lot.synthese.refuses).toBe(adhesions.length - accepted.length);
        expect(lot.synthese.total).toBe(sumText(accepted.flat().map((l) => l.montant)));
        for (const s of lot.synthese.parPrestation) {
          expect(s.total, s.prestation).toBe(sumText(accepted.flat().filter((l) => l.prestation === s.prestation).map((l) => l.montant)));
          expect(s.adherents, s.prestation).toBe(accepted.filter((ls) => ls.some((l) => l.prestation === s.prestation)).length);
        }
      }),
      { numRuns: 40 },
    );
    // Un lot compte plusieurs adhésions : une seule refusée (pack démat listé mais facturé par adhérent…) compte pour le lot.
    reach.expectHighShare(0.8);
  }, LONG);

  it('catalogue complété (completeCatalogue sur catalogue2026) : montants fournis tirés, barème publié inchangé', () => {
    const reach = reachCounter();
    const arb = fc
      .record({ grille: grilleArb, licence: amountArb, forfaits: fc.array(amountArb, { minLength: 6, maxLength: 6 }) })
      .chain((t) => {
        const [ne, pd, se, dpo, cn, co] = t.forfaits as [string, string, string, string, string, string];
        const tarifs: Tarifs = {
          millesime: 2026,
          source: 'Montants tirés au hasard (test)',
          prestations: {
            maintenanceBase: { licenceBL: { prixUnitaire: t.licence } },
            sauvegarde: { grille: { grille: t.grille } },
            netEntreprises: { abonnement: { montant: ne } },
            packDemat: { parSiren: { montant: pd } },
            saisineElectronique: { abonnement: { montant: se } },
            dpo: { abonnement: { montant: dpo } },
            cabinetNumerique: { abonnement: { montant: cn } },
            comedec: { raccordement: { montant: co } },
          },
        };
        // Le brouillon de l'oracle : catalogue2026 complété à la main, sans completeCatalogue.
        const draft = cloneCatalogue2026();
        const p = draft.prestations;
        p.maintenanceBase.composantes.licenceBL.prixUnitaire = t.licence;
        p.sauvegarde.composantes.grille.grille = t.grille;
        forfaitOf(p.netEntreprises.composantes.abonnement).montant = ne;
        p.packDemat.composantes.parSiren.montant = pd;
        forfaitOf(p.saisineElectronique.composantes.abonnement).montant = se;
        forfaitOf(p.dpo.composantes.abonnement).montant = dpo;
        forfaitOf(p.cabinetNumerique.composantes.abonnement).montant = cn;
        forfaitOf(p.comedec.composantes.raccordement).montant = co;
        return adhesionArb(draft, 'tout').map((adhesion) => ({ tarifs, draft, adhesion }));
      });
    fc.assert(
      fc.property(arb, ({ tarifs, draft, adhesion }) => {
        reach.record(checkQuote(completeCatalogue(catalogue2026, tarifs), draft, adhesion));
      }),
      { numRuns: 60 },
    );
    reach.expectHighShare();
  }, LONG);
});

// ---------------------------------------------------------------------------------------------
// 1 bis. Les forfaits par adhérent selon la population, choisis par un fichier de tarifs.
// ---------------------------------------------------------------------------------------------

describe('oracle décimal : abonnements au prix par habitant ou forfait par strate (completeCatalogue, puis quote)', () => {
  /** Une adhésion à la maintenance de base et à la prestation `id`, de population donnée (ou omise). */
  function subscriptionAdhesion(siren: string, id: SubscriptionId, population: number | undefined, postes: number): Adhesion {
    return assemble({
      siren,
      spacedSiren: false,
      type: 'commune',
      population,
      parcTransfere: undefined,
      prestations: { maintenanceBase: { postes, postesLicenceBL: 0 }, [id]: {} },
    });
  }

  function lineOf(q: Quote, id: SubscriptionId): Quote['lignes'][number] {
    const l = q.lignes.find((x) => x.prestation === id);
    if (!l) expect.fail(`ligne ${id} absente`);
    return l;
  }

  const subscriptionIdArb = fc.constantFrom(...SUBSCRIPTION_IDS);

  /** Un tarif tiré pour l'un des abonnements, et une adhésion qui le coche, la population près de ses seuils. */
  const subscriptionCases = <T extends Parameters<typeof populationFor>[0][number]>(tarifArb: fc.Arbitrary<T>) =>
    fc.tuple(tarifArb, subscriptionIdArb).chain(([t, id]) =>
      fc.record({ t: fc.constant(t), id: fc.constant(id), population: populationFor([t]), siren: sirenArb, postes: fc.integer({ min: 1, max: 40 }) }),
    );

  it('prix par habitant : montant = arrondi au demi supérieur de population × prix, ramené dans [plancher, plafond]', () => {
    const reach = reachCounter();
    const clamped = { plancher: 0, plafond: 0, calcul: 0 };
    const arb = subscriptionCases(parHabitantTarifArb);
    fc.assert(
      fc.property(arb, ({ t, id, population, siren, postes }) => {
        const catalogue = completeCatalogue(catalogue2026, tarifsChoosing({ [id]: t }));
        const adhesion = subscriptionAdhesion(siren, id, population, postes);
        reach.record(checkQuote(catalogue, draftChoosing({ [id]: t }), adhesion));

        // Le calcul redit en clair, sans l'oracle commun.
        const brut = new D(population).times(t.prixParHabitant).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        let attendu = brut;
        if (t.plancher !== undefined && brut.lt(t.plancher)) {
          attendu = new D(t.plancher);
          clamped.plancher++;
        } else if (t.plafond !== undefined && brut.gt(t.plafond)) {
          attendu = new D(t.plafond);
          clamped.plafond++;
        } else clamped.calcul++;
        const l = lineOf(quote(adhesion, { catalogue }), id);
        expect(l.montant).toBe(attendu.toFixed(2));
        expect(l.quantite).toBe(String(population));
        expect(new D(l.prixUnitaire).eq(t.prixParHabitant)).toBe(true);
      }),
      { numRuns: 150 },
    );
    reach.expectHighShare();
    // Les trois issues sont atteintes : relevé au plancher, ramené au plafond, calcul retenu.
    expect(clamped.plancher, JSON.stringify(clamped)).toBeGreaterThan(0);
    expect(clamped.plafond, JSON.stringify(clamped)).toBeGreaterThan(0);
    expect(clamped.calcul, JSON.stringify(clamped)).toBeGreaterThan(0);
  }, LONG);

  it('forfait par strate : montant de la strate qui contient la population, strates tirées couvrant 0 à l’infini', () => {
    const reach = reachCounter();
    const arb = subscriptionCases(forfaitParStrateTarifArb);
    fc.assert(
      fc.property(arb, ({ t, id, population, siren, postes }) => {
        const catalogue = completeCatalogue(catalogue2026, tarifsChoosing({ [id]: t }));
        const adhesion = subscriptionAdhesion(siren, id, population, postes);
        reach.record(checkQuote(catalogue, draftChoosing({ [id]: t }), adhesion));

        // La strate cherchée en clair : triées par début, la dernière qui commence au plus à la population.
        const sorted = [...t.strates].sort((x, y) => x.de - y.de);
        const strate = sorted.filter((s) => s.de <= population).pop()!;
        expect(strate.a === null || population <= strate.a).toBe(true);
        const l = lineOf(quote(adhesion, { catalogue }), id);
        expect(l.montant).toBe(new D(strate.montant).toFixed(2));
        expect(l.prixUnitaire).toBe(l.montant);
        expect(l.quantite).toBe('1');
      }),
      { numRuns: 150 },
    );
    reach.expectHighShare();
  }, LONG);

  it('les cinq abonnements, chacun d’un modèle tiré ; population parfois omise (POPULATION_REQUISE si un modèle la lit)', () => {
    const reach = reachCounter();
    const arb = fc
      .record({
        choices: fc.record({ netEntreprises: adherentTarifArb, saisineElectronique: adherentTarifArb, dpo: adherentTarifArb, cabinetNumerique: adherentTarifArb, comedec: adherentTarifArb }),
        siren: sirenArb,
        postes: fc.integer({ min: 1, max: 40 }),
        dropPopulation: fc.oneof({ arbitrary: fc.constant(false), weight: 10 }, { arbitrary: fc.constant(true), weight: 1 }),
      })
      .chain((r) => {
        const chosen = Object.values(r.choices) as AdherentTarif[];
        return fc.tuple(populationFor(chosen), fc.subarray(SUBSCRIPTION_IDS, { minLength: 1 })).map(([population, subs]) => ({ ...r, population, subs }));
      });
    fc.assert(
      fc.property(arb, ({ choices, siren, postes, dropPopulation, population, subs }) => {
        const catalogue = completeCatalogue(catalogue2026, tarifsChoosing(choices));
        const prestations: MutablePrestations = { maintenanceBase: { postes, postesLicenceBL: 0 } };
        for (const id of subs) prestations[id] = {};
        const adhesion = assemble({ siren, spacedSiren: false, type: 'epci', population: dropPopulation ? undefined : population, parcTransfere: undefined, prestations });
        const priced = checkQuote(catalogue, draftChoosing(choices), adhesion);
        reach.record(priced);
        // Refusé si et seulement si la population manque et qu'un abonnement demandé la lit.
        const readsPopulation = subs.some((id) => choices[id].modele === 'parHabitant' || choices[id].modele === 'forfaitParStrate');
        expect(priced).toBe(!(dropPopulation && readsPopulation));
      }),
      { numRuns: 100 },
    );
    reach.expectHighShare(0.8);
  }, LONG);
});

// ---------------------------------------------------------------------------------------------
// 2. Déterminisme quel que soit l'état des mémoires de chiffrage.
// ---------------------------------------------------------------------------------------------

/** Un montant décalé de `k` centimes. */
function shiftAmount(text: string, k: number): string {
  return new D(text).plus(new D(k).dividedBy(100)).toFixed(2);
}
/** Un coefficient décalé de `k` millionièmes. */
function shiftCoefficient(text: string, k: number): string {
  return new D(text).plus(new D(k).dividedBy(1_000_000)).toFixed(6);
}

/** Le même catalogue (mêmes paliers, strates, quotas), tous les montants et coefficients décalés. */
function shifted(draft: Draft, k: number): Draft {
  const d = JSON.parse(JSON.stringify(draft)) as Draft;
  const p = d.prestations;
  const mb = p.maintenanceBase.composantes;
  mb.postes.prixUnitaire = shiftAmount(mb.postes.prixUnitaire!, k);
  mb.postes.paliers = mb.postes.paliers.map((x) => ({ ...x, coefficient: shiftCoefficient(x.coefficient, k) }));
  mb.licenceBL.prixUnitaire = shiftAmount(mb.licenceBL.prixUnitaire!, k);
  const g = grilleOf(d);
  g.montants = g.montants.map((row) => row.map((m) => shiftAmount(m, k)));
  for (const id of SUBSCRIPTION_IDS) {
    const c = (p[id].composantes as Record<string, { montant: string | null }>)[SUBSCRIPTIONS[id]]!;
    c.montant = shiftAmount(c.montant!, k);
  }
  p.packDemat.composantes.parSiren.montant = shiftAmount(p.packDemat.composantes.parSiren.montant!, k);
  const mp = p.marchesPublics.composantes;
  mp.acces.prixUnitaire = shiftAmount(mp.acces.prixUnitaire!, k);
  mp.miseEnLigneAssistee.prixUnitaire = shiftAmount(mp.miseEnLigneAssistee.prixUnitaire!, k);
  const j = p.secretariatMairie.composantes.journee;
  j.prixUnitaire = shiftAmount(j.prixUnitaire!, k);
  return d;
}

describe('oracle décimal : même devis quel que soit l’état des mémoires', () => {
  it('froid puis chaud : même adhésion deux fois sur un catalogue neuf (mémoire remplie entre-temps), puis sur un autre catalogue neuf', () => {
    const reach = reachCounter();
    const arb = draftArb.chain((draft) =>
      fc.tuple(adhesionArb(draft, 'tout'), fc.array(adhesionArb(draft, 'tout'), { maxLength: 4 })).map(([adhesion, others]) => ({ draft, adhesion, others })),
    );
    fc.assert(
      fc.property(arb, ({ draft, adhesion, others }) => {
        const catalogue = parse(draft);
        const cold = safeQuote(adhesion, { catalogue });
        reach.record(checkQuote(catalogue, draft, adhesion));
        for (const other of others) checkQuote(catalogue, draft, other);
        const warm = safeQuote(adhesion, { catalogue });
        expect(warm).toStrictEqual(cold);
        const otherCold = safeQuote(adhesion, { catalogue: parse(draft) });
        expect(otherCold).toStrictEqual(cold);
      }),
      { numRuns: 60 },
    );
    reach.expectHighShare();
  }, LONG);

  it('deux catalogues de même forme, montants différents, devis entrelacés A, B, A, B : chacun égal à son propre oracle', () => {
    const reach = reachCounter();
    const arb = fc.tuple(draftArb, fc.integer({ min: 1, max: 99 })).chain(([draftA, k]) => {
      const draftB = shifted(draftA, k);
      return fc.array(adhesionArb(draftA, 'tout'), { minLength: 2, maxLength: 5 }).map((measures) => ({ draftA, draftB, measures }));
    });
    fc.assert(
      fc.property(arb, ({ draftA, draftB, measures }) => {
        const A = parse(draftA);
        const B = parse(draftB);
        // Aller : A puis B pour chaque mesure ; retour : B puis A, mesures dans l'autre ordre.
        measures.forEach((m) => {
          reach.record(checkQuote(A, draftA, m));
          checkQuote(B, draftB, m);
        });
        [...measures].reverse().forEach((m, i) => {
          checkQuote(B, draftB, m);
          checkQuote(A, draftA, measures[i]!);
        });
        // Les deux catalogues diffèrent bien : la maintenance de base (toujours chiffrée) ne coûte pas pareil.
        const first = measures[0]!;
        const probe: Adhesion = { collectivite: first.collectivite, prestations: { maintenanceBase: first.prestations.maintenanceBase } };
        const a = quote(probe, { catalogue: A }).lignes[0]!;
        const b = quote(probe, { catalogue: B }).lignes[0]!;
        expect(a.prixUnitaire).not.toBe(b.prixUnitaire);
      }),
      { numRuns: 60 },
    );
    reach.expectHighShare();
  }, LONG);

  /** Une grille d'au moins deux strates et deux quotas, aux cases toutes différentes. */
  const distinctGridScenario = draftArb.chain((draft) =>
    fc
      .tuple(boundsArb(0, 200_000, 5).filter((s) => s.length >= 2), fc.uniqueArray(fc.integer({ min: 1, max: 2_000 }), { minLength: 2, maxLength: 4 }))
      .chain(([strates, quotasGo]) =>
        fc
          .uniqueArray(amountArb, { minLength: strates.length * quotasGo.length, maxLength: strates.length * quotasGo.length, selector: (s) => new D(s).toFixed(2) })
          .map((cells) => {
            const d = JSON.parse(JSON.stringify(draft)) as Draft;
            d.prestations.sauvegarde.composantes.grille.grille = {
              strates,
              quotasGo,
              montants: strates.map((_, i) => quotasGo.map((_, j) => cells[i * quotasGo.length + j]!)),
            };
            return d;
          }),
      )
      .chain((d) => {
        const g = grilleOf(d);
        const inStrate = (i: number) => {
          const s = g.strates[i]!;
          return fc.integer({ min: s.de, max: s.a ?? s.de + 1_000_000 });
        };
        const n = g.strates.length;
        const m = g.quotasGo.length;
        return fc
          .tuple(fc.nat(n - 1), fc.nat(n - 2), fc.nat(m - 1), fc.nat(m - 2), sirenArb)
          .chain(([i, di, j, dj, siren]) => {
            const i2 = (i + 1 + di) % n; // une autre strate
            const j2 = (j + 1 + dj) % m; // un autre quota
            return fc
              .tuple(inStrate(i), inStrate(i), inStrate(i2))
              .map(([pop, popSameBand, popOtherBand]) => ({ draft: d, i, i2, j, j2, pop, popSameBand, popOtherBand, siren }));
          });
      }),
  );

  function sauvegardeAdhesion(siren: string, population: number, quotaGo: number): Adhesion {
    return assemble({
      siren,
      spacedSiren: false,
      type: 'commune',
      population,
      parcTransfere: undefined,
      prestations: { maintenanceBase: { postes: 1, postesLicenceBL: 0 }, sauvegarde: { quotaGo } },
    });
  }

  function sauvegardeMontant(q: Quote): string {
    const l = q.lignes.find((x) => x.prestation === 'sauvegarde');
    if (!l) expect.fail('ligne de sauvegarde absente');
    return l.montant;
  }

  it('sauvegarde : deux adhésions qui ne diffèrent que par le quota, puis que par la strate de population (catalogue neuf)', () => {
    const reach = reachCounter();
    fc.assert(
      fc.property(distinctGridScenario, ({ draft, i, i2, j, j2, pop, popSameBand, popOtherBand, siren }) => {
        const catalogue = parse(draft);
        const g = grilleOf(draft);
        const q1 = g.quotasGo[j]!;
        const q2 = g.quotasGo[j2]!;
        const cell = (si: number, qj: number) => new D(g.montants[si]![qj]!).toFixed(2);

        const base = sauvegardeAdhesion(siren, pop, q1);
        reach.record(checkQuote(catalogue, draft, base));
        const first = sauvegardeMontant(quote(base, { catalogue }));
        expect(first).toBe(cell(i, j));

        // Seul le quota change : la mémoire ne doit pas rendre la case du premier quota.
        const otherQuota = sauvegardeAdhesion(siren, pop, q2);
        reach.record(checkQuote(catalogue, draft, otherQuota));
        const second = sauvegardeMontant(quote(otherQuota, { catalogue }));
        expect(second).toBe(cell(i, j2));
        expect(second).not.toBe(first);

        // Seule la strate change : la mémoire ne doit pas rendre la case de la première strate.
        const otherBand = sauvegardeAdhesion(siren, popOtherBand, q1);
        reach.record(checkQuote(catalogue, draft, otherBand));
        const third = sauvegardeMontant(quote(otherBand, { catalogue }));
        expect(third).toBe(cell(i2, j));
        expect(third).not.toBe(first);

        // Une autre population de la même strate : même case.
        const sameBand = sauvegardeAdhesion(siren, popSameBand, q1);
        reach.record(checkQuote(catalogue, draft, sameBand));
        expect(sauvegardeMontant(quote(sameBand, { catalogue }))).toBe(first);

        // Dans l'autre ordre, sur un catalogue neuf : mêmes montants.
        const fresh = parse(draft);
        expect(sauvegardeMontant(quote(otherBand, { catalogue: fresh }))).toBe(third);
        expect(sauvegardeMontant(quote(otherQuota, { catalogue: fresh }))).toBe(second);
        expect(sauvegardeMontant(quote(base, { catalogue: fresh }))).toBe(first);
      }),
      { numRuns: 80 },
    );
    reach.expectHighShare();
  }, LONG);

  it('sauvegarde : deux catalogues de même grille (strates, quotas) aux montants différents, interrogés tour à tour', () => {
    const reach = reachCounter();
    const arb = fc.tuple(distinctGridScenario, fc.integer({ min: 1, max: 99 }));
    fc.assert(
      fc.property(arb, ([{ draft, i, j, pop, siren }, k]) => {
        const other = shifted(draft, k);
        const A = parse(draft);
        const B = parse(other);
        const q = grilleOf(draft).quotasGo[j]!;
        const a = sauvegardeAdhesion(siren, pop, q);
        reach.record(checkQuote(A, draft, a));
        reach.record(checkQuote(B, other, a));
        const mA = sauvegardeMontant(quote(a, { catalogue: A }));
        const mB = sauvegardeMontant(quote(a, { catalogue: B }));
        expect(mA).toBe(new D(grilleOf(draft).montants[i]![j]!).toFixed(2));
        expect(mB).toBe(new D(grilleOf(other).montants[i]![j]!).toFixed(2));
        expect(mB).not.toBe(mA);
      }),
      { numRuns: 60 },
    );
    reach.expectHighShare();
  }, LONG);
});
