import { compareAmounts, isValidSiret, QuoteError, sumAmounts, type BillingRoll, type Path, type QuoteIssue, type SafeResult } from '@te90/tarifs';
import { guarded, titresIssue } from './issues.js';
import { escapeXml, latin1Bytes, toLatin1 } from './latin1.js';
import { safeParseParametres, type ImputationPes, type ParametresPes } from './parametres.js';
import { readRole, type DebiteurLu, type FactureLue, type LigneLue, type RoleLu } from './roll.js';

/**
 * Une pièce jointe que le flux annonce sans la porter : le PES Facture ASAP (PJ de type 006, facture
 * de type 09) d'un titre `Edition` 02, à déposer sous cet identifiant unique.
 *
 * @category Titres de recettes
 * @example
 * ```ts
 * const pj: PieceJointeAttendue = { idPce: 1, idUnique: 'PESFACT2026123011B1T1', numeroFacture: '2026-1-1', siret: '21900049400019' };
 * ```
 */
export interface PieceJointeAttendue {
  /** Le numéro du titre qui la référence. */
  readonly idPce: number;
  /** Son identifiant unique (`IdUnique` du bloc `PJRef`). */
  readonly idUnique: string;
  /** Le numéro de facture du titre (`NumeroFacture`). */
  readonly numeroFacture: string;
  /** Le SIRET du débiteur. */
  readonly siret: string;
}

/**
 * Un flux PES V2 `PES_Aller` de titres de recettes : le document XML, ses octets ISO-8859-1 (ce
 * qu'un fichier doit contenir), le nom de fichier proposé, le nombre de titres et leur total.
 *
 * @category Titres de recettes
 * @example
 * ```ts
 * const flux: PesAller = renderPesAller(role, parametres);
 * flux.titres; // un titre par débiteur et par nature de facture
 * flux.total === role.total;
 * //=> true
 * ```
 */
export interface PesAller {
  /** Le document XML ; il n'a que des caractères que l'ISO-8859-1 sait écrire. */
  readonly xml: string;
  /** Ses octets en ISO-8859-1, l'encodage que déclare son en-tête. */
  readonly octets: Uint8Array;
  /** Le nom de fichier proposé (`NomFic` de l'enveloppe). */
  readonly nomFichier: string;
  /** Le nombre de titres (`NbrPce`). */
  readonly titres: number;
  /** Le montant du bordereau (`MtBordHt`), égal à la somme des lignes et au total du rôle. */
  readonly total: string;
  /** Les PES Facture ASAP que les titres `Edition` 02 référencent, à déposer par le syndicat. */
  readonly piecesJointesAttendues: readonly PieceJointeAttendue[];
}

/** Le nom de l'espace de noms de `PES_Aller`. */
const NAMESPACE = 'http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/aller';
/** Le plus grand numéro de pièce (`IdPce`, 8 chiffres). */
const MAX_PIECE = 99_999_999;
/** La longueur d'un `NumeroFacture` (Base_NumFactureCPP20). */
const MAX_NUMERO_FACTURE = 20;

/**
 * La catégorie de tiers (`CatTiers`) et la nature juridique (`NatJur`) de chaque nature de
 * collectivité (CommunPES.xsd) : 23 Communes, 24 Groupements de collectivités (EPCI, syndicats),
 * 26 CCAS ; 09 Collectivité territoriale / EPL / EPS. « autre » ne dit rien : les paramètres le disent.
 */
const CATEGORIES: Readonly<Record<string, { readonly catTiers: string; readonly natJur: string }>> = {
  commune: { catTiers: '23', natJur: '09' },
  epci: { catTiers: '24', natJur: '09' },
  syndicat: { catTiers: '24', natJur: '09' },
  ccas: { catTiers: '26', natJur: '09' },
};
/** Les catégories de tiers des personnes publiques (20 à 29) : leurs titres passent par Chorus Pro. */
const PUBLIQUES = /^2\d$/;

