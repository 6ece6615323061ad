/**
 * Le rôle de facturation lu comme une donnée (il peut venir d'un fichier JSON) : une seule lecture
 * (`readInput`), puis ce dont le flux a besoin, chaque manque étant un problème à son chemin. Les
 * champs que le rôle a en plus sont ignorés.
 */
import { ADRESSE_FIELDS, describeValue, readInput, type Adresse, type Destinataire, type Path, type QuoteIssue } from '@te90/tarifs';
import { titresIssue } from './issues.js';

/** Un débiteur du rôle : un destinataire, dont la nature, lue d'un fichier, est un texte quelconque. @internal */
export type DebiteurLu = Omit<Destinataire, 'type'> & { readonly type?: string | undefined };

/** Une ligne du rôle. @internal */
export interface LigneLue {
  readonly prestation: string;
  readonly composante: string;
  readonly libelle: string;
  readonly libellePrestation: string;
  readonly montant: string;
  readonly ponctuelle: boolean;
  readonly adherent: string;
}

/** Une facture du rôle. @internal */
export interface FactureLue {
  readonly debiteur: DebiteurLu;
  readonly lignes: readonly LigneLue[];
  readonly total: string;
}

/** Le rôle, lu. @internal */
export interface RoleLu {
  readonly millesime: number;
  readonly factures: readonly FactureLue[];
  readonly total: string;
  readonly refus: readonly { readonly index: number; readonly siren: string | null; readonly fichier: string | null }[];
  readonly conflits: readonly { readonly code: string; readonly siren: string | null }[];
}

type Rec = Readonly<Record<string, unknown>>;

class Reader {
  readonly issues: QuoteIssue[] = [];

  record(value: unknown, path: Path): Rec | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Rec;
    this.issues.push(
      value === undefined
        ? titresIssue('CHAMP_MANQUANT', path, { raison: path.length <= 1 ? 'racine' : 'champ', attendu: 'object' })
        : titresIssue('ENTREE_INVALIDE', path, { raison: 'type', attendu: 'object', recu: describeValue(value) }),
    );
    return undefined;
  }

  list(value: unknown, path: Path): readonly unknown[] | undefined {
    if (Array.isArray(value)) return value;
    this.issues.push(
      value === undefined
        ? titresIssue('CHAMP_MANQUANT', path, { raison: 'champ', attendu: 'array' })
        : titresIssue('ENTREE_INVALIDE', path, { raison: 'type', attendu: 'array', recu: describeValue(value) }),
    );
    return undefined;
  }

  text(rec: Rec, key: string, path: Path, requis: true): string;
  text(rec: Rec, key: string, path: Path, requis: false): string | undefined;
  text(rec: Rec, key: string, path: Path, requis: boolean): string | undefined {
    const value = rec[key];
    if (value === undefined && !requis) return undefined;
    if (typeof value === 'string') return value;
    this.issues.push(
      value === undefined
        ? titresIssue('CHAMP_MANQUANT', [...path, key], { raison: 'champ', attendu: 'string' })
        : titresIssue('ENTREE_INVALIDE', [...path, key], { raison: 'type', attendu: 'string', recu: describeValue(value) }),
    );
    return '';
  }

  integer(rec: Rec, key: string, path: Path): number {
    const value = rec[key];
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    this.issues.push(
      value === undefined
        ? titresIssue('CHAMP_MANQUANT', [...path, key], { raison: 'champ', attendu: 'integer' })
        : titresIssue('ENTREE_INVALIDE', [...path, key], { raison: 'type', attendu: 'integer', recu: describeValue(value) }),
    );
    return 0;
  }
}

function readAdresse(r: Reader, value: unknown, path: Path): Adresse | undefined {
  if (value === undefined) return undefined;
  const rec = r.record(value, path);
  if (rec === undefined) return undefined;
  // Les champs d'une adresse et ceux qui sont obligatoires, tels que le noyau les déclare.
  const out: Record<string, string | undefined> = {};
  for (const [key, field] of Object.entries(ADRESSE_FIELDS)) {
    const text = field.requis ? r.text(rec, key, path, true) : r.text(rec, key, path, false);
    if (text !== undefined) out[key] = text;
  }
  return out as unknown as Adresse;
}

