/**
 * Propriété, du lot au flux : des lots d'adhésions tirés au hasard (de vraies `Adhesion`, chiffrées
 * par `billingRoll` sur le catalogue intégré complété par les montants d'exemple) deviennent des flux
 * PES V2 valides (xmllint, tous les flux en un seul appel) dont les lignes font, au centime, le total
 * du rôle, le montant du bordereau et la facture de chaque débiteur.
 *
 * Les lots partagent des SIREN : un pack démat facture d'autres SIREN (membres du lot ou non), que
 * l'adhésion qui les liste décrit, et que d'autres adhésions décrivent aussi (en entier ou en
 * partie), toujours de même. Les noms, voies, villes, codes service et engagements portent `<&"'>`,
 * des accents, l'apostrophe typographique, « œ », le tiret demi-cadratin. Chaque SIREN est au plus
 * dans un pack : les lots tirés n'ont ni conflit ni refus, et le rendu doit réussir. Une seconde
 * propriété y introduit un conflit (une collectivité deux fois, un SIREN facturé deux fois le pack,
 * un débiteur décrit autrement) : le rôle le signale, et aucun flux n'est rendu.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billingRoll, catalogue2026, completeCatalogue, isValidSiret, registryOf, type Adhesion, type BillingRoll, type Tarifs } from '@te90/tarifs';
import { renderPesAller, safeRenderPesAller, type ParametresPes } from '@te90/tarifs/titres';
import { adhesionArbFor, sirenArb } from './arbitraries.js';
import { PARAMETRES, sum, validate } from './titres-fixtures.js';

const TARIFS = JSON.parse(readFileSync(join(__dirname, '..', 'examples', 'tarifs-exemple.json'), 'utf8')) as Tarifs;
const catalogue = completeCatalogue(catalogue2026, TARIFS);

/** Une imputation pour chaque prestation du registre (déduites de lui), et une par composante pour l'une d'elles. */
const parametres: ParametresPes = {
  ...PARAMETRES,
  imputations: Object.fromEntries(
    registryOf(catalogue).prestations.map((d, i) => [
      d.id,
      { nature: '70688', codProdLoc: `P${i + 1}`, ...(d.id === 'maintenanceBase' ? { composantes: { licenceBL: { nature: '70878', codProdLoc: 'LBL', fonction: '020' } } } : {}) },
    ]),
  ),
};

/** Des mots et ce qu'ils deviennent en ISO-8859-1 (l'écriture du flux), écrit ici à la main. */
const MOTS: readonly (readonly [string, string])[] = [
  ['Commune', 'Commune'],
  ['de', 'de'],
  ['l’Étoile', "l'Étoile"],
  ['Saint-Dizier', 'Saint-Dizier'],
  ['<&"\'>', '<&"\'>'],
  ['Œuvre', 'OEuvre'],
  ['CCAS', 'CCAS'],
  ['Sœurs', 'Soeurs'],
  ['Ève', 'Ève'],
  ["d'Héricourt", "d'Héricourt"],
  ['Bourg–sous–Bois', 'Bourg-sous-Bois'],
  ['Syndicat', 'Syndicat'],
];
/** Un nom de 1 à 4 mots (au plus 63 caractères : il tient dans `Nom` et `ComplNom`), et sa forme en ISO-8859-1. */
const nomArb = fc.array(fc.constantFrom(...MOTS), { minLength: 1, maxLength: 4 }).map((w) => ({ nom: w.map((m) => m[0]).join(' '), latin: w.map((m) => m[1]).join(' ') }));

/** Un SIRET valide d'un SIREN : un NIC de 4 chiffres et sa clé de Luhn. */
function siretOf(siren: string, nic: number): string {
  const body = siren + String(nic).padStart(4, '0');
  for (let key = 0; key <= 9; key++) if (isValidSiret(body + key)) return body + key;
  throw new Error('inatteignable');
}