interface Tiers {
  readonly idTiers: string;
  readonly natIdTiers: '01' | '02';
  readonly catTiers: string;
  readonly natJur: string;
  readonly nom: string;
  readonly complNom?: string | undefined;
  readonly adresse: { readonly adr1?: string | undefined; readonly adr2: string; readonly adr3?: string | undefined; readonly cp: string; readonly ville: string };
  readonly chorus?: { readonly codeService?: string | undefined; readonly engagement?: string | undefined } | undefined;
}

interface Ligne {
  readonly objet: string;
  readonly imputation: ImputationPes;
  readonly montant: string;
}

interface Titre {
  readonly idPce: number;
  readonly objet: string;
  readonly tiers: Tiers;
  readonly lignes: readonly Ligne[];
  readonly total: string;
  readonly numeroFacture?: string | undefined;
  readonly idUnique?: string | undefined;
}

/** Les problèmes d'un rendu, et les vérifications de texte qui les font. */
class Checks {
  readonly issues: QuoteIssue[] = [];

  /** Le texte en ISO-8859-1, ou un problème à son chemin. */
  latin(text: string, zone: string, path: Path): string | undefined {
    const r = toLatin1(text);
    if ('text' in r) {
      const control = /[\u0000-\u001f\u007f-\u009f]/.exec(r.text);
      if (control === null) return r.text;
      this.issues.push(
        titresIssue('VALEUR_NON_ADMISE', path, { raison: 'caractereDeControle', caractere: `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, position: control.index + 1 }),
      );
      return undefined;
    }
    this.issues.push(titresIssue('CARACTERE_NON_LATIN1', path, { zone, ...r }));
    return undefined;
  }

  /** Un texte qui tient dans sa zone (longueur, ni vide, ni fait de zéros, ni « . », « nc »). */
  fit(text: string | undefined, zone: string, max: number, path: Path): string | undefined {
    if (text === undefined) return undefined;
    const t = text.trim().replace(/\s+/g, ' ');
    if (t.length > max) this.issues.push(titresIssue('ZONE_PES_INVALIDE', path, { raison: 'longueur', zone, limite: max, longueur: t.length }));
    else if (t.length === 0 || /^0+$/.test(t) || t === '.' || t === 'nc') this.issues.push(titresIssue('ZONE_PES_INVALIDE', path, { raison: 'vide', zone }));
    else return t;
    return undefined;
  }

  /** `latin` puis `fit`. */
  zone(text: string | undefined, zone: string, max: number, path: Path): string | undefined {
    return text === undefined ? undefined : this.fit(this.latin(text, zone, path), zone, max, path);
  }
}

/** Remplace `{nom}` dans un modèle déjà écrit en ISO-8859-1. */
function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^{}]*)\}/g, (m, name: string) => values[name] ?? m);
}

/** Coupe un nom en `Nom` et `ComplNom` (38 caractères chacun), entre deux mots. */
function splitName(nom: string): { nom: string; complNom?: string } | undefined {
  if (nom.length <= 38) return { nom };
  for (let cut = Math.min(38, nom.length - 1); cut > 0; cut--) {
    if (nom[cut] === ' ') {
      const rest = nom.slice(cut + 1);
      return rest.length <= 38 ? { nom: nom.slice(0, cut), complNom: rest } : undefined;
    }
  }
  return undefined;
}

function tiersOf(c: Checks, d: DebiteurLu, path: Path, p: ParametresPes): Tiers | undefined {
  const before = c.issues.length;
  const nomLu = d.nom === undefined ? undefined : c.latin(d.nom, 'Nom', [...path, 'nom']);
  const named = d.nom === undefined ? null : d.nom;
  if (d.nom === undefined) c.issues.push(titresIssue('DEBITEUR_INCOMPLET', [...path, 'nom'], { raison: 'nom', siren: d.siren, nom: null }));
  let nom: { nom: string; complNom?: string } | undefined;
  if (nomLu !== undefined) {
    const t = c.fit(nomLu, 'Nom', Number.MAX_SAFE_INTEGER, [...path, 'nom']);
    if (t !== undefined) {
      nom = splitName(t);
      if (nom === undefined) c.issues.push(titresIssue('ZONE_PES_INVALIDE', [...path, 'nom'], { raison: 'nom', zone: 'Nom', limite: 38, longueur: t.length }));
    }
  }
  const categorie = p.categoriesTiers?.[d.siren] ?? (d.type === undefined ? undefined : CATEGORIES[d.type]);
  if (d.type === undefined && categorie === undefined) c.issues.push(titresIssue('DEBITEUR_INCOMPLET', [...path, 'type'], { raison: 'type', siren: d.siren, nom: named }));
  else if (categorie === undefined) c.issues.push(titresIssue('CATEGORIE_TIERS_INCONNUE', [...path, 'type'], { siren: d.siren, nom: named, type: d.type ?? '' }));
  const adresse = adresseOf(c, d, path, named);
  let siret: string | undefined;
  if (d.siret !== undefined) {
    const s = d.siret.replace(/\s+/g, '');
    const raison = !/^\d{14}$/.test(s) ? 'longueur' : !isValidSiret(s) ? 'cle' : !s.startsWith(d.siren) ? 'siren' : undefined;
    if (raison === undefined) siret = s;
    else c.issues.push(titresIssue('SIRET_INVALIDE', [...path, 'siret'], { raison, siret: s, siren: d.siren }));
  }
  const chorus = siret !== undefined && categorie !== undefined && PUBLIQUES.test(categorie.catTiers);
  const codeService = c.zone(d.codeService, 'CodeService', 100, [...path, 'codeService']);
  const engagement = c.zone(d.engagement, 'NumeroEngagement', 50, [...path, 'engagement']);
  // Le code service et l'engagement ne voyagent qu'avec un titre déposé sur Chorus Pro : jamais perdus en silence.
  if (!chorus && !(d.siret !== undefined && siret === undefined) && (d.codeService !== undefined || d.engagement !== undefined)) {
    c.issues.push(titresIssue('DEBITEUR_INCOMPLET', [...path, 'siret'], { raison: 'chorus', siren: d.siren, nom: named }));
  }
  if (c.issues.length > before || nom === undefined || categorie === undefined || adresse === undefined) return undefined;
  return {
    idTiers: chorus ? siret! : d.siren,
    natIdTiers: chorus ? '01' : '02',
    catTiers: categorie.catTiers,
    natJur: categorie.natJur,
    nom: nom.nom,
    complNom: nom.complNom,
    adresse,
    chorus: chorus ? { codeService, engagement } : undefined,
  };
}

function adresseOf(c: Checks, d: DebiteurLu, path: Path, named: string | null): Tiers['adresse'] | undefined {
  const a = d.adresse;
  if (a === undefined) {
    c.issues.push(titresIssue('DEBITEUR_INCOMPLET', [...path, 'adresse'], { raison: 'adresse', siren: d.siren, nom: named }));
    return undefined;
  }
  const ap = [...path, 'adresse'];
  const before = c.issues.length;
  const adr1 = c.zone(a.complement, 'Adr1', 38, [...ap, 'complement']);
  const adr2 = c.zone(a.voie, 'Adr2', 38, [...ap, 'voie']);
  const adr3 = c.zone(a.lieuDit, 'Adr3', 38, [...ap, 'lieuDit']);
  const ville = c.zone(a.ville, 'Ville', 38, [...ap, 'ville']);
  if (!/^\d{5}$/.test(a.codePostal)) c.issues.push(titresIssue('ENTREE_INVALIDE', [...ap, 'codePostal'], { raison: 'format', format: '5 chiffres', exemple: '90000', recu: a.codePostal }));
  if (c.issues.length > before || adr2 === undefined || ville === undefined) return undefined;
  return { adr1, adr2, adr3, cp: a.codePostal, ville };
}

function imputationOf(p: ParametresPes, l: LigneLue): ImputationPes | undefined {
  const i = Object.prototype.hasOwnProperty.call(p.imputations, l.prestation) ? p.imputations[l.prestation] : undefined;
  if (i === undefined) return undefined;
  const byComposante = i.composantes !== undefined && Object.prototype.hasOwnProperty.call(i.composantes, l.composante) ? i.composantes[l.composante] : undefined;
  return byComposante ?? i;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Le montant d'une ligne, au centime, s'il est titrable ; `null` pour une ligne à zéro (rien à titrer). */
function montantOf(c: Checks, m: string, siren: string, path: Path): string | null | undefined {
  if (!DECIMAL.test(m)) {
    c.issues.push(titresIssue('MONTANT_NON_EMISSIBLE', path, { raison: 'format', montant: m, siren }));
    return undefined;
  }
  const cents = sumAmounts([m]);
  if (compareAmounts(cents, m) !== 0) {
    c.issues.push(titresIssue('MONTANT_NON_EMISSIBLE', path, { raison: 'centimes', montant: m, siren }));
    return undefined;
  }
  const sign = compareAmounts(cents, '0');
  if (sign < 0) {
    c.issues.push(titresIssue('MONTANT_NON_EMISSIBLE', path, { raison: 'negatif', montant: m, siren }));
    return undefined;
  }
  return sign === 0 ? null : cents;
}

/** Le rôle est-il cohérent : chaque facture la somme de ses lignes, le rôle la somme des factures ? */
function checkTotals(c: Checks, role: RoleLu): void {
  const amounts = role.factures.flatMap((f) => [f.total, ...f.lignes.map((l) => l.montant)]).concat(role.total);
  if (!amounts.every((a) => DECIMAL.test(a))) return; // un montant illisible a déjà son problème
  role.factures.forEach((f, i) => {
    const sum = sumAmounts(f.lignes.map((l) => l.montant));
    if (compareAmounts(sum, f.total) !== 0) c.issues.push(titresIssue('ROLE_NON_EMISSIBLE', ['role', 'factures', i, 'total'], { raison: 'total', attendu: sum, recu: f.total, siren: f.debiteur.siren }));
  });
  const sum = sumAmounts(role.factures.map((f) => f.total));
  if (compareAmounts(sum, role.total) !== 0) c.issues.push(titresIssue('ROLE_NON_EMISSIBLE', ['role', 'total'], { raison: 'total', attendu: sum, recu: role.total, siren: null }));
}

function titresOf(c: Checks, role: RoleLu, p: ParametresPes, texts: Texts): Titre[] {
  const titres: Titre[] = [];
  let next = p.premierePiece;
  role.factures.forEach((f: FactureLue, i) => {
    const path: Path = ['role', 'factures', i];
    const groups = [false, true].map((ponctuelle) => f.lignes.map((l, j) => ({ l, j })).filter(({ l }) => l.ponctuelle === ponctuelle));
    const lignesOf = (group: { l: LigneLue; j: number }[]) =>
      group.flatMap(({ l, j }) => {
        const lp = [...path, 'lignes', j];
        const montant = montantOf(c, l.montant, f.debiteur.siren, [...lp, 'montant']);
        if (montant === null) return [];
        const imputation = imputationOf(p, l);
        if (imputation === undefined) c.issues.push(titresIssue('IMPUTATION_MANQUANTE', [...lp, 'prestation'], { prestation: l.prestation, composante: l.composante, siren: f.debiteur.siren }));
        const values = {
          exercice: String(p.exercice),
          prestation: c.latin(l.libellePrestation, 'ObjLignePce', [...lp, 'libellePrestation']),
          libelle: c.latin(l.libelle, 'ObjLignePce', [...lp, 'libelle']),
          adherent: c.latin(l.adherent, 'ObjLignePce', [...lp, 'adherent', 'nom']),
        };
        // Un texte déjà refusé (caractère) ne fait pas un second problème de longueur.
        const objet = texts.ligne === undefined || Object.values(values).includes(undefined) ? undefined : c.fit(fill(texts.ligne, values as Record<string, string>), 'ObjLignePce', 160, lp);
        if (montant === undefined || imputation === undefined || objet === undefined) return [];
        return [{ objet, imputation, montant }];
      });
    const sets = groups.map((g, k) => ({ ponctuelle: k === 1, count: g.filter(({ l }) => !DECIMAL.test(l.montant) || compareAmounts(l.montant, '0') !== 0).length, lignes: lignesOf(g) }));
    if (sets.every((s) => s.count === 0)) return;
    const tiers = tiersOf(c, f.debiteur, [...path, 'debiteur'], p);
    // Le nom du débiteur a déjà été jugé avec son tiers : ici, seulement sa copie en ISO-8859-1.
    const nomLatin = f.debiteur.nom === undefined ? '' : toLatin1(f.debiteur.nom);
    const debiteur = typeof nomLatin === 'string' ? nomLatin : 'text' in nomLatin ? nomLatin.text : undefined;
    for (const s of sets) {
      if (s.count === 0) continue;
      const idPce = next++;
      const template = s.ponctuelle ? texts.ponctuelles : texts.abonnements;
      const objet = template === undefined || debiteur === undefined ? undefined : c.fit(fill(template, { exercice: String(p.exercice), debiteur }), 'ObjPce', 160, path);
      if (tiers === undefined || objet === undefined || s.lignes.length !== s.count) continue;
      const chorus = tiers.chorus !== undefined;
      titres.push({
        idPce,
        objet,
        tiers,
        lignes: s.lignes,
        total: sumAmounts(s.lignes.map((l) => l.montant)),
        ...(chorus ? { numeroFacture: `${p.exercice}-${p.bordereau}-${idPce}`, idUnique: `PESFACT${p.exercice}${p.codCol}${p.codBud}B${p.bordereau}T${idPce}` } : {}),
      });
    }
  });
  const last = next - 1;
  if (last > MAX_PIECE) c.issues.push(titresIssue('NUMEROTATION_HORS_LIMITES', ['parametres', 'premierePiece'], { raison: 'piece', derniere: last, maximum: MAX_PIECE }));
  const longest = titres.find((t) => t.numeroFacture !== undefined && t.numeroFacture.length > MAX_NUMERO_FACTURE);
  if (longest !== undefined) c.issues.push(titresIssue('NUMEROTATION_HORS_LIMITES', ['parametres', 'bordereau'], { raison: 'numeroFacture', numero: longest.numeroFacture!, limite: MAX_NUMERO_FACTURE }));
  if (next === p.premierePiece) c.issues.push(titresIssue('ROLE_NON_EMISSIBLE', ['role', 'factures'], { raison: 'vide' }));
  return titres;
}

interface Texts {
  readonly abonnements?: string | undefined;
  readonly ponctuelles?: string | undefined;
  readonly ligne?: string | undefined;
  readonly libellePoste?: string | undefined;
  readonly libelleColBud?: string | undefined;
}

function textsOf(c: Checks, p: ParametresPes): Texts {
  const at = (name: string): Path => ['parametres', ...name.split('.')];
  return {
    abonnements: c.latin(p.objets.abonnements, 'ObjPce', at('objets.abonnements')),
    ponctuelles: c.latin(p.objets.ponctuelles, 'ObjPce', at('objets.ponctuelles')),
    ligne: c.latin(p.objets.ligne, 'ObjLignePce', at('objets.ligne')),
    libellePoste: c.zone(p.libellePoste, 'LibellePoste', 38, at('libellePoste')),
    libelleColBud: c.zone(p.libelleColBud, 'LibelleColBud', 38, at('libelleColBud')),
  };
}

/** Un élément PES : sa valeur dans l'attribut `V`, échappée ici. */
const v = (name: string, value: string | number) => `<${name} V="${escapeXml(String(value))}"/>`;
const opt = (name: string, value: string | undefined) => (value === undefined ? '' : v(name, value));

function tiersXml(t: Tiers): string {
  const a = t.adresse;
  return (
    '<Tiers><InfoTiers>' +
    v('IdTiers', t.idTiers) +
    v('NatIdTiers', t.natIdTiers) +
    v('CatTiers', t.catTiers) +
    v('NatJur', t.natJur) +
    v('TypTiers', '01') +
    v('Nom', t.nom) +
    opt('ComplNom', t.complNom) +
    '</InfoTiers><Adresse>' +
    v('TypAdr', '1') +
    opt('Adr1', a.adr1) +
    v('Adr2', a.adr2) +
    opt('Adr3', a.adr3) +
    v('CP', a.cp) +
    v('Ville', a.ville) +
    v('CodRes', '0') +
    '</Adresse></Tiers>'
  );
}

function pieceXml(t: Titre): string {
  const chorus = t.tiers.chorus;
  const bloc =
    '<BlocPiece>' +
    v('IdPce', t.idPce) +
    v('TypPce', '01') +
    v('NatPce', '01') +
    (chorus === undefined ? '' : v('Edition', '02')) +
    v('ObjPce', t.objet) +
    (t.idUnique === undefined ? '' : `<PJRef>${v('Support', '01')}${v('IdUnique', t.idUnique)}${v('TypePJ', '006')}</PJRef>`) +
    opt('NumeroFacture', t.numeroFacture) +
    opt('NumeroEngagement', chorus?.engagement) +
    opt('CodeService', chorus?.codeService) +
    '</BlocPiece>';
  const tiers = tiersXml(t.tiers);
  const lignes = t.lignes
    .map(
      (l, k) =>
        '<LigneDePiece><BlocLignePiece><InfoLignePiece>' +
        v('IdLigne', k + 1) +
        v('ObjLignePce', l.objet) +
        v('CodProdLoc', l.imputation.codProdLoc) +
        v('Nature', l.imputation.nature) +
        opt('Fonction', l.imputation.fonction) +
        v('Majo', '0') +
        v('TvaIntraCom', '0') +
        v('MtHT', l.montant) +
        '</InfoLignePiece></BlocLignePiece>' +
        tiers +
        '</LigneDePiece>',
    )
    .join('\n');
  return `<Piece>${bloc}\n${lignes}\n</Piece>`;
}

function render(role: unknown, parametres: unknown): PesAller {
  const parsed = safeParseParametres(parametres, ['parametres']);
  const read = readRole(role, ['role']);
  const issues = [...(parsed.success ? [] : parsed.issues), ...read.issues];
  if (!parsed.success || read.role === undefined) throw new QuoteError(issues);
  const p = parsed.data;
  const r = read.role;
  const c = new Checks();
  r.conflits.forEach((x, i) => c.issues.push(titresIssue('ROLE_NON_EMISSIBLE', ['role', 'conflits', i], { raison: 'conflit', code: x.code, siren: x.siren })));
  r.refus.forEach((x, i) => c.issues.push(titresIssue('ROLE_NON_EMISSIBLE', ['role', 'refus', i], { raison: 'refus', index: x.index, siren: x.siren, fichier: x.fichier })));
  if (p.exercice !== r.millesime) c.issues.push(titresIssue('EXERCICE_INCOHERENT', ['parametres', 'exercice'], { raison: 'millesime', exercice: p.exercice, millesime: r.millesime }));
  const year = Number(p.dateEmission.slice(0, 4));
  if (year !== p.exercice && year !== p.exercice + 1) c.issues.push(titresIssue('EXERCICE_INCOHERENT', ['parametres', 'dateEmission'], { raison: 'date', exercice: p.exercice, date: p.dateEmission }));
  checkTotals(c, r);
  const texts = textsOf(c, p);
  const titres = titresOf(c, r, p, texts);
  if (c.issues.length > 0) throw new QuoteError(c.issues);

  const total = sumAmounts(titres.map((t) => t.total));
  const nomFichier = `${p.exemple === true ? 'EXEMPLE_' : ''}PES_Aller_titres_${p.exercice}_${p.codCol}${p.codBud}_bordereau_${p.bordereau}.xml`;
  const xml = [
    '<?xml version="1.0" encoding="ISO-8859-1"?>',
    `<n:PES_Aller xmlns:n="${NAMESPACE}">`,
    `<Enveloppe><Parametres>${v('Version', '2')}${v('TypFic', 'PESALR1')}${v('NomFic', nomFichier)}</Parametres><Emetteur>${v('Sigle', 'TE90')}${v('Adresse', '@te90/tarifs')}</Emetteur></Enveloppe>`,
    '<EnTetePES>' +
      v('DteStr', p.dateEmission) +
      v('IdPost', p.posteComptable) +
      opt('LibellePoste', texts.libellePoste) +
      v('IdColl', p.siret) +
      v('CodCol', p.codCol) +
      v('CodBud', p.codBud) +
      opt('LibelleColBud', texts.libelleColBud) +
      '</EnTetePES>',
    '<PES_RecetteAller>',
    `<EnTeteRecette>${v('IdVer', '2')}${v('InfoDematerialisee', '0')}</EnTeteRecette>`,
    '<Bordereau>',
    '<BlocBordereau>' +
      v('Exer', p.exercice) +
      v('IdBord', p.bordereau) +
      v('DteBordEm', p.dateEmission) +
      v('TypBord', '01') +
      v('NbrPce', titres.length) +
      v('MtBordHt', total) +
      '</BlocBordereau>',
    ...titres.map((t) => pieceXml(t)),
    '</Bordereau>',
    '</PES_RecetteAller>',
    '</n:PES_Aller>',
    '',
  ].join('\n');
  return {
    xml,
    octets: latin1Bytes(xml),
    nomFichier,
    titres: titres.length,
    total,
    piecesJointesAttendues: titres.flatMap((t) => (t.idUnique === undefined ? [] : [{ idPce: t.idPce, idUnique: t.idUnique, numeroFacture: t.numeroFacture!, siret: t.tiers.idTiers }])),
  };
}

/**
 * Écrit le flux PES V2 `PES_Aller` des titres de recettes d'un rôle de facturation : un bordereau
 * ordinaire (`TypBord` 01), un titre ordinaire de fonctionnement (`TypPce` 01, `NatPce` 01) par
 * SIREN débiteur et par nature de facture (abonnements annuels, prestations ponctuelles), une ligne
 * par ligne du rôle (une ligne à zéro n'est pas titrée), numérotés à partir de `premierePiece`.
 * Chaque ligne porte le tiers débiteur : catégorie et nature juridique déduites de sa nature
 * (commune 23, EPCI et syndicat 24, CCAS 26 ; nature juridique 09), son adresse. Un débiteur public
 * qui a un SIRET reçoit un titre `Edition` 02 (avis des sommes à payer déposé sur Chorus Pro) :
 * `IdTiers` = son SIRET (`NatIdTiers` 01), `NumeroFacture`, son code service et son engagement, et la
 * référence (`PJRef`, type 006) du PES Facture ASAP que le syndicat dépose à part
 * ({@link PesAller.piecesJointesAttendues}) ; sans SIRET, le titre n'a pas d'`Edition` et le tiers est
 * identifié par son SIREN (`NatIdTiers` 02). Le flux est en ISO-8859-1 : un caractère qu'il ne sait
 * pas écrire est remplacé par son équivalent évident (’ → ', œ → oe, – → -) ou refusé.
 *
 * Pure : ni horloge, ni hasard (la date vient des paramètres). Le rôle est lu une fois, comme une
 * donnée ; un rôle qui a des conflits ou des adhésions refusées ne donne aucun flux.
 *
 * @param role - le rôle de facturation ({@link "@te90/tarifs"!BillingRoll}), ou sa copie lue d'un fichier JSON
 * @param parametres - les paramètres comptables ({@link ParametresPes}), lus comme par {@link safeParseParametres}
 * @returns le flux
 * @throws {@link "@te90/tarifs"!QuoteError} avec tous les problèmes des paramètres, du rôle et des règles du guichet ; jamais d'autre exception
 * @category Titres de recettes
 * @example
 * ```ts
 * const flux = renderPesAller(billingRoll(adhesions), parametres);
 * writeFileSync(flux.nomFichier, flux.octets);
 * ```
 */
export function renderPesAller(role: BillingRoll, parametres: unknown): PesAller {
  return guarded(() => render(role, parametres));
}

/**
 * Comme {@link renderPesAller}, mais rend `{ success, data }` ou `{ success: false, issues }` au
 * lieu de lever. Ne lève jamais.
 *
 * @param role - le rôle de facturation, ou sa copie lue d'un fichier JSON
 * @param parametres - les paramètres comptables
 * @returns le flux, ou tous ses problèmes
 * @category Titres de recettes
 * @example
 * ```ts
 * const r = safeRenderPesAller(role, parametres);
 * if (!r.success) for (const i of r.issues) console.error(i.message);
 * ```
 */
export function safeRenderPesAller(role: unknown, parametres: unknown): SafeResult<PesAller> {
  try {
    return { success: true, data: renderPesAller(role as BillingRoll, parametres) };
  } catch (error) {
    // renderPesAller ne lève qu'une QuoteError (guarded).
    return { success: false, issues: (error as QuoteError).issues };
  }
}
