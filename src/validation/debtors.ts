/**
 * L'identité d'un débiteur : ce qu'une adhésion dit d'un SIREN facturé (sa collectivité, quand c'est
 * son SIREN ; un destinataire), et la règle qui dit quand deux descriptions du même SIREN se
 * contredisent. Rien n'est jamais fusionné en silence : deux descriptions ne se complètent que
 * quand elles ne se contredisent pas.
 */
import type { Adresse, Collectivite, Destinataire } from '../core/shapes.js';
import { ADRESSE_DECLARATION } from './fields.js';

/** Les champs du bloc de facturation d'un débiteur : un bloc se prend en entier, jamais champ par champ. */
const BILLING = ['siret', 'codeService', 'engagement', 'adresse'] as const;
/** Les champs d'une adresse, dans l'ordre de leur déclaration, pour les comparer un à un. */
const ADRESSE_KEYS = /* @__PURE__ */ Object.keys(ADRESSE_DECLARATION) as (keyof Adresse)[];

/** `true` si la description donne au moins un champ du bloc de facturation. */
function hasBilling(d: Destinataire): boolean {
  return d.siret !== undefined || d.codeService !== undefined || d.engagement !== undefined || d.adresse !== undefined;
}

function sameAdresse(a: Adresse | undefined, b: Adresse | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return ADRESSE_KEYS.every((k) => a[k] === b[k]);
}

/**
 * Les champs par lesquels deux descriptions du même SIREN se contredisent (vide : elles s'accordent) :
 * le nom ou la nature, donnés des deux côtés et différents ; les blocs de facturation, donnés des
 * deux côtés et différents champ par champ (un champ présent d'un côté et absent de l'autre diffère).
 *
 * @internal
 */
export function contradictions(a: Destinataire, b: Destinataire): string[] {
  const out: string[] = [];
  if (a.nom !== undefined && b.nom !== undefined && a.nom !== b.nom) out.push('nom');
  if (a.type !== undefined && b.type !== undefined && a.type !== b.type) out.push('type');
  if (hasBilling(a) && hasBilling(b)) {
    for (const k of BILLING) if (k === 'adresse' ? !sameAdresse(a.adresse, b.adresse) : a[k] !== b[k]) out.push(k);
  }
  return out;
}

/**
 * Une description écrite dans l'ordre des champs d'un destinataire (SIREN, nom, nature, SIRET, code
 * service, engagement, adresse), sans champ absent.
 *
 * @internal
 */
export function canonical(d: Destinataire): Destinataire {
  const out: Record<string, unknown> = { siren: d.siren };
  if (d.nom !== undefined) out['nom'] = d.nom;
  if (d.type !== undefined) out['type'] = d.type;
  if (d.siret !== undefined) out['siret'] = d.siret;
  if (d.codeService !== undefined) out['codeService'] = d.codeService;
  if (d.engagement !== undefined) out['engagement'] = d.engagement;
  if (d.adresse !== undefined) {
    const adresse: Record<string, string> = {};
    for (const k of ADRESSE_KEYS) if (d.adresse[k] !== undefined) adresse[k] = d.adresse[k];
    out['adresse'] = adresse;
  }
  return out as unknown as Destinataire;
}

/**
 * `true` si deux descriptions disent exactement la même chose, champ par champ.
 *
 * @internal
 */
export function sameDebtor(a: Destinataire, b: Destinataire): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * Deux descriptions du même SIREN réunies : le nom et la nature de la première qui les donne, le
 * bloc de facturation de la première qui en a un, en entier. À n'appeler que sur des descriptions
 * qui s'accordent (sinon la première l'emporte, et le conflit est signalé par ailleurs).
 *
 * @internal
 */
export function merge(a: Destinataire, b: Destinataire): Destinataire {
  const billing = hasBilling(a) ? a : b;
  return canonical({
    siren: a.siren,
    nom: a.nom ?? b.nom,
    type: a.type ?? b.type,
    siret: billing.siret,
    codeService: billing.codeService,
    engagement: billing.engagement,
    adresse: billing.adresse,
  });
}

/**
 * Ce que la collectivité dit d'elle-même comme débiteur : son SIREN, son nom, sa nature et ses
 * données de facturation données.
 *
 * @internal
 */
export function memberDescription(c: Partial<Collectivite>): Destinataire | undefined {
  if (c.siren === undefined) return undefined;
  // Le cas courant (ni SIRET, ni code service, ni engagement, ni adresse) sans objet intermédiaire.
  if (!memberGivesBilling(c)) return c.nom === undefined ? canonical({ siren: c.siren, type: c.type }) : c.type === undefined ? { siren: c.siren, nom: c.nom } : { siren: c.siren, nom: c.nom, type: c.type };
  return canonical({ siren: c.siren, nom: c.nom, type: c.type, siret: c.siret, codeService: c.codeService, engagement: c.engagement, adresse: c.adresse });
}

/**
 * `true` si la collectivité donne ses propres données de facturation (SIRET, code service,
 * engagement ou adresse) : sa facture porte alors un destinataire construit d'elle.
 *
 * @internal
 */
export function memberGivesBilling(c: Partial<Collectivite>): boolean {
  return c.siret !== undefined || c.codeService !== undefined || c.engagement !== undefined || c.adresse !== undefined;
}