/** Ce qu'une description entière dit d'une personne publique (sa collectivité, ou un destinataire). */
interface Description {
  readonly siren: string;
  readonly nom: string;
  readonly type: 'commune' | 'epci' | 'syndicat' | 'ccas';
  readonly siret?: string;
  readonly codeService?: string;
  readonly engagement?: string;
  readonly adresse: { readonly voie: string; readonly codePostal: string; readonly ville: string };
}

/** Une personne publique du lot : sa description, et son nom tel que le flux l'écrit (ISO-8859-1). */
interface Identite {
  readonly description: Description;
  readonly latin: string;
}

/** Une personne publique du lot : tout ce qu'en dit chaque description (la sienne, ou celle d'un destinataire). */
const identiteArb: fc.Arbitrary<Identite> = fc
  .record({
    siren: sirenArb,
    nom: nomArb,
    type: fc.constantFrom('commune', 'epci', 'syndicat', 'ccas'),
    voie: fc.constantFrom('1 rue de l’Église', '12 avenue Jean-Jaurès', 'Place <&"\'>', 'Chemin des Sœurs – bis'),
    codePostal: fc.integer({ min: 1000, max: 98_999 }).map((n) => String(n).padStart(5, '0')),
    ville: fc.constantFrom('Belfort', 'Évette-Salbert', 'L’Isle-sur-le-Doubs', 'Œuvre <&"\'>'),
    chorus: fc.option(
      fc.record({
        nic: fc.integer({ min: 1, max: 9999 }),
        codeService: fc.option(fc.constantFrom('DIRECTION', 'Service <&"\'> finances', 'Trésorerie’s'), { nil: undefined }),
        engagement: fc.option(fc.constantFrom('EJ-2026-001', 'BC <&"\'> 12', 'Engagement n° 7'), { nil: undefined }),
      }),
      { nil: undefined },
    ),
  })
  .map(({ siren, nom, type, voie, codePostal, ville, chorus }) => ({
    latin: nom.latin,
    description: {
      siren,
      nom: nom.nom,
      type,
      ...(chorus === undefined ? {} : { siret: siretOf(siren, chorus.nic) }),
      ...(chorus?.codeService === undefined ? {} : { codeService: chorus.codeService }),
      ...(chorus?.engagement === undefined ? {} : { engagement: chorus.engagement }),
      adresse: { voie, codePostal, ville },
    },
  }));

/** Une description d'un SIREN dans les destinataires : entière, ou son nom seul, ou son nom et sa nature. */
const PARTIELLES: readonly ((d: Description) => Partial<Description>)[] = [(d) => d, (d) => ({ siren: d.siren, nom: d.nom }), (d) => ({ siren: d.siren, nom: d.nom, type: d.type })];

interface Lot {
  readonly identites: readonly Identite[];
  readonly adhesions: Adhesion[];
}

/**
 * Un lot sans conflit : des personnes publiques (SIREN distincts), dont certaines adhèrent ; chaque
 * SIREN est facturé le pack démat par une adhésion au plus (la sienne ou une autre) ; l'adhésion qui
 * liste un SIREN qui n'adhère pas le décrit en entier ; chaque adhésion décrit aussi, au hasard,
 * d'autres SIREN du lot (en entier ou en partie).
 */