function readFacture(r: Reader, value: unknown, path: Path): FactureLue | undefined {
  const rec = r.record(value, path);
  if (rec === undefined) return undefined;
  const dPath = [...path, 'debiteur'];
  const d = r.record(rec['debiteur'], dPath);
  const lignes: LigneLue[] = [];
  const list = r.list(rec['lignes'], [...path, 'lignes']) ?? [];
  list.forEach((l, j) => {
    const lPath = [...path, 'lignes', j];
    const lr = r.record(l, lPath);
    if (lr === undefined) return;
    const ad = r.record(lr['adherent'], [...lPath, 'adherent']);
    const ponctuelle = lr['ponctuelle'];
    if (ponctuelle !== undefined && ponctuelle !== true) r.issues.push(titresIssue('VALEUR_NON_ADMISE', [...lPath, 'ponctuelle'], { raison: 'choix', valeurs: ['true'], recu: describeValue(ponctuelle) }));
    lignes.push({
      prestation: r.text(lr, 'prestation', lPath, true),
      composante: r.text(lr, 'composante', lPath, true),
      libelle: r.text(lr, 'libelle', lPath, true),
      // Le libellé de la prestation tel que le catalogue du rôle le donne (pas le registre intégré).
      libellePrestation: r.text(lr, 'libellePrestation', lPath, true),
      montant: r.text(lr, 'montant', lPath, true),
      ponctuelle: ponctuelle === true,
      adherent: ad === undefined ? '' : r.text(ad, 'nom', [...lPath, 'adherent'], true),
    });
  });
  const total = r.text(rec, 'total', path, true);
  if (d === undefined) return undefined;
  const debiteur: DebiteurLu = {
    siren: r.text(d, 'siren', dPath, true),
    nom: r.text(d, 'nom', dPath, false),
    type: r.text(d, 'type', dPath, false),
    siret: r.text(d, 'siret', dPath, false),
    codeService: r.text(d, 'codeService', dPath, false),
    engagement: r.text(d, 'engagement', dPath, false),
    adresse: readAdresse(r, d['adresse'], [...dPath, 'adresse']),
  };
  return { debiteur, lignes, total };
}

/**
 * Lit le rôle une seule fois et en garde ce dont le flux a besoin ; rend aussi les problèmes de
 * forme, chacun à son chemin sous `path`.
 *
 * @internal
 */
export function readRole(value: unknown, path: Path): { readonly role: RoleLu | undefined; readonly issues: readonly QuoteIssue[] } {
  const read = readInput(value, path);
  if (read.issues.length > 0) return { role: undefined, issues: read.issues };
  const r = new Reader();
  const rec = r.record(read.value, path);
  if (rec === undefined) return { role: undefined, issues: r.issues };
  const millesime = r.integer(rec, 'millesime', path);
  const factures = (r.list(rec['factures'], [...path, 'factures']) ?? []).map((f, i) => readFacture(r, f, [...path, 'factures', i]));
  const total = r.text(rec, 'total', path, true);
  const refus = (r.list(rec['refus'], [...path, 'refus']) ?? []).map((x, i) => {
    const xr = r.record(x, [...path, 'refus', i]);
    const siren = xr?.['siren'];
    const fichier = xr?.['fichier'];
    return { index: typeof xr?.['index'] === 'number' ? xr['index'] : i, siren: typeof siren === 'string' ? siren : null, fichier: typeof fichier === 'string' ? fichier : null };
  });
  const conflits = (r.list(rec['conflits'], [...path, 'conflits']) ?? []).map((x, i) => {
    const xr = r.record(x, [...path, 'conflits', i]);
    const params = xr?.['params'];
    const siren = typeof params === 'object' && params !== null ? (params as Rec)['siren'] : undefined;
    return { code: typeof xr?.['code'] === 'string' ? xr['code'] : 'CONFLIT', siren: typeof siren === 'string' ? siren : null };
  });
  if (r.issues.length > 0) return { role: undefined, issues: r.issues };
  return { role: { millesime, factures: factures as FactureLue[], total, refus, conflits }, issues: [] };
}
