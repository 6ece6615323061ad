import { controlCharacter, describeValue, isValidSiret, readInput, type Path, type QuoteError, type QuoteIssue, type SafeResult } from '@te90/tarifs';
import { PARAMETRES_PES, type ParamRule } from './parametres-rules.js';
import { guarded, titresIssue } from './issues.js';

/**
 * L'imputation budgétaire d'une ligne de titre : son compte, son code produit local et, pour un
 * budget voté par fonction, sa fonction.
 *
 * @category Titres de recettes
 * @example
 * ```ts
 * const i: ImputationPes = { nature: '70688', codProdLoc: 'INF1' };
 * ```
 */
export interface ImputationPes {
  /** Le compte par nature (zone PES `Nature`), de 1 à 12 chiffres. */
  readonly nature: string;
  /** Le code produit local (`CodProdLoc`), de 1 à 4 lettres ou chiffres. */
  readonly codProdLoc: string;
  /** La fonction (`Fonction`), pour un budget voté par fonction. */
  readonly fonction?: string | undefined;
}

/**
 * L'imputation d'une prestation, et au besoin celle de certaines de ses composantes.
 *
 * @category Titres de recettes
 * @example
 * ```ts
 * const i: ImputationPrestation = { nature: '70688', codProdLoc: 'PD', composantes: { parSiren: { nature: '70878', codProdLoc: 'PDS' } } };
 * ```
 */
export interface ImputationPrestation extends ImputationPes {
  /** L'imputation de chaque composante qui diffère de celle de la prestation. */
  readonly composantes?: Readonly<Record<string, ImputationPes>> | undefined;
}

/**
 * Les paramètres comptables des titres de recettes : qui émet (le poste comptable, le budget du
 * syndicat), quoi (exercice, bordereau, premier numéro de titre, date) et où (l'imputation de chaque
 * prestation), et les mots des objets. Rien n'en est supposé : un paramètre que le flux exige et qui
 * manque est un problème qui le nomme. `exemple: true` marque un fichier d'exemple.
 *
 * @category Titres de recettes
 * @example
 * ```ts
 * const p: ParametresPes = {
 *   posteComptable: '090000', siret: '25900032500011', codCol: '123', codBud: '01',
 *   exercice: 2026, bordereau: 1, premierePiece: 1, dateEmission: '2026-03-02',
 *   objets: { abonnements: 'Prestations informatiques {exercice}', ponctuelles: 'Prestations ponctuelles {exercice}', ligne: '{prestation}' },
 *   imputations: { maintenanceBase: { nature: '70688', codProdLoc: 'INF1' } },
 *   exemple: true,
 * };
 * ```
 */
export interface ParametresPes {
  /** Le codique du poste comptable (`IdPost`). */
  readonly posteComptable: string;
  /** Son libellé court (`LibellePoste`). */
  readonly libellePoste?: string | undefined;
  /** Le SIRET du syndicat émetteur (`IdColl`), 14 chiffres sans espaces. */
  readonly siret: string;
  /** Le code collectivité dans Hélios (`CodCol`). */
  readonly codCol: string;
  /** Le code budget (`CodBud`). */
  readonly codBud: string;
  /** Le libellé du budget (`LibelleColBud`). */
  readonly libelleColBud?: string | undefined;
  /** L'exercice (`Exer`). */
  readonly exercice: number;
  /** Le numéro du bordereau (`IdBord`). */
  readonly bordereau: number;
  /** Le numéro du premier titre (`IdPce`) ; les suivants se suivent. */
  readonly premierePiece: number;
  /** La date d'émission, `AAAA-MM-JJ`. */
  readonly dateEmission: string;
  /** Les objets : du titre des abonnements, du titre des ponctuelles, de chaque ligne. */
  readonly objets: {
    /** L'objet du titre des abonnements annuels d'un débiteur. */
    readonly abonnements: string;
    /** L'objet du titre de ses prestations ponctuelles. */
    readonly ponctuelles: string;
    /** L'objet de chaque ligne. */
    readonly ligne: string;
  };
  /** L'imputation de chaque prestation, par son identifiant. */
  readonly imputations: Readonly<Record<string, ImputationPrestation>>;
  /** La catégorie de tiers et la nature juridique d'un débiteur de nature « autre », par son SIREN. */
  readonly categoriesTiers?:
    | Readonly<
        Record<
          string,
          {
            /** La catégorie du tiers (`CatTiers`). */
            readonly catTiers: string;
            /** Sa nature juridique (`NatJur`). */
            readonly natJur: string;
          }
        >
      >
    | undefined;
  /** `true` : un fichier d'exemple. */
  readonly exemple?: true | undefined;
}