const lotArb: fc.Arbitrary<Lot> = fc
  .uniqueArray(identiteArb, { minLength: 1, maxLength: 7, selector: (i) => i.description.siren })
  .chain((identites) => {
    const n = identites.length;
    return fc.record({
      identites: fc.constant(identites),
      membres: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      prestations: fc.array(adhesionArbFor(catalogue), { minLength: n, maxLength: n }),
      // Pour chaque SIREN, l'adhésion (rang parmi les SIREN) qui lui facture le pack, ou personne.
      packs: fc.array(fc.integer({ min: -1, max: n - 1 }), { minLength: n, maxLength: n }),
      // Pour chaque adhésion et chaque SIREN, une description de plus : aucune, ou l'une des partielles.
      descriptions: fc.array(fc.array(fc.integer({ min: -2, max: PARTIELLES.length - 1 }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
    });
  })
  .map(({ identites, membres: tires, prestations, packs, descriptions }) => {
    // Au moins une adhésion (sans modifier la valeur tirée, que fast-check réutilise pour réduire un contre-exemple).
    const membres = tires.includes(true) ? tires : tires.map((_, i) => i === 0);
    const adhesions: Adhesion[] = [];
    identites.forEach((identite, m) => {
      if (!membres[m]) return;
      const { packDemat: _, ...autres } = prestations[m]!.prestations as Record<string, unknown>;
      const listes = identites.filter((_, s) => membres[packs[s]!] === true && packs[s] === m).map((i) => i.description.siren);
      const destinataires = identites.flatMap((autre, s) => {
        const listeNonMembre = listes.includes(autre.description.siren) && !membres[s];
        const k = descriptions[m]![s]!;
        if (listeNonMembre) return [autre.description];
        return k < 0 ? [] : [PARTIELLES[k]!(autre.description)];
      });
      adhesions.push({
        collectivite: { ...identite.description, population: prestations[m]!.collectivite.population },
        prestations: { ...autres, ...(listes.length === 0 ? {} : { packDemat: { sirens: listes } }) },
        ...(destinataires.length === 0 ? {} : { destinataires }),
      } as unknown as Adhesion);
    });
    return { identites, adhesions };
  });

const attr = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name} V="([^"]*)"/>`, 'g'))].map((m) => m[1]!);
const ENTITES: Readonly<Record<string, string>> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
const unescape = (v: string) => v.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ENTITES[e]!);
/** Les lignes du flux : le SIREN de leur tiers (son `IdTiers`, SIRET ou SIREN), leur montant, et le tiers lui-même. */
const lignesOf = (xml: string) =>
  xml
    .split('<LigneDePiece>')
    .slice(1)
    .map((l) => ({ idTiers: attr(l, 'IdTiers')[0]!, montant: attr(l, 'MtHT')[0]!, nom: [...attr(l, 'Nom'), ...attr(l, 'ComplNom')].map(unescape).join(' ') }));

