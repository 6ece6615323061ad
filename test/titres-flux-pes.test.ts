import { describe, expect, it } from 'vitest';
import { QuoteError } from '@te90/tarifs';
import { renderPesAller, safeRenderPesAller, type PesAller } from '@te90/tarifs/titres';
import { PARAMETRES, debiteur, facture, ligne, role, sum, validate } from './titres-fixtures.js';

const CCAS = debiteur({ siren: '200000172', nom: 'CCAS de Foussemagne', type: 'ccas', adresse: { complement: 'Mairie', voie: '2 place de l’Église', lieuDit: 'Le Bourg', codePostal: '90150', ville: 'Foussemagne' } });
const COMMUNE = debiteur({ siret: '21900049400019', codeService: 'DIRECTION', engagement: 'EJ-CCAS-MAINT' });

const ROLE = role([
  facture(COMMUNE, [ligne(), ligne({ composante: 'licenceBL', montant: '12.34' }), ligne({ prestation: 'secretariatMairie', composante: 'journee', ponctuelle: true, montant: '250.00' })]),
  facture(CCAS, [ligne({ prestation: 'packDemat', composante: 'parSiren', montant: '200.00', libellePrestation: 'Pack dématérialisation' })]),
]);

const attr = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name} V="([^"]*)"/>`, 'g'))].map((m) => m[1]!);
const pieces = (xml: string) => xml.split('<Piece>').slice(1);

