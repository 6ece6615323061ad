/**
 * La forme des données qu'un document écrit : un devis, une comparaison, un adhérent comparé. Un
 * document les juge avant de les écrire (elles peuvent venir d'un fichier enregistré, relu ou
 * modifié) : chaque écart est un problème `ENTREE_INVALIDE` situé (chemin, attendu, reçu), tous à
 * la fois, et jamais une `TypeError` ni une erreur de decimal.js.
 */
import { describeValue, QuoteError, type Path, type QuoteIssue } from '@te90/tarifs';
import { documentIssue, type Attendu } from './issues.js';

/** Juge une valeur au chemin donné ; ajoute ses problèmes à `out`. */
export type Shape = (value: unknown, path: Path, out: QuoteIssue[]) => void;

function wrong(path: Path, attendu: Attendu, value: unknown, out: QuoteIssue[]): void {
  let recu: string;
  try {
    recu = describeValue(value);
  } catch {
    recu = typeof value;
  }
  out.push(documentIssue('ENTREE_INVALIDE', path, { raison: 'type', attendu, recu }));
}

/** Un texte. */
export const text: Shape = (v, p, out) => {
  if (typeof v !== 'string') wrong(p, 'string', v, out);
};

/** Un montant ou une quantité : un nombre décimal écrit en chaîne (`"12.50"`, `"-3"`). */
export const amount: Shape = (v, p, out) => {
  if (typeof v !== 'string' || !/^-?\d{1,30}(\.\d{1,30})?$/.test(v)) wrong(p, 'montant', v, out);
};

/** Un nombre entier. */
export const integer: Shape = (v, p, out) => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) wrong(p, 'integer', v, out);
};

/** Un booléen. */
export const boolean: Shape = (v, p, out) => {
  if (typeof v !== 'boolean') wrong(p, 'boolean', v, out);
};

/** `null`, ou ce que dit `shape`. */
export function nullable(shape: Shape): Shape {
  return (v, p, out) => {
    if (v !== null) shape(v, p, out);
  };
}

/** Une liste dont chaque élément a la forme `item`. */
export function list(item: Shape): Shape {
  return (v, p, out) => {
    if (!Array.isArray(v)) return wrong(p, 'array', v, out);
    for (let i = 0; i < v.length; i++) item(v[i], [...p, i], out);
  };
}

/** Un objet et ses champs : ceux de `required` sont obligatoires, ceux de `optional` peuvent manquer (`undefined`). */
export function object(required: Readonly<Record<string, Shape>>, optional: Readonly<Record<string, Shape>> = {}): Shape {
  return (v, p, out) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return wrong(p, 'object', v, out);
    const record = v as Record<string, unknown>;
    for (const [k, shape] of Object.entries(required)) shape(record[k], [...p, k], out);
    for (const [k, shape] of Object.entries(optional)) if (record[k] !== undefined) shape(record[k], [...p, k], out);
  };
}

/**
 * Juge `value` : rien si elle a la forme `shape`, une {@link QuoteError} de tous ses problèmes
 * sinon (et si sa lecture lève une exception : un getter, un proxy).
 *
 * @internal
 */
export function check(value: unknown, shape: Shape, path: Path): void {
  const out: QuoteIssue[] = [];
  try {
    shape(value, path, out);
  } catch {
    out.push(documentIssue('ENTREE_INVALIDE', path, { raison: 'illisible' }));
  }
  if (out.length > 0) throw new QuoteError(out);
}

/**
 * Juge plusieurs valeurs, chacune à son chemin : une seule {@link QuoteError} de tous leurs problèmes.
 *
 * @internal
 */
export function checkAll(entries: readonly (readonly [unknown, Shape, Path])[]): void {
  const out: QuoteIssue[] = [];
  for (const [value, shape, path] of entries) {
    try {
      check(value, shape, path);
    } catch (error) {
      out.push(...(error as QuoteError).issues);
    }
  }
  if (out.length > 0) throw new QuoteError(out);
}

const source = object({ origine: text, reference: text }, { exemple: boolean });
const unite = object({ un: text, plusieurs: text });
const strate = object({ de: integer, a: nullable(integer) });
const issue = object({ code: text, path: list((v, p, out) => (typeof v === 'string' || typeof v === 'number' ? undefined : wrong(p, 'string', v, out))), message: text, params: object({}) });

