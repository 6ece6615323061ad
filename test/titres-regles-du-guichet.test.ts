/**
 * Les règles que le schéma PES V2 n'exprime pas (annotations des schémas, grille du guichet) et
 * celles de « rien d'inventé » : chacune a son flux qui la brise, et son problème codé qui la nomme.
 */
import { describe, expect, it } from 'vitest';
import type { QuoteIssue } from '@te90/tarifs';
import { renderPesAller, safeRenderPesAller } from '@te90/tarifs/titres';
import { ADRESSE, PARAMETRES, debiteur, facture, ligne, role, validate } from './titres-fixtures.js';

const problems = (r: unknown, p: unknown = PARAMETRES): QuoteIssue[] => {
  const out = safeRenderPesAller(r, p);
  if (out.success) throw new Error('un flux a été produit');
  return [...out.issues];
};
const summary = (issues: readonly QuoteIssue[]) => issues.map((i) => [i.code, i.path.join('.'), i.params['raison'] ?? null]);
const ok = role([facture(debiteur(), [ligne()])]);

describe('règles du guichet et données manquantes : un problème codé, aucun flux', () => {
  it('le rôle de référence de ces tests donne un flux valide', () => {
    expect(validate([renderPesAller(ok as never, PARAMETRES).octets])).toEqual(['']);
  });

  it('un rôle qui a des conflits ne donne aucun flux : chaque conflit est nommé', () => {
    const conflit = { code: 'SIREN_FACTURE_DEUX_FOIS', path: [], message: '…', params: { siren: '219000494' } };
    const issues = problems(role([facture(debiteur(), [ligne()])], { conflits: [conflit, { ...conflit, code: 'DEBITEUR_CONTRADICTOIRE' }] }));
    expect(summary(issues)).toEqual([
      ['ROLE_NON_EMISSIBLE', 'role.conflits.0', 'conflit'],
      ['ROLE_NON_EMISSIBLE', 'role.conflits.1', 'conflit'],
    ]);
    expect(issues[1]!.params).toMatchObject({ code: 'DEBITEUR_CONTRADICTOIRE', siren: '219000494' });
    expect(issues[0]!.message).toContain('SIREN_FACTURE_DEUX_FOIS');
  });

  it('un rôle qui a des adhésions refusées ne donne aucun flux : chaque refus est nommé', () => {
    const issues = problems(role([facture(debiteur(), [ligne()])], { refus: [{ index: 3, siren: '200000172', fichier: 'ccas.json', issues: [] }], refuses: 1 }));
    expect(summary(issues)).toEqual([['ROLE_NON_EMISSIBLE', 'role.refus.0', 'refus']]);
    expect(issues[0]!.params).toMatchObject({ index: 3, siren: '200000172', fichier: 'ccas.json' });
    expect(issues[0]!.message).toContain('n° 4 (ccas.json)');
  });

  it('un débiteur sans nature, sans adresse ou sans nom est nommé', () => {
    const { type: _t, adresse: _a, nom: _n, ...nu } = debiteur();
    const issues = problems(role([facture(nu, [ligne()])]));
    expect(summary(issues)).toEqual([
      ['DEBITEUR_INCOMPLET', 'role.factures.0.debiteur.nom', 'nom'],
      ['DEBITEUR_INCOMPLET', 'role.factures.0.debiteur.type', 'type'],
      ['DEBITEUR_INCOMPLET', 'role.factures.0.debiteur.adresse', 'adresse'],
    ]);
    expect(issues.every((i) => i.params['siren'] === '219000494')).toBe(true);
  });

  it('un débiteur de nature « autre » sans catégorie de tiers dans les paramètres est nommé', () => {
    const issues = problems(role([facture(debiteur({ type: 'autre' }), [ligne()])]));
    expect(summary(issues)).toEqual([['CATEGORIE_TIERS_INCONNUE', 'role.factures.0.debiteur.type', null]]);
    expect(issues[0]!.message).toContain('categoriesTiers');
  });

  it('une prestation (ou composante) du rôle sans imputation est nommée', () => {
    const issues = problems(role([facture(debiteur(), [ligne({ prestation: 'dpo', composante: 'abonnement' }), ligne({ prestation: 'dpo', composante: 'abonnement' })])]));
    expect(summary(issues)).toEqual([
      ['IMPUTATION_MANQUANTE', 'role.factures.0.lignes.0.prestation', null],
      ['IMPUTATION_MANQUANTE', 'role.factures.0.lignes.1.prestation', null],
    ]);
    expect(issues[0]!.params).toEqual({ prestation: 'dpo', composante: 'abonnement', siren: '219000494' });
  });

  it('un montant négatif, au-delà du centime ou illisible ne se titre pas', () => {
    const f = { debiteur: debiteur(), lignes: [ligne({ montant: '-5.00' }), ligne({ montant: '1.005' }), ligne({ montant: '12,50' })], total: '0.00' };
    const issues = problems(role([], { factures: [f], total: '0.00' }));
    expect(summary(issues).filter(([c]) => c === 'MONTANT_NON_EMISSIBLE')).toEqual([
      ['MONTANT_NON_EMISSIBLE', 'role.factures.0.lignes.0.montant', 'negatif'],
      ['MONTANT_NON_EMISSIBLE', 'role.factures.0.lignes.1.montant', 'centimes'],
      ['MONTANT_NON_EMISSIBLE', 'role.factures.0.lignes.2.montant', 'format'],
    ]);
  });

  it('un rôle incohérent (total d’une facture ou du rôle différent de la somme de ses lignes) est refusé', () => {
    const f = { ...facture(debiteur(), [ligne()]), total: '99.00' };
    const issues = problems({ ...role([f]), total: '99.00' });
    expect(summary(issues)).toEqual([['ROLE_NON_EMISSIBLE', 'role.factures.0.total', 'total']]);
    expect(summary(problems({ ...ok, total: '1.00' }))).toEqual([['ROLE_NON_EMISSIBLE', 'role.total', 'total']]);
  });

  it('un rôle sans rien à titrer : un bordereau compte au moins un titre (NbrPce ≥ 1, MtBordHt > 0)', () => {
    expect(summary(problems(role([])))).toEqual([['ROLE_NON_EMISSIBLE', 'role.factures', 'vide']]);
    expect(summary(problems(role([facture(debiteur(), [ligne({ montant: '0.00' })])])))).toEqual([['ROLE_NON_EMISSIBLE', 'role.factures', 'vide']]);
  });

  it('un caractère que l’ISO-8859-1 ne sait pas écrire, sans équivalent évident, est refusé à son champ', () => {
    const issues = problems(role([facture(debiteur({ nom: 'Mairie 🏛' }), [ligne({ libellePrestation: 'Prestation à 10 €' })])]));
    expect(summary(issues)).toEqual([
      ['CARACTERE_NON_LATIN1', 'role.factures.0.lignes.0.libellePrestation', null],
      ['CARACTERE_NON_LATIN1', 'role.factures.0.debiteur.nom', null],
    ]);
    expect(issues[0]!.params).toEqual({ zone: 'ObjLignePce', caractere: 'U+20AC', position: 17 });
    expect(issues[1]!.params).toMatchObject({ caractere: 'U+1F3DB', position: 8 });
    const p = problems(ok, { ...PARAMETRES, objets: { ...PARAMETRES.objets, ligne: 'Службы {prestation}' } });
    expect(summary(p)).toEqual([['CARACTERE_NON_LATIN1', 'parametres.objets.ligne', null]]);
  });

  it('un nom qui ne tient pas en Nom + ComplNom (38 + 38, coupés entre deux mots) est refusé', () => {
    const long = 'Communauté de communes du Sud Territoire et des Vosges Saônoises réunies';
    expect(summary(problems(role([facture(debiteur({ nom: long }), [ligne()])])))).toEqual([['ZONE_PES_INVALIDE', 'role.factures.0.debiteur.nom', 'nom']]);
    const sansEspace = 'X'.repeat(45);
    expect(summary(problems(role([facture(debiteur({ nom: sansEspace }), [ligne()])])))).toEqual([['ZONE_PES_INVALIDE', 'role.factures.0.debiteur.nom', 'nom']]);
  });

  it('un objet de titre ou de ligne de plus de 160 caractères est refusé, au titre ou à la ligne', () => {
    const p = { ...PARAMETRES, objets: { ...PARAMETRES.objets, ligne: `${'L'.repeat(140)} {prestation}` } };
    expect(summary(problems(ok, p))).toEqual([['ZONE_PES_INVALIDE', 'role.factures.0.lignes.0', 'longueur']]);
  });

  it('une adresse qui ne suit pas la norme postale du flux (38 caractères, code postal à 5 chiffres) est refusée', () => {
    const adresse = { ...ADRESSE, voie: 'V'.repeat(39), codePostal: '9015' };
    expect(summary(problems(role([facture(debiteur({ adresse }), [ligne()])])))).toEqual([
      ['ZONE_PES_INVALIDE', 'role.factures.0.debiteur.adresse.voie', 'longueur'],
      ['ENTREE_INVALIDE', 'role.factures.0.debiteur.adresse.codePostal', 'format'],
    ]);
  });

  it('Edition 02 exige un SIRET valide du débiteur : clé fausse ou SIRET d’un autre SIREN refusés', () => {
    expect(summary(problems(role([facture(debiteur({ siret: '21900049400018' }), [ligne()])])))).toEqual([['SIRET_INVALIDE', 'role.factures.0.debiteur.siret', 'cle']]);
    expect(summary(problems(role([facture(debiteur({ siret: '99999999900009' }), [ligne()])])))).toEqual([['SIRET_INVALIDE', 'role.factures.0.debiteur.siret', 'siren']]);
  });

  it('un code service ou un engagement sans SIRET (pas de titre Chorus Pro) n’est jamais perdu en silence', () => {
    const issues = problems(role([facture(debiteur({ engagement: 'EJ-1' }), [ligne()])]));
    expect(summary(issues)).toEqual([['DEBITEUR_INCOMPLET', 'role.factures.0.debiteur.siret', 'chorus']]);
  });

  it('un engagement fait de zéros ne remplit pas sa zone (V_BaseAlphanum)', () => {
    const issues = problems(role([facture(debiteur({ siret: '21900049400019', engagement: '000' }), [ligne()])]));
    expect(summary(issues)).toEqual([['ZONE_PES_INVALIDE', 'role.factures.0.debiteur.engagement', 'vide']]);
  });

  it('les numéros de titre tiennent en 8 chiffres ; un NumeroFacture en 20 caractères', () => {
    const two = role([facture(debiteur(), [ligne()]), facture(debiteur({ siren: '200000172', type: 'ccas' }), [ligne()])]);
    expect(summary(problems(two, { ...PARAMETRES, premierePiece: 99_999_999 }))).toEqual([['NUMEROTATION_HORS_LIMITES', 'parametres.premierePiece', 'piece']]);
    const chorus = role([facture(debiteur({ siret: '21900049400019' }), [ligne()])]);
    const issues = problems(chorus, { ...PARAMETRES, bordereau: 9_999_999, premierePiece: 99_999_990 });
    expect(summary(issues)).toEqual([['NUMEROTATION_HORS_LIMITES', 'parametres.bordereau', 'numeroFacture']]);
    expect(issues[0]!.params).toMatchObject({ numero: '2026-9999999-99999990', limite: 20 });
  });

  it('l’exercice est le millésime du rôle ; la date d’émission dans l’exercice ou l’année qui le suit', () => {
    expect(summary(problems(ok, { ...PARAMETRES, exercice: 2027, dateEmission: '2027-01-05' }))).toEqual([['EXERCICE_INCOHERENT', 'parametres.exercice', 'millesime']]);
    expect(summary(problems(ok, { ...PARAMETRES, dateEmission: '2025-12-31' }))).toEqual([['EXERCICE_INCOHERENT', 'parametres.dateEmission', 'date']]);
    expect(renderPesAller(ok as never, { ...PARAMETRES, dateEmission: '2027-01-15' }).titres).toBe(1);
  });

  it('tous les problèmes à la fois : paramètres et rôle', () => {
    const { adresse: _a, ...sansAdresse } = debiteur();
    const issues = problems(role([facture(sansAdresse, [ligne({ prestation: 'dpo' })])]), { ...PARAMETRES, codCol: '12' });
    expect(summary(issues)).toEqual([['ENTREE_INVALIDE', 'parametres.codCol', 'format']]);
    const both = problems(role([facture(sansAdresse, [ligne({ prestation: 'dpo' })])]));
    expect(summary(both)).toEqual([
      ['IMPUTATION_MANQUANTE', 'role.factures.0.lignes.0.prestation', null],
      ['DEBITEUR_INCOMPLET', 'role.factures.0.debiteur.adresse', 'adresse'],
    ]);
  });

  it('chaque message est en français et rédigé à partir de ses paramètres', () => {
    const issues = problems(role([facture(debiteur({ type: 'autre', nom: 'Syndicat 🏛' }), [ligne({ prestation: 'dpo' })])]));
    for (const i of issues) expect(i.message).toMatch(/^[A-ZÀ-Ü]/);
  });
});