describe('le flux PES_Aller d’un rôle', () => {
  const flux: PesAller = renderPesAller(ROLE as never, PARAMETRES);

  it('est valide selon les schémas PES V2 de la DGFiP (xmllint)', () => {
    expect(validate([flux.octets])).toEqual(['']);
  });

  it('un bordereau ordinaire, un titre par débiteur et par nature de facture, une ligne par ligne du rôle', () => {
    expect(attr(flux.xml, 'TypBord')).toEqual(['01']);
    expect(flux.titres).toBe(3);
    expect(attr(flux.xml, 'NbrPce')).toEqual(['3']);
    expect(attr(flux.xml, 'TypPce')).toEqual(['01', '01', '01']);
    expect(attr(flux.xml, 'NatPce')).toEqual(['01', '01', '01']);
    expect(pieces(flux.xml).map((p) => attr(p, 'IdLigne'))).toEqual([['1', '2'], ['1'], ['1']]);
    expect(attr(flux.xml, 'ObjPce')).toEqual(['Prestations informatiques 2026 - Commune de Foussemagne', 'Prestations ponctuelles 2026', 'Prestations informatiques 2026 - CCAS de Foussemagne']);
  });

  it('numéros de titre uniques et consécutifs à partir de premierePiece', () => {
    expect(attr(flux.xml, 'IdPce')).toEqual(['41', '42', '43']);
  });

  it('montants au centime : chaque titre et le bordereau valent la somme de leurs lignes, égale au total du rôle', () => {
    const totals = pieces(flux.xml).map((p) => sum(attr(p, 'MtHT')));
    expect(totals).toEqual(['112.34', '250.00', '200.00']);
    expect(attr(flux.xml, 'MtBordHt')).toEqual([ROLE['total']]);
    expect(flux.total).toBe('562.34');
    expect(attr(flux.xml, 'MtHT').every((m) => /^\d+\.\d{2}$/.test(m))).toBe(true);
  });

  it('imputation par prestation, et par composante quand les paramètres la donnent', () => {
    expect(attr(flux.xml, 'Nature')).toEqual(['70688', '70878', '70846', '70688']);
    expect(attr(flux.xml, 'CodProdLoc')).toEqual(['MB', 'LBL', 'SM', 'PD']);
    expect(attr(flux.xml, 'Fonction')).toEqual(['020']);
  });

  it('un débiteur public avec SIRET : Edition 02, SIRET (NatIdTiers 01), NumeroFacture, code service, engagement, et la référence du PES Facture ASAP (PJ 006)', () => {
    const [p] = pieces(flux.xml);
    expect(attr(p!, 'Edition')).toEqual(['02']);
    expect(attr(p!, 'IdTiers')[0]).toBe('21900049400019');
    expect(attr(p!, 'NatIdTiers')[0]).toBe('01');
    expect(attr(p!, 'NumeroFacture')).toEqual(['2026-12-41']);
    expect(attr(p!, 'CodeService')).toEqual(['DIRECTION']);
    expect(attr(p!, 'NumeroEngagement')).toEqual(['EJ-CCAS-MAINT']);
    expect(p).toContain('<PJRef><Support V="01"/><IdUnique V="PESFACT202699999B12T41"/><TypePJ V="006"/></PJRef>');
    expect(flux.piecesJointesAttendues).toEqual([
      { idPce: 41, idUnique: 'PESFACT202699999B12T41', numeroFacture: '2026-12-41', siret: '21900049400019' },
      { idPce: 42, idUnique: 'PESFACT202699999B12T42', numeroFacture: '2026-12-42', siret: '21900049400019' },
    ]);
  });

  it('un débiteur sans SIRET : pas d’Edition, identifié par son SIREN (NatIdTiers 02), sans pièce jointe', () => {
    const p = pieces(flux.xml)[2]!;
    expect(attr(p, 'Edition')).toEqual([]);
    expect(attr(p, 'IdTiers')).toEqual(['200000172']);
    expect(attr(p, 'NatIdTiers')).toEqual(['02']);
    expect(p).not.toContain('PJRef');
    expect(attr(p, 'NumeroFacture')).toEqual([]);
  });

  it('catégorie de tiers et nature juridique déduites de la nature du débiteur ; « autre » par les paramètres', () => {
    const types = { commune: '23', epci: '24', syndicat: '24', ccas: '26' };
    for (const [type, cat] of Object.entries(types)) {
      const f = renderPesAller(role([facture(debiteur({ type }), [ligne()])]) as never, PARAMETRES);
      expect([type, attr(f.xml, 'CatTiers'), attr(f.xml, 'NatJur')]).toEqual([type, [cat], ['09']]);
    }
    const autre = renderPesAller(role([facture(debiteur({ type: 'autre' }), [ligne()])]) as never, { ...PARAMETRES, categoriesTiers: { '219000494': { catTiers: '29', natJur: '08' } } });
    expect([attr(autre.xml, 'CatTiers'), attr(autre.xml, 'NatJur')]).toEqual([['29'], ['08']]);
    expect(validate([autre.octets])).toEqual(['']);
  });

  it('l’adresse du tiers : complément (Adr1), voie (Adr2), lieu-dit (Adr3), code postal, ville, résident', () => {
    const p = pieces(flux.xml)[2]!;
    expect([attr(p, 'Adr1'), attr(p, 'Adr2'), attr(p, 'Adr3'), attr(p, 'CP'), attr(p, 'Ville'), attr(p, 'CodRes')]).toEqual([['Mairie'], ["2 place de l&apos;Église"], ['Le Bourg'], ['90150'], ['Foussemagne'], ['0']]);
  });

  it('en ISO-8859-1 : l’en-tête le déclare, chaque caractère tient en un octet, « é » est l’octet E9', () => {
    expect(flux.xml.startsWith('<?xml version="1.0" encoding="ISO-8859-1"?>\n')).toBe(true);
    expect(flux.octets.length).toBe(flux.xml.length);
    expect([...flux.xml].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
    const i = flux.xml.indexOf('Église');
    expect(flux.octets[i]).toBe(0xc9);
    expect(Buffer.from(flux.octets).toString('latin1')).toBe(flux.xml);
  });

  it('les textes sont échappés, l’apostrophe typographique et « œ » translittérés', () => {
    const nom = 'Syndicat <&"\'> de l’Œuvre – Nord';
    const f = renderPesAller(role([facture(debiteur({ nom }), [ligne()])]) as never, PARAMETRES);
    expect(attr(f.xml, 'Nom')).toEqual(['Syndicat &lt;&amp;&quot;&apos;&gt; de l&apos;OEuvre - Nord']);
    expect(validate([f.octets])).toEqual(['']);
  });

  it('un nom de plus de 38 caractères est coupé entre deux mots, sur Nom et ComplNom', () => {
    const nom = 'Centre communal d’action sociale de la commune de Foussemagne';
    const f = renderPesAller(role([facture(debiteur({ nom }), [ligne()])]) as never, PARAMETRES);
    expect([attr(f.xml, 'Nom'), attr(f.xml, 'ComplNom')]).toEqual([["Centre communal d&apos;action sociale de la"], ['commune de Foussemagne']]);
    expect("Centre communal d'action sociale de la".length).toBe(38);
    expect(validate([f.octets])).toEqual(['']);
  });

  it('une ligne à zéro n’est pas titrée ; un débiteur sans rien à payer n’a pas de titre', () => {
    const f = renderPesAller(role([facture(debiteur(), [ligne(), ligne({ montant: '0.00' })]), facture(CCAS, [ligne({ montant: '0' })])]) as never, PARAMETRES);
    expect([f.titres, attr(f.xml, 'MtHT')]).toEqual([1, ['100.00']]);
  });

  it('pur : le même rôle et les mêmes paramètres donnent le même flux, octet pour octet ; le nom du fichier vient des paramètres', () => {
    const again = renderPesAller(JSON.parse(JSON.stringify(ROLE)) as never, JSON.parse(JSON.stringify(PARAMETRES)));
    expect(again.xml).toBe(flux.xml);
    expect(again.octets).toEqual(flux.octets);
    expect(flux.nomFichier).toBe('PES_Aller_titres_2026_99999_bordereau_12.xml');
    expect(attr(flux.xml, 'NomFic')).toEqual([flux.nomFichier]);
    expect(renderPesAller(ROLE as never, { ...PARAMETRES, exemple: true }).nomFichier).toBe('EXEMPLE_PES_Aller_titres_2026_99999_bordereau_12.xml');
  });

  it('l’en-tête : poste comptable, SIRET du syndicat, code collectivité et budget, dates de l’émission', () => {
    const f = renderPesAller(ROLE as never, { ...PARAMETRES, libellePoste: 'SGC de Belfort (exemple)', libelleColBud: 'Budget principal' });
    expect([attr(f.xml, 'IdPost'), attr(f.xml, 'IdColl'), attr(f.xml, 'CodCol'), attr(f.xml, 'CodBud'), attr(f.xml, 'LibellePoste'), attr(f.xml, 'LibelleColBud')]).toEqual([
      ['999999'],
      ['99999999900009'],
      ['999'],
      ['99'],
      ['SGC de Belfort (exemple)'],
      ['Budget principal'],
    ]);
    expect([attr(f.xml, 'DteStr'), attr(f.xml, 'DteBordEm'), attr(f.xml, 'Exer'), attr(f.xml, 'IdBord')]).toEqual([['2026-03-02'], ['2026-03-02'], ['2026'], ['12']]);
    expect(validate([f.octets])).toEqual(['']);
  });

  it('ne lève qu’une QuoteError, avec tous les problèmes ; la version sûre les rend', () => {
    let caught: unknown;
    try {
      renderPesAller({ factures: 3 } as never, {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(QuoteError);
    const r = safeRenderPesAller({ factures: 3 }, {});
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['parametres.posteComptable', 'parametres.imputations', 'role.factures', 'role.millesime']));
  });
});