/** Le calcul d'une ligne : sa forme selon son type. */
const CALCULS: Readonly<Record<string, Shape>> = {
  fixe: object({ montant: amount }),
  produit: object({ quantite: amount, unite, prixUnitaire: amount, montant: amount }, { demandee: amount }),
  pondere: object({ unites: amount, unite, coefficient: amount, prixUnitaire: amount, montant: amount }),
  case: object({ strate, quotaGo: integer, montant: amount }),
  proportionnel: object({ population: integer, prixParHabitant: amount, brut: amount, retenu: text, montant: amount }, { plancher: amount, plafond: amount }),
  parStrate: object({ strate, population: integer, montant: amount }),
};

const calcul: Shape = (v, p, out) => {
  object({ type: text })(v, p, out);
  const type = typeof v === 'object' && v !== null ? (v as { type?: unknown }).type : undefined;
  const shape = typeof type === 'string' && Object.hasOwn(CALCULS, type) ? CALCULS[type] : undefined;
  if (shape !== undefined) shape(v, p, out);
  else if (typeof type === 'string') out.push(documentIssue('ENTREE_INVALIDE', [...p, 'type'], { raison: 'type', attendu: 'calcul', recu: describeValue(type) }));
};

const ligne = object(
  { prestation: text, composante: text, libelle: text, siren: text, quantite: amount, unite: text, prixUnitaire: amount, montant: amount, detail: text, calcul, source },
  { remarque: text, inclusDOffice: boolean, ponctuelle: boolean, intervention: object({ rang: integer, sur: integer }) },
);
const adresse = object({ voie: text, codePostal: text, ville: text }, { complement: text, lieuDit: text });
const destinataire = object({ siren: text }, { nom: text, type: text, siret: text, codeService: text, engagement: text, adresse });
const facture = object({ siren: text, lignes: list(ligne), total: amount }, { nom: text, destinataire, totalPartiel: boolean });
const avertissement = issue;
const manquant = object({ prestation: text, composante: text, libelle: text, siren: text });

/** Un devis, tel que le rend `quote` (ou relu d'un fichier). */
export const QUOTE: Shape = object(
  {
    millesime: integer,
    collectivite: object({ nom: text, siren: text, type: text }, { population: integer, parcTransfere: boolean, siret: text, codeService: text, engagement: text, adresse }),
    lignes: list(ligne),
    factures: list(facture),
    total: amount,
    avertissements: list(avertissement),
    remarques: list(avertissement),
    totalPartiel: boolean,
    manquants: list(manquant),
  },
  { destinataires: list(destinataire) },
);

const ecart = { avant: nullable(amount), apres: nullable(amount), ecart: amount, ecartPourcent: nullable(amount) };
const cote = nullable(object({ total: amount }, { exemple: boolean }));

/** Un adhérent comparé, tel que le rend `compareCatalogues`. */
export const ADHERENT_COMPARE: Shape = object({
  index: integer,
  siren: nullable(text),
  nom: nullable(text),
  avant: cote,
  apres: cote,
  ecart: nullable(amount),
  ecartPourcent: nullable(amount),
  lignes: list(object({ ...ecart, prestation: text, composante: text, siren: text })),
  factures: list(object({ ...ecart, siren: text })),
  refus: object({}, { avant: list(issue), apres: list(issue) }),
});

/** La synthèse d'une comparaison. */
export const SYNTHESE: Shape = object(
  {
    avant: amount,
    apres: amount,
    ecart: amount,
    ecartPourcent: nullable(amount),
    parPrestation: list(object({ ...ecart, prestation: text, libelle: text })),
    enHausse: integer,
    enBaisse: integer,
    stables: integer,
    acceptesAvant: integer,
    acceptesApres: integer,
    conflits: object({ avant: list(issue), apres: list(issue) }),
  },
  { factureDeuxFois: object({ avant: amount, apres: amount }) },
);

/** Une comparaison, telle que la rend `compareCatalogues`. */
export const COMPARAISON: Shape = object({ adherents: list(ADHERENT_COMPARE), synthese: SYNTHESE });

/** Les catalogues comparés d'un rapport, et son titre. */
export const COMPARISON_OPTIONS: Shape = object(
  { avant: object({ millesime: integer, libelle: text, prestations: object({}) }), apres: object({ millesime: integer, libelle: text, prestations: object({}) }) },
  { titre: text },
);
