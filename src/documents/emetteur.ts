import { controlCharacter, describeError, describeValue, isQuoteError, isValidSiret, readInput, type Path, type QuoteIssue, type SafeResult } from '@te90/tarifs';
import { EMETTEUR, type Rule } from './emetteur-rules.js';
import { documentIssue } from './issues.js';

/**
 * Qui signe le devis pour l'émetteur : son nom et sa qualité.
 *
 * @category Devis
 * @example
 * ```ts
 * const s: Signataire = { nom: 'Prénom Nom', qualite: 'Président du syndicat' };
 * ```
 */
export interface Signataire {
  /** Le nom du signataire. */
  readonly nom: string;
  /** Sa qualité (fonction). */
  readonly qualite: string;
}

/**
 * L'émetteur d'un devis imprimable : le syndicat, tel qu'il se présente lui-même. Rien n'en est
 * supposé : sans émetteur, ou sans mention fiscale, le devis porte un bandeau « document de
 * travail » qui dit ce qui manque. `exemple: true` marque un émetteur d'exemple (coordonnées
 * inventées), signalé sur le document.
 *
 * @category Devis
 * @example
 * ```ts
 * const e: Emetteur = {
 *   nom: "Émetteur d'exemple",
 *   adresse: '1 rue de l’Exemple\n90000 Exempleville',
 *   siret: '12345678900007',
 *   mentionFiscale: 'Mention fiscale du syndicat, dans ses propres termes.',
 *   exemple: true,
 * };
 * ```
 */
export interface Emetteur {
  /** Le nom de l'émetteur. */
  readonly nom: string;
  /** Son adresse postale ; une ligne par saut de ligne (`\n`). */
  readonly adresse: string;
  /** Son SIRET : 14 chiffres, clé de contrôle valide (les espaces sont acceptés). */
  readonly siret: string;
  /** Un contact (service, téléphone, courriel), tel qu'il doit figurer sur le devis. */
  readonly contact?: string | undefined;
  /** Qui signe le devis pour l'émetteur. */
  readonly signataire?: Signataire | undefined;
  /** La mention fiscale, dans les mots du syndicat (TVA non applicable et pourquoi, ou le taux). */
  readonly mentionFiscale?: string | undefined;
  /**
   * La convention d'adhésion dont le devis fait application, dans les mots du syndicat : son intitulé,
   * ses dates et où elle est publiée. Sans elle, le devis ne cite aucune convention.
   */
  readonly convention?: string | undefined;
  /**
   * Les conditions que le syndicat fixe à ses devis (paiement, révision…), dans ses propres termes.
   * Sans elles, le devis n'imprime que les règles de l'outil, données comme telles.
   */
  readonly conditions?: string | undefined;
  /** `true` : un émetteur d'exemple (coordonnées inventées), signalé sur le document. */
  readonly exemple?: true | undefined;
}

/** Juge une valeur selon sa règle : rend la valeur retenue (rognée, sans espaces pour un SIRET), en ajoutant ses problèmes. */
function check(rule: Rule, value: unknown, path: Path, root: boolean, issues: QuoteIssue[], unreadable: ReadonlySet<string>): unknown {
  if (unreadable.has(JSON.stringify(path))) return undefined;
  if (value === undefined) {
    if (rule.requis) issues.push(documentIssue('CHAMP_MANQUANT', path, { raison: root ? 'racine' : 'champ', attendu: rule.kind === 'objet' ? 'object' : 'string' }));
    return undefined;
  }
  switch (rule.kind) {
    case 'vrai':
      if (value !== true) issues.push(documentIssue('VALEUR_NON_ADMISE', path, { raison: 'choix', valeurs: ['true'], recu: describeValue(value) }));
      return value;
    case 'objet':
      return checkObject(rule.champs, value, path, root, issues, unreadable);
    default:
      break;
  }
  if (typeof value !== 'string') {
    issues.push(documentIssue('ENTREE_INVALIDE', path, { raison: 'type', attendu: 'string', recu: describeValue(value) }));
    return undefined;
  }
  const tooLong = (text: string, max: number) => {
    if (text.length > max) issues.push(documentIssue('VALEUR_HORS_LIMITES', path, { raison: 'maximum', limite: max, origine: 'string', inclusif: true, recu: describeValue(text) }));
  };
  switch (rule.kind) {
    case 'schema':
      tooLong(value, 500);
      return value;
    case 'siret': {
      tooLong(value, 100);
      const siret = value.replace(/\s+/g, '');
      const raison = !/^\d{14}$/.test(siret) ? 'longueur' : isValidSiret(siret) ? undefined : 'cle';
      if (raison !== undefined) issues.push(documentIssue('SIRET_INVALIDE', path, { raison, siret, siren: null }));
      return siret;
    }
    case 'texte': {
      const text = value.trim();
      if (text.length < 1) issues.push(documentIssue('VALEUR_HORS_LIMITES', path, { raison: 'minimum', limite: 1, origine: 'string', inclusif: true, recu: describeValue(text) }));
      tooLong(text, rule.max);
      const found = controlCharacter(text, rule.lignes === true);
      if (found !== undefined) issues.push(documentIssue('VALEUR_NON_ADMISE', path, { raison: 'caractereDeControle', ...found }));
      return text;
    }
  }
}