const ATTENDU = { objet: 'object', dictionnaire: 'object', entier: 'integer' } as const;
const attenduDe = (rule: ParamRule) => (rule.kind in ATTENDU ? ATTENDU[rule.kind as keyof typeof ATTENDU] : 'string');

/** Une date `AAAA-MM-JJ` du calendrier. @internal */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days[mo - 1]!;
}

/** Les noms qu'un modèle cite (`{nom}`). @internal */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
}

class Judge {
  readonly issues: QuoteIssue[];
  constructor(
    readIssues: readonly QuoteIssue[],
    private readonly unreadable: ReadonlySet<string>,
  ) {
    this.issues = [...readIssues];
  }

  check(rule: ParamRule, value: unknown, path: Path, root: boolean): unknown {
    if (this.unreadable.has(JSON.stringify(path))) return undefined;
    if (value === undefined) {
      if (rule.requis) this.issues.push(titresIssue('CHAMP_MANQUANT', path, { raison: root ? 'racine' : 'champ', attendu: attenduDe(rule) }));
      return undefined;
    }
    switch (rule.kind) {
      case 'vrai':
        if (value !== true) this.issues.push(titresIssue('VALEUR_NON_ADMISE', path, { raison: 'choix', valeurs: ['true'], recu: describeValue(value) }));
        return value;
      case 'objet':
        return this.object(rule.champs, value, path);
      case 'dictionnaire':
        return this.dictionary(rule, value, path);
      case 'entier':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < rule.minimum || value > rule.maximum) {
          this.issues.push(
            typeof value === 'number'
              ? titresIssue('VALEUR_HORS_LIMITES', path, { raison: 'entier', minimum: rule.minimum, maximum: rule.maximum, recu: describeValue(value) })
              : titresIssue('ENTREE_INVALIDE', path, { raison: 'type', attendu: 'integer', recu: describeValue(value) }),
          );
        }
        return value;
      default:
        break;
    }
    if (typeof value !== 'string') {
      this.issues.push(titresIssue('ENTREE_INVALIDE', path, { raison: 'type', attendu: 'string', recu: describeValue(value) }));
      return undefined;
    }
    const tooLong = (text: string, max: number) => {
      if (text.length > max) this.issues.push(titresIssue('VALEUR_HORS_LIMITES', path, { raison: 'maximum', limite: max, origine: 'string', inclusif: true, recu: describeValue(text) }));
    };
    switch (rule.kind) {
      case 'schema':
        tooLong(value, 500);
        return value;
      case 'siret': {
        tooLong(value, 100);
        const siret = value.replace(/\s+/g, '');
        const raison = !/^\d{14}$/.test(siret) ? 'longueur' : isValidSiret(siret) ? undefined : 'cle';
        if (raison !== undefined) this.issues.push(titresIssue('SIRET_INVALIDE', path, { raison, siret, siren: null }));
        return siret;
      }
      case 'code':
        if (!new RegExp(rule.pattern).test(value)) this.issues.push(titresIssue('ENTREE_INVALIDE', path, { raison: 'format', format: rule.format, exemple: rule.exemple, recu: describeValue(value) }));
        return value;
      case 'choix':
        if (!rule.valeurs.includes(value)) this.issues.push(titresIssue('VALEUR_NON_ADMISE', path, { raison: 'choix', valeurs: rule.valeurs, recu: describeValue(value) }));
        return value;
      case 'date':
        if (!isCalendarDate(value)) this.issues.push(titresIssue('ENTREE_INVALIDE', path, { raison: 'date', recu: describeValue(value) }));
        return value;
      case 'texte':
      case 'modele': {
        const text = value.trim();
        if (text.length < 1) this.issues.push(titresIssue('VALEUR_HORS_LIMITES', path, { raison: 'minimum', limite: 1, origine: 'string', inclusif: true, recu: describeValue(text) }));
        tooLong(text, rule.max);
        const found = controlCharacter(text);
        if (found !== undefined) this.issues.push(titresIssue('VALEUR_NON_ADMISE', path, { raison: 'caractereDeControle', ...found }));
        if (rule.kind === 'modele') {
          for (const name of new Set(placeholders(text))) {
            if (!rule.admis.includes(name)) this.issues.push(titresIssue('VALEUR_NON_ADMISE', path, { raison: 'modele', inconnu: name, admis: rule.admis }));
          }
        }
        return text;
      }
    }
  }

  private isRecord(value: unknown, path: Path): value is Readonly<Record<string, unknown>> {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return true;
    this.issues.push(titresIssue('ENTREE_INVALIDE', path, { raison: 'type', attendu: 'object', recu: describeValue(value) }));
    return false;
  }

  private object(champs: Readonly<Record<string, ParamRule>>, value: unknown, path: Path): unknown {
    if (!this.isRecord(value, path)) return undefined;
    const out: Record<string, unknown> = {};
    for (const [name, rule] of Object.entries(champs)) {
      const kept = this.check(rule, value[name], [...path, name], false);
      if (kept !== undefined) out[name] = kept;
    }
    for (const name of Object.keys(value)) {
      if (!Object.prototype.hasOwnProperty.call(champs, name)) this.issues.push(titresIssue('CHAMP_INCONNU', [...path, name], { champ: name }));
    }
    return out;
  }

  private dictionary(rule: Extract<ParamRule, { kind: 'dictionnaire' }>, value: unknown, path: Path): unknown {
    if (!this.isRecord(value, path)) return undefined;
    const out: Record<string, unknown> = {};
    const key = new RegExp(rule.cle.pattern);
    for (const [name, entry] of Object.entries(value)) {
      if (!key.test(name)) {
        this.issues.push(titresIssue('ENTREE_INVALIDE', [...path, name], { raison: 'format', format: rule.cle.format, exemple: rule.cle.exemple, recu: describeValue(name) }));
        continue;
      }
      const kept = this.check(rule.valeur, entry, [...path, name], false);
      if (kept !== undefined) out[name] = kept;
    }
    return out;
  }
}

