/**
 * Les textes d'un catalogue, d'un fichier de tarifs ou d'une révision (libellés, références, unités,
 * notes, `source`) sont des données imprimées telles quelles par les documents et la ligne de
 * commande : un caractère de contrôle y est refusé, au chemin du champ qui le porte.
 */
import { describe, expect, it } from 'vitest';
import { catalogue2026, safeCompleteCatalogue, safeParseCatalogue, safeReviseCatalogue, type QuoteIssue } from '../src/index.js';

const FORGE = 'Accès\u001b]0;pwned\u0007\u001b[2J';

const copie = () => JSON.parse(JSON.stringify(catalogue2026)) as Record<string, any>;

/** Le refus d'un caractère de contrôle, où qu'il soit rangé (directement, ou sous un problème de catalogue). */
function controle(issues: readonly QuoteIssue[]): QuoteIssue[] {
  return issues.filter((i) => i.params['raison'] === 'caractereDeControle' || i.params['detail'] === 'caractereDeControle');
}

describe('caractères de contrôle dans les textes du catalogue : refusés, au nom du champ', () => {
  const CHAMPS: [string, (c: Record<string, any>) => void, (string | number)[]][] = [
    ['libellé du catalogue', (c) => (c.libelle = FORGE), ['libelle']],
    ['libellé d’une prestation', (c) => (c.prestations.dpo.libelle = FORGE), ['prestations', 'dpo', 'libelle']],
    ['description', (c) => (c.prestations.dpo.description = `x\n${FORGE}`), ['prestations', 'dpo', 'description']],
    ['libellé d’une composante', (c) => (c.prestations.marchesPublics.composantes.acces.libelle = FORGE), ['prestations', 'marchesPublics', 'composantes', 'acces', 'libelle']],
    ['référence d’une source', (c) => (c.prestations.marchesPublics.composantes.acces.source.reference = FORGE), ['prestations', 'marchesPublics', 'composantes', 'acces', 'source', 'reference']],
    ['unité', (c) => (c.prestations.maintenanceBase.composantes.postes.unite.un = 'poste\u0085'), ['prestations', 'maintenanceBase', 'composantes', 'postes', 'unite', 'un']],
  ];

  it.each(CHAMPS)('%s', (_, abime, chemin) => {
    const c = copie();
    abime(c);
    const r = safeParseCatalogue(c);
    expect(r.success).toBe(false);
    if (r.success) return;
    const found = controle(r.issues);
    expect(found.map((i) => i.path.join('.'))).toEqual([chemin.join('.')]);
    expect(found[0]!.code).toBe('CATALOGUE_INVALIDE');
    for (const i of r.issues) expect(i.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('la source d’un fichier de tarifs', () => {
    const r = safeCompleteCatalogue(catalogue2026, { millesime: 2026, source: FORGE, prestations: {} });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(controle(r.issues).map((i) => i.path.join('.'))).toEqual(['tarifs.source']);
  });

  it('le libellé et la source d’une révision', () => {
    const r = safeReviseCatalogue(catalogue2026, { millesime: 2027, libelle: FORGE, source: `Délibération\r\n${FORGE}` });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(controle(r.issues).map((i) => i.path.join('.')).sort()).toEqual(['revision.libelle', 'revision.source']);
  });

  it('témoin : le catalogue 2026, une révision et des tarifs propres sont admis', () => {
    expect(safeParseCatalogue(copie()).success).toBe(true);
    expect(safeReviseCatalogue(catalogue2026, { millesime: 2027, libelle: 'Catalogue « 2027 »', source: 'Délibération' }).success).toBe(true);
    expect(safeCompleteCatalogue(catalogue2026, { millesime: 2026, source: 'Délibération', prestations: {} }).success).toBe(true);
  });
});