/** Juge un objet champ par champ, puis signale ses champs inconnus. */
function checkObject(champs: Readonly<Record<string, Rule>>, value: unknown, path: Path, root: boolean, issues: QuoteIssue[], unreadable: ReadonlySet<string>): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push(documentIssue('ENTREE_INVALIDE', path, { raison: 'type', attendu: 'object', recu: describeValue(value) }));
    return undefined;
  }
  const record = value as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries(champs)) {
    const kept = check(rule, record[name], [...path, name], false, issues, unreadable);
    if (kept !== undefined) out[name] = kept;
  }
  for (const name of Object.keys(record)) {
    if (!Object.prototype.hasOwnProperty.call(champs, name)) issues.push(documentIssue('CHAMP_INCONNU', [...path, name], { champ: name }));
  }
  return out;
}

/**
 * Lit un émetteur (un objet, ou le contenu d'un fichier JSON lu) une seule fois, getters et proxies
 * compris, et le juge : nom, adresse (plusieurs lignes admises), SIRET (14 chiffres et clé valide,
 * espaces admis), contact, signataire, mention fiscale, convention et conditions facultatifs ; un texte est rogné, non vide,
 * borné, sans caractère de contrôle ; un champ inconnu est refusé ; la clé `$schema` d'un fichier
 * JSON est admise et n'est pas rendue. Rend l'émetteur, ou tous ses problèmes, au chemin donné. Ne
 * lève jamais.
 *
 * @param value - l'émetteur à lire
 * @param path - le chemin de l'émetteur, qui préfixe celui de chaque problème (par défaut la racine)
 * @returns l'émetteur, ou ses problèmes
 * @category Devis
 * @example
 * ```ts
 * const r = safeParseEmetteur({ nom: 'Syndicat', adresse: '1 rue de l’Exemple\n90000 Exempleville', siret: '25900032500011' });
 * r.success;
 * //=> true
 * ```
 */
export function safeParseEmetteur(value: unknown, path: Path = []): SafeResult<Emetteur> {
  try {
    return parseEmetteur(value, path);
  } catch (error) {
    // Un chemin qui n'est pas une liste, une lecture qui lève : des problèmes, jamais une exception.
    return { success: false, issues: isQuoteError(error) ? error.issues : [documentIssue('ENTREE_INVALIDE', [], { raison: 'forme', detail: describeError(error) })] };
  }
}

function parseEmetteur(value: unknown, path: Path): SafeResult<Emetteur> {
  const read = readInput(value, path);
  const unreadable = new Set(read.issues.map((i) => JSON.stringify(i.path)));
  const issues: QuoteIssue[] = [...read.issues];
  const data = check({ kind: 'objet', requis: true, champs: EMETTEUR }, read.value, path, true, issues, unreadable) as (Emetteur & { $schema?: string }) | undefined;
  if (issues.length > 0 || data === undefined) return { success: false, issues };
  const { $schema: _, ...emetteur } = data;
  return { success: true, data: emetteur };
}