/**
 * Lit le fichier des paramètres comptables des titres de recettes (un objet, ou le contenu d'un
 * fichier JSON lu) une seule fois, getters et proxies compris, et le juge comme le fichier de
 * l'émetteur : chaque code selon son format (codique du poste, code collectivité, code budget,
 * compte, code produit), le SIRET du syndicat (clé valide, espaces admis), l'exercice, les numéros
 * du bordereau et du premier titre, la date d'émission (une date du calendrier), les modèles
 * d'objets (ils ne citent que des mots connus) ; un texte est rogné, non vide, borné, sans caractère
 * de contrôle ; un champ inconnu est refusé ; la clé `$schema` est admise et n'est pas rendue. Rend
 * les paramètres, ou tous leurs problèmes, au chemin donné. Ne lève jamais.
 *
 * @param value - les paramètres à lire
 * @param path - le chemin des paramètres, qui préfixe celui de chaque problème (par défaut la racine)
 * @returns les paramètres, ou leurs problèmes
 * @category Titres de recettes
 * @example
 * ```ts
 * const r = safeParseParametres({ posteComptable: '090000' });
 * r.success;
 * //=> false
 * ```
 */
export function safeParseParametres(value: unknown, path: Path = []): SafeResult<ParametresPes> {
  try {
    // Un chemin qui n'est pas une liste, une lecture qui lève : des problèmes, jamais une exception.
    return guarded(() => parseParametres(value, path));
  } catch (error) {
    return { success: false, issues: (error as QuoteError).issues };
  }
}

function parseParametres(value: unknown, path: Path): SafeResult<ParametresPes> {
  const read = readInput(value, path);
  const judge = new Judge(read.issues, new Set(read.issues.map((i) => JSON.stringify(i.path))));
  const data = judge.check({ kind: 'objet', requis: true, champs: PARAMETRES_PES }, read.value, path, true) as (ParametresPes & { $schema?: string }) | undefined;
  if (judge.issues.length > 0 || data === undefined) return { success: false, issues: judge.issues };
  const { $schema: _, ...parametres } = data;
  return { success: true, data: parametres };
}
