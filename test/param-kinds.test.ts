/**
 * La table des sortes de paramètre : une entrée par sorte, d'où viennent le type, le schéma, la
 * vérification rapide, la borne en mots et la saisie en texte de chaque paramètre déclaré.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, PARAM_KINDS, paramBounds, paramHelp, REGISTRY, safePricePrestation, splitListInput, type ParamDeclaration } from '../src/index.js';
import { catalogueTest } from './helpers.js';

const PARAMS: [string, string, ParamDeclaration][] = REGISTRY.prestations.flatMap((d) => Object.entries(d.parametres).map(([name, p]) => [d.id, name, p] as [string, string, ParamDeclaration]));

describe('sortes de paramètre', () => {
  it('chaque paramètre déclaré est d’une sorte de la table, publiée gelée', () => {
    expect(Object.keys(PARAM_KINDS).sort()).toEqual(['decimal', 'durees', 'entier', 'sirens']);
    for (const [, , p] of PARAMS) expect(Object.keys(PARAM_KINDS)).toContain(p.type);
    expect(Object.isFrozen(PARAM_KINDS)).toBe(true);
    expect(Object.isFrozen(PARAM_KINDS.durees.saisie)).toBe(true);
    expect(PARAM_KINDS.sirens).toEqual({
      attendu: 'une liste de SIREN',
      saisie: { forme: 'liste', separateurs: ',;\n', element: 'siren', consigne: 'Séparez-les par des virgules.' },
    });
    expect(PARAM_KINDS.entier.saisie).toEqual({ forme: 'nombre', entier: true });
  });

  it('l’aide d’un paramètre est celle que le simulateur affiche : borne d’un nombre, consigne d’une liste', () => {
    for (const [id, name, p] of PARAMS) {
      const attendue =
        p.type === 'sirens'
          ? `${p.aide} Séparez-les par des virgules.`
          : p.type === 'durees'
            ? `${p.aide} Séparez-les par des points-virgules (0,5 ; 1).`
            : `${p.aide} (${p.type === 'entier' ? 'entier' : 'nombre'} de ${p.minExclu ? 'plus de ' : ''}${formatNumber(p.min)} à ${formatNumber(p.max)} ${p.unite})`;
      expect(paramHelp(p), `${id}.${name}`).toBe(attendue);
    }
    expect(paramBounds(REGISTRY.prestations.find((d) => d.id === 'secretariatMairie')!.parametres['interventions']!)).toBe(
      'de 1 à 366 durées, chacune de plus de 0 à 366 jours',
    );
  });

  it('la borne dite est celle que la validation applique', () => {
    const jours = (value: unknown) => safePricePrestation('secretariatMairie', { jours: value } as never, { catalogue: catalogueTest }).success;
    expect([jours(0), jours(0.01), jours(366), jours(366.5)]).toEqual([false, true, true, false]);
    const durees = (value: unknown) => safePricePrestation('secretariatMairie', { interventions: value } as never, { catalogue: catalogueTest }).success;
    expect([durees([]), durees([0.5, 1]), durees([0]), durees([367])]).toEqual([false, true, false, false]);
    expect(durees(Array.from({ length: 367 }, () => 1))).toBe(false);
  });
});

describe('splitListInput', () => {
  it('coupe une saisie à chacun des séparateurs de sa sorte, sans espaces autour ni éléments vides', () => {
    expect(splitListInput(' 0,5 ;1 ;; 2\n', PARAM_KINDS.durees.saisie as { separateurs: string })).toEqual(['0,5', '1', '2']);
    expect(splitListInput('200000172, 200 000 107\n', { separateurs: ',;\n' })).toEqual(['200000172', '200 000 107']);
    expect(splitListInput('  ', { separateurs: ';' })).toEqual([]);
  });

  it('propriété : des éléments sans séparateur, joints par un séparateur, se retrouvent tels quels', () => {
    const element = fc.stringMatching(/^[0-9a-z,]+$/);
    fc.assert(
      fc.property(fc.array(element), fc.constantFrom(';', '\n'), (elements, sep) => {
        expect(splitListInput(elements.join(` ${sep} `), { separateurs: ';\n' })).toEqual(elements);
      }),
      { numRuns: 100 },
    );
  });
});