describe('propriété : des lots tirés au hasard, du rôle au flux PES', () => {
  it('sans conflit ni refus, chaque flux est valide (xmllint) et ses lignes font le total du rôle, du bordereau et de chaque débiteur', () => {
    const flows: Uint8Array[] = [];
    fc.assert(
      fc.property(lotArb, ({ identites, adhesions }) => {
        const role: BillingRoll = billingRoll(adhesions, { catalogue });
        expect(role.refus).toEqual([]);
        expect(role.conflits).toEqual([]);
        const flux = renderPesAller(role, parametres);
        const lignes = lignesOf(flux.xml);
        // Au centime : les lignes font le total du rôle, le montant du bordereau et celui du flux.
        expect(sum(lignes.map((l) => l.montant))).toBe(role.total);
        expect(attr(flux.xml, 'MtBordHt')).toEqual([role.total]);
        expect(flux.total).toBe(role.total);
        expect(attr(flux.xml, 'NbrPce')).toEqual([String(flux.titres)]);
        // Chaque débiteur : ses lignes font sa facture, sous son SIRET s'il en a un (titre Edition 02), sinon son SIREN ; son nom tel qu'écrit en ISO-8859-1.
        const bySiren = new Map(identites.map((i) => [i.description.siren, i]));
        for (const f of role.factures) {
          const identite = bySiren.get(f.debiteur.siren)!;
          const siennes = lignes.filter((l) => l.idTiers.slice(0, 9) === f.debiteur.siren);
          expect(sum(siennes.map((l) => l.montant))).toBe(f.total);
          for (const l of siennes) expect([l.idTiers, l.nom]).toEqual([identite.description.siret ?? f.debiteur.siren, identite.latin]);
        }
        expect(attr(flux.xml, 'Edition').length).toBe(flux.piecesJointesAttendues.length);
        flows.push(flux.octets);
      }),
      { numRuns: 25 },
    );
    expect(validate(flows)).toEqual(flows.map(() => ''));
  }, 60_000);

  it('des lots qui partagent vraiment des SIREN : packs qui facturent d’autres membres, débiteurs décrits par plusieurs adhésions', () => {
    // Que la propriété ci-dessus ne passe pas à côté de ce qu'elle dit vérifier (un échantillon suffit).
    const lots = fc.sample(lotArb, { numRuns: 100, seed: 1 });
    const partages = lots.filter(({ adhesions }) => {
      const membres = new Set(adhesions.map((a) => a.collectivite.siren));
      return adhesions.some((a) => (a.prestations.packDemat?.sirens ?? []).some((s) => s !== a.collectivite.siren && membres.has(s)));
    });
    const decritsDeuxFois = lots.filter(({ adhesions }) => {
      const fois = new Map<string, number>();
      for (const a of adhesions) for (const s of [a.collectivite.siren, ...(a.destinataires ?? []).map((d) => d.siren)]) fois.set(s, (fois.get(s) ?? 0) + 1);
      return [...fois.values()].some((n) => n > 1);
    });
    expect(partages.length).toBeGreaterThan(15);
    expect(decritsDeuxFois.length).toBeGreaterThan(40);
  });

  it('un conflit introduit dans un lot (collectivité deux fois, pack facturé deux fois au même SIREN, débiteur décrit autrement) : aucun flux, ROLE_NON_EMISSIBLE', () => {
    const conflitArb = fc.tuple(lotArb, fc.constantFrom('collectivite', 'pack', 'description'), fc.nat(), fc.nat()).map(([lot, sorte, x, y]) => {
      const adhesions = [...lot.adhesions];
      const n = adhesions.length;
      const a = x % n;
      let b = y % n;
      if (n === 1 || sorte === 'collectivite') {
        adhesions.push(adhesions[a]!);
        return { adhesions, code: 'SIREN_FACTURE_DEUX_FOIS' };
      }
      if (b === a) b = (a + 1) % n;
      const siren = adhesions[a]!.collectivite.siren;
      const packOf = (ad: Adhesion): readonly string[] => ad.prestations.packDemat?.sirens ?? [];
      const withPack = (i: number): void => {
        adhesions[i] = { ...adhesions[i]!, prestations: { ...adhesions[i]!.prestations, packDemat: { sirens: [...packOf(adhesions[i]!), siren] } } } as Adhesion;
      };
      if (sorte === 'pack') {
        // Le SIREN de `a` facturé le pack par deux adhésions : celle qui le lui facture déjà (ou `a` elle-même), et une autre.
        let premiere = adhesions.findIndex((ad) => packOf(ad).includes(siren));
        if (premiere < 0) withPack((premiere = a));
        withPack(b === premiere ? (b + 1) % n : b);
        return { adhesions, code: 'SIREN_FACTURE_DEUX_FOIS' };
      }
      // `b` décrit le SIREN de `a` sous un autre nom.
      const autres = (adhesions[b]!.destinataires ?? []).filter((d) => d.siren !== siren);
      adhesions[b] = { ...adhesions[b]!, destinataires: [...autres, { siren, nom: `${adhesions[a]!.collectivite.nom} (autre)` }] } as Adhesion;
      return { adhesions, code: 'DEBITEUR_CONTRADICTOIRE' };
    });
    fc.assert(
      fc.property(conflitArb, ({ adhesions, code }) => {
        const role = billingRoll(adhesions, { catalogue });
        expect(role.refus).toEqual([]);
        expect(role.conflits.map((c) => c.code)).toContain(code);
        const r = safeRenderPesAller(role, parametres);
        expect(r.success).toBe(false);
        if (r.success) return;
        expect(new Set(r.issues.map((i) => i.code))).toEqual(new Set(['ROLE_NON_EMISSIBLE']));
        expect(r.issues.map((i) => [i.params['raison'], i.params['code']])).toEqual(role.conflits.map((c) => ['conflit', c.code]));
      }),
      { numRuns: 20 },
    );
  });
});
