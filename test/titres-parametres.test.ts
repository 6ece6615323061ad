import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { safeParseParametres } from '@te90/tarifs/titres';
import { parametresPesJsonSchema } from '../scripts/json-schemas.js';
import { PARAMETRES_PES } from '../src/titres/parametres-rules.js';
import { PARAMETRES } from './titres-fixtures.js';

const ROOT = join(__dirname, '..');
const EXEMPLE = JSON.parse(readFileSync(join(ROOT, 'examples', 'parametres-pes-exemple.json'), 'utf8')) as Record<string, unknown>;
const raisons = (r: ReturnType<typeof safeParseParametres>) => (r.success ? [] : r.issues.map((i) => [i.path.join('.'), i.code, i.params['raison'] ?? null]));

describe('le fichier des paramètres comptables des titres', () => {
  it('le fichier d’exemple se lit, est marqué comme exemple, et `$schema` n’est pas rendu', () => {
    const r = safeParseParametres(EXEMPLE);
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.data.exemple).toBe(true);
      expect(r.data.siret).toBe('99999999900009');
      expect('$schema' in r.data).toBe(false);
    }
  });

  it('tous les problèmes à la fois, chacun à son chemin : manquants, formats, champs inconnus, caractères de contrôle, modèles', () => {
    const r = safeParseParametres({
      posteComptable: '12345',
      siret: '99999999900008',
      codCol: '000',
      codBud: 'ab',
      exercice: 2026.5,
      bordereau: 0,
      dateEmission: '2026-02-30',
      objets: { abonnements: 'Titre {annee}', ponctuelles: 'Ponctuel\u001b', ligne: '' },
      imputations: { 'pack-demat': { nature: '7068', codProdLoc: 'PD' }, dpo: { nature: '0', codProdLoc: 'TROPLONG', composantes: { abonnement: { nature: '7068' } } } },
      categoriesTiers: { '123': { catTiers: '01', natJur: '09' } },
      tva: true,
    });
    expect(raisons(r)).toEqual([
      ['posteComptable', 'ENTREE_INVALIDE', 'format'],
      ['siret', 'SIRET_INVALIDE', 'cle'],
      ['codCol', 'ENTREE_INVALIDE', 'format'],
      ['codBud', 'ENTREE_INVALIDE', 'format'],
      ['exercice', 'VALEUR_HORS_LIMITES', 'entier'],
      ['bordereau', 'VALEUR_HORS_LIMITES', 'entier'],
      ['premierePiece', 'CHAMP_MANQUANT', 'champ'],
      ['dateEmission', 'ENTREE_INVALIDE', 'date'],
      ['objets.abonnements', 'VALEUR_NON_ADMISE', 'modele'],
      ['objets.ponctuelles', 'VALEUR_NON_ADMISE', 'caractereDeControle'],
      ['objets.ligne', 'VALEUR_HORS_LIMITES', 'minimum'],
      ['imputations.pack-demat', 'ENTREE_INVALIDE', 'format'],
      ['imputations.dpo.nature', 'ENTREE_INVALIDE', 'format'],
      ['imputations.dpo.codProdLoc', 'ENTREE_INVALIDE', 'format'],
      ['imputations.dpo.composantes.abonnement.codProdLoc', 'CHAMP_MANQUANT', 'champ'],
      ['categoriesTiers.123', 'ENTREE_INVALIDE', 'format'],
      ['tva', 'CHAMP_INCONNU', null],
    ]);
    if (!r.success) expect(r.issues.find((i) => i.path[0] === 'objets')!.message).toBe("Le modèle cite « {annee} », qu'il ne connaît pas ; admis : {exercice}, {debiteur}.");
  });

  it('rien de supposé : sans fichier, chaque champ obligatoire est nommé', () => {
    expect(raisons(safeParseParametres(undefined))).toEqual([['', 'CHAMP_MANQUANT', 'racine']]);
    const required = Object.entries(PARAMETRES_PES)
      .filter(([, r]) => r.requis)
      .map(([n]) => n);
    expect(raisons(safeParseParametres({}))).toEqual(required.map((n) => [n, 'CHAMP_MANQUANT', 'champ']));
  });

  it('lu une seule fois : un getter qui lève est un problème à son chemin, jamais une exception', () => {
    const hostile = { ...PARAMETRES, get codCol(): string { throw new Error('boum'); } };
    const r = safeParseParametres(hostile);
    expect(raisons(r)).toEqual([['codCol', 'ENTREE_INVALIDE', 'illisible']]);
  });

  it('le schéma JSON (déduit des mêmes règles) accepte l’exemple et refuse un fichier faux au bon endroit', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const built = JSON.parse(readFileSync(join(ROOT, 'dist', 'schemas', 'parametres-pes.schema.json'), 'utf8')) as object;
    expect(built).toEqual(JSON.parse(JSON.stringify(parametresPesJsonSchema())));
    const valider = ajv.compile(built);
    expect(EXEMPLE['$schema']).toBe('../dist/schemas/parametres-pes.schema.json');
    expect(valider(EXEMPLE)).toBe(true);
    expect(valider({ ...EXEMPLE, codBud: 'ab' })).toBe(false);
    expect(valider.errors?.[0]?.instancePath).toBe('/codBud');
    expect(valider({ ...EXEMPLE, imputations: { dpo: { nature: '7068' } } })).toBe(false);
    expect(valider.errors?.[0]?.instancePath).toBe('/imputations/dpo');
    expect(valider({ ...EXEMPLE, tva: 1 })).toBe(false);
  });

  it('chaque champ du fichier est présenté dans le guide, avec où le syndicat le trouve', () => {
    const guide = readFileSync(join(ROOT, 'docs', 'guide.md'), 'utf8');
    const section = guide.slice(guide.indexOf('Du rôle de facturation aux titres de recettes'));
    for (const name of Object.keys(PARAMETRES_PES).filter((n) => n !== '$schema')) expect(section, name).toContain(`\`${name}\``);
  });
});
