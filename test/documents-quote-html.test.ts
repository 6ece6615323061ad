import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue2026, completeCatalogue, isQuoteError, quote } from '../src/index.js';
import { renderQuoteHtml, type Emetteur } from '@te90/tarifs/documents';
import { adhesion, epci, TARIFS_TEST } from './helpers.js';

const OPTIONS = { numero: 'D-2026-0042', date: '2026-11-29', validiteJours: 30 };
/** Un émetteur inventé pour les tests, marqué comme tel. */
const EMETTEUR: Emetteur = {
  nom: 'Émetteur de test',
  adresse: '1 rue du Test\n90000 Testville',
  siret: '999 999 999 00009',
  contact: 'Service de test, 00 00 00 00 00',
  signataire: { nom: 'Signataire de test', qualite: 'Président de test' },
  mentionFiscale: 'Mention fiscale de test, dans les mots du syndicat.',
};
const NB = '\u00a0';
/** Le texte visible d'un document (balises retirées, entités décodées). */
const visible = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));

describe('renderQuoteHtml', () => {
  const devis = quote(adhesion({ marchesPublics: { acces: 2 } }, epci));
  const html = renderQuoteHtml(devis, OPTIONS);
  /** Les problèmes (chemin, code, raison) des options données, ou [] si elles sont admises. */
  const refus = (o: object) => {
    try {
      renderQuoteHtml(devis, { ...OPTIONS, ...o });
    } catch (error) {
      return isQuoteError(error) ? error.issues.map((i) => [i.path.join('.'), i.code, i.params['raison']]) : error;
    }
    return [];
  };

  it('un document autonome, en français, sans ressource externe', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('size: A4;');
  });

  it('le numéro, la date et la validité donnés par l’appelant ; la collectivité, les lignes, les totaux', () => {
    expect(html).toContain('Devis n° <strong>D-2026-0042</strong>');
    expect(html).toContain('Date : 29 novembre 2026');
    expect(html).toContain("Valable 30 jours, jusqu'au 29 décembre 2026");
    expect(html).toContain(`SIREN 200${NB}000${NB}172`);
    expect(html).toContain('<th scope="col">Prestation</th>');
    expect(html).toContain('<th scope="row">Accès à la plateforme des marchés publics');
    expect(html).toContain(`2${NB}accès × 50,00${NB}€ = 100,00${NB}€`);
    expect(html).toContain(`Total du devis : 1${NB}249,76${NB}€`);
    expect(html).not.toContain("Montants d'exemple");
    expect(html).not.toMatch(/Facture/);
  });

  it('l’émetteur vient de l’appelant ; sans lui, ou sans mention fiscale, un bandeau « document de travail » dit ce qui manque', () => {
    expect(html).toContain('<p class="travail" role="note"><strong>Document de travail</strong>');
    expect(visible(html)).toContain("l'émetteur n'est pas renseigné (nom, adresse, SIRET) ; la mention fiscale (TVA) n'est pas renseignée");
    expect(html).not.toMatch(/Territoire d'énergie 90 — service informatique/);
    const complet = renderQuoteHtml(devis, { ...OPTIONS, emetteur: EMETTEUR });
    expect(complet).not.toContain('class="travail"');
    expect(complet).toContain('<strong>Émetteur de test</strong>');
    expect(complet).toContain('<p>90000 Testville</p>');
    expect(complet).toContain(`SIRET 999${NB}999${NB}999${NB}00009`);
    expect(complet).toContain('Mention fiscale de test, dans les mots du syndicat.');
    expect(complet).toContain("Pour l'émetteur : Signataire de test, Président de test");
    const sansMention = renderQuoteHtml(devis, { ...OPTIONS, emetteur: { ...EMETTEUR, mentionFiscale: undefined } });
    expect(visible(sansMention)).toMatch(/Document de travail .* la mention fiscale \(TVA\) n'est pas renseignée\./);
    expect(visible(sansMention)).not.toContain("l'émetteur n'est pas renseigné");
    const exemple = renderQuoteHtml(devis, { ...OPTIONS, emetteur: { ...EMETTEUR, exemple: true } });
    expect(visible(exemple)).toContain("l'émetteur est un émetteur d'exemple");
    expect(visible(exemple)).toContain("(émetteur d'exemple)");
  });

  it('le fichier d’émetteur d’exemple est marqué comme exemple, et le devis le dit', () => {
    const fichier = JSON.parse(readFileSync(join(__dirname, '..', 'examples', 'emetteur-exemple.json'), 'utf8')) as Emetteur & { $schema?: string };
    expect(fichier.exemple).toBe(true);
    const h = renderQuoteHtml(devis, { ...OPTIONS, emetteur: fichier });
    expect(visible(h)).toContain("l'émetteur est un émetteur d'exemple");
  });

  it('un émetteur faux est refusé, tous ses problèmes à la fois, et lu une seule fois', () => {
    let lectures = 0;
    const piege = { ...EMETTEUR, get nom() { lectures++; return ''; }, siret: '123', inconnu: 1 };
    let caught: unknown;
    try {
      renderQuoteHtml(devis, { ...OPTIONS, emetteur: piege as unknown as Emetteur });
    } catch (error) {
      caught = error;
    }
    expect(isQuoteError(caught) && caught.issues.map((i) => `${i.path.join('.')} ${i.code}`)).toEqual([
      'options.emetteur.nom VALEUR_HORS_LIMITES',
      'options.emetteur.siret SIRET_INVALIDE',
      'options.emetteur.inconnu CHAMP_INCONNU',
    ]);
    expect(lectures).toBe(1);
  });

  it('un caractère de contrôle est refusé dans le numéro et dans l’émetteur ; l’adresse garde ses sauts de ligne', () => {
    expect(refus({ numero: 'D-2026\u001b]0;x\u0007' })).toEqual([['options.numero', 'VALEUR_NON_ADMISE', 'caractereDeControle']]);
    expect(refus({ emetteur: { ...EMETTEUR, nom: 'TE90\rTOTAL', contact: 'a\u0007' } })).toEqual([
      ['options.emetteur.nom', 'VALEUR_NON_ADMISE', 'caractereDeControle'],
      ['options.emetteur.contact', 'VALEUR_NON_ADMISE', 'caractereDeControle'],
    ]);
    expect(refus({ emetteur: { ...EMETTEUR, adresse: '1 rue\u001b[2J\n90000 Belfort' } })).toEqual([['options.emetteur.adresse', 'VALEUR_NON_ADMISE', 'caractereDeControle']]);
    expect(refus({ emetteur: { ...EMETTEUR, adresse: '1 rue\r90000 Belfort' } })).toEqual([['options.emetteur.adresse', 'VALEUR_NON_ADMISE', 'caractereDeControle']]);
    for (const fin of ['\n', '\r\n']) {
      const html = renderQuoteHtml(devis, { ...OPTIONS, emetteur: { ...EMETTEUR, adresse: `1 rue de la Paix${fin}90000 Belfort` } });
      expect(html).toContain('<p>1 rue de la Paix</p>');
      expect(html).toContain('<p>90000 Belfort</p>');
    }
  });

  it('la validité s’arrête au plus tard le 31 décembre de l’année des tarifs ; au-delà, refusée', () => {
    expect(refus({ date: '2026-06-01', validiteJours: 366 })).toEqual([['options.validiteJours', 'VALEUR_HORS_LIMITES', 'validiteMillesime']]);
    expect(refus({ date: '2026-12-02', validiteJours: 30 })).toEqual([['options.validiteJours', 'VALEUR_HORS_LIMITES', 'validiteMillesime']]);
    expect(refus({ date: '2027-01-04' })).toEqual([['options.date', 'ENTREE_INVALIDE', 'dateApresMillesime']]);
    expect(refus({ date: '2026-12-01', validiteJours: 30 })).toEqual([]);
    // Sans validité donnée : 30 jours, ramenés au 31 décembre s'il le faut.
    const h = renderQuoteHtml(devis, { numero: 'D-1', date: '2026-12-10' });
    expect(visible(h)).toContain("Valable jusqu'au 31 décembre 2026  (durée par défaut de l'outil, 30 jours, ramenée à la fin de l'année des tarifs 2026)");
    // La durée par défaut est dite comme telle ; celle que l'appelant donne, non.
    expect(visible(renderQuoteHtml(devis, { numero: 'D-1', date: '2026-11-01' }))).toContain("Valable 30 jours, jusqu'au 1er décembre 2026  (durée par défaut de l'outil)");
    expect(html).not.toContain("par défaut de l'outil)");
  });

  it('ce qu’un devis doit porter : sources, arrondi en mots (règle de l’outil, dite comme telle), bon pour accord ; la convention seulement si l’émetteur la donne', () => {
    const texte = visible(html);
    expect(texte).not.toMatch(/convention|1er juillet 2024|30 juin 2030/);
    expect(texte).not.toContain('@te90/tarifs');
    const avec = visible(renderQuoteHtml(devis, { ...OPTIONS, emetteur: { ...EMETTEUR, convention: 'Convention de test, du 1er janvier 2025 au 31 décembre 2027 (délibération de test)', conditions: 'Paiement à 30 jours (conditions de test).' } }));
    expect(avec).toContain("Convention d'adhésion (référence donnée par l'émetteur) : Convention de test, du 1er janvier 2025 au 31 décembre 2027 (délibération de test)");
    expect(avec).toContain('Paiement à 30 jours (conditions de test).');
    expect(texte).toContain("Arrondi (règle de calcul de l'outil, par défaut)");
    expect(texte).toContain('Sources des montants :');
    expect(texte).toContain("Montant publié : Territoire d'énergie 90, page « Les prestations « à la carte » 2026");
    expect(texte).toContain('chaque ligne est arrondie au centime le plus proche (un demi-centime est arrondi au centime supérieur)');
    expect(html).toContain('<h2 id="accord">Bon pour accord</h2>');
    for (const c of ['Date', 'Nom et qualité du signataire', 'Signature', 'Cachet de la collectivité']) expect(html).toContain(`<span>${c}</span>`);
    expect(texte).toContain('Mention fiscale (TVA) : non renseignée.');
  });

  it('abonnements annuels et prestations ponctuelles en sections séparées, avec période et sous-total', () => {
    const h = renderQuoteHtml(quote(adhesion({ marchesPublics: { acces: 2 }, secretariatMairie: { jours: 2.5 } }, epci)), OPTIONS);
    const annuelle = h.slice(h.indexOf('<table class="annuelle'), h.indexOf('</table>', h.indexOf('<table class="annuelle')));
    const ponctuelle = h.slice(h.indexOf('<table class="ponctuelle'), h.indexOf('</table>', h.indexOf('<table class="ponctuelle')));
    expect(annuelle).toContain("période supposée par l&#39;outil, que la source ne précise pas : du 1er janvier au 31 décembre 2026");
    // Chaque sous-total est la dernière ligne de son tableau, jamais un pied de tableau (répété sur chaque page imprimée).
    expect(h).not.toContain('<tfoot>');
    expect(annuelle).toContain('Accès à la plateforme');
    expect(annuelle).not.toContain('Secrétariat');
    expect(annuelle).toContain(`Sous-total des abonnements annuels</th><td class="montant">1${NB}249,76${NB}€`);
    expect(ponctuelle).toContain("à l&#39;acte, pour les interventions réalisées en 2026");
    expect(ponctuelle).toContain('Secrétariat de mairie');
    expect(ponctuelle).toContain(`Sous-total des prestations ponctuelles</th><td class="montant">900,00${NB}€`);
    expect(ponctuelle).toContain(`3${NB}journées`);
  });

  it('remarques pour l’adhérent seulement, en mots simples ; un total partiel est écrit « total partiel »', () => {
    const d = quote(adhesion({ maintenanceBase: { postes: 4 } }, { ...epci, type: 'commune' }));
    expect(d.totalPartiel).toBe(true);
    const h = renderQuoteHtml(d, OPTIONS);
    const texte = visible(h);
    expect(texte).toContain(`Total partiel du devis : 2${NB}069,57${NB}€`);
    expect(texte).toContain('Total partiel : le montant de « Maintenance de base — part 2 : postes sous licence Berger Levrault » n\'est pas chiffré');
    expect(texte).toContain('La part 2 de la maintenance de base');
    expect(texte).not.toContain('postesLicenceBL');
    expect(texte).not.toContain('vérifiez');
    expect(texte).not.toContain('Avertissements');
  });

  it('un bloc par SIREN facturé, titré par son SIREN et son nom ; pas les vérifications du syndicat', () => {
    const complet = completeCatalogue(catalogue2026, TARIFS_TEST);
    const d = quote(adhesion({ packDemat: { sirens: ['200000172', '200000107'] } }, { ...epci, type: 'commune' }), { catalogue: complet });
    const h = renderQuoteHtml(d, OPTIONS);
    expect(h.match(/<section class="siren" aria-labelledby="siren-/g)).toHaveLength(2);
    expect(h).toContain(`Montants facturés au SIREN 200${NB}000${NB}172 — Communauté de test</h2>`);
    // Un SIREN dont l'adhésion ne donne pas le nom le dit, sans l'inventer.
    expect(h).toContain(`Montants facturés au SIREN 200${NB}000${NB}107 — nom non indiqué dans l&#39;adhésion</h2>`);
    const nomme = renderQuoteHtml(quote({ ...adhesion({ packDemat: { sirens: ['200000172', '200000107'] } }, epci), destinataires: [{ siren: '200000107', nom: 'CCAS de test' }] }, { catalogue: complet }), OPTIONS);
    expect(nomme).toContain(`Montants facturés au SIREN 200${NB}000${NB}107 — CCAS de test</h2>`);
    // Les vérifications du syndicat ne vont pas chez l'adhérent.
    expect(d.avertissements.map((w) => w.code)).toContain('BAREME_ETABLISSEMENTS_PUBLICS');
    expect(h).not.toContain('vérifiez');
  });

  it('un bandeau visible dès qu’un montant est un montant d’exemple', () => {
    const exemple = completeCatalogue(catalogue2026, { ...TARIFS_TEST, exemple: true });
    const h = renderQuoteHtml(quote(adhesion({ dpo: {} }, epci), { catalogue: exemple }), OPTIONS);
    expect(h).toContain('<p class="exemple" role="note">Montants d\'exemple');
    expect(h).toContain('(montant\u00a0d&#39;exemple)');
  });

  it('échappe les textes (un nom de collectivité ne peut pas injecter de HTML)', () => {
    const d = quote(adhesion({}, { ...epci, nom: '<script>alert(1)</script> & Cie' }));
    const h = renderQuoteHtml(d, OPTIONS);
    expect(h).not.toContain('<script>');
    expect(h).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; Cie');
  });

  it('refuse des options fausses, tous les problèmes à la fois', () => {
    let caught: unknown;
    try {
      renderQuoteHtml(devis, { numero: '', date: '2026-02-30', validiteJours: 0 });
    } catch (error) {
      caught = error;
    }
    expect(isQuoteError(caught)).toBe(true);
    expect(isQuoteError(caught) && caught.issues.map((i) => i.path.join('.'))).toEqual(['options.numero', 'options.date', 'options.validiteJours']);
  });
});

describe('renderQuoteHtml : un devis qu’on signe', () => {
  const complet = completeCatalogue(catalogue2026, TARIFS_TEST);

  it('un total partiel fait un document de travail, sans bon pour accord, bandeau sur chaque page', () => {
    const partiel = quote(adhesion({ maintenanceBase: { postes: 4 } }, epci));
    expect(partiel.totalPartiel).toBe(true);
    const h = renderQuoteHtml(partiel, { ...OPTIONS, emetteur: EMETTEUR });
    expect(visible(h)).toMatch(/Document de travail .* le total est partiel \(le montant de « Maintenance de base — part 2/);
    expect(h).not.toContain('Bon pour accord</h2>');
    expect(h).not.toContain('<span>Signature</span>');
    expect(h).toContain('class="sans-accord"');
    // Le bandeau est une boîte de marge de la page imprimée : répété sur chaque page.
    expect(h).toMatch(/@top-center \{ content: "Document de travail — ne pas signer"/);
    const signable = renderQuoteHtml(quote(adhesion({ maintenanceBase: { postes: 4, postesLicenceBL: 0 } }, epci)), { ...OPTIONS, emetteur: EMETTEUR });
    expect(signable).toContain('<h2 id="accord">Bon pour accord</h2>');
    expect(signable).not.toContain('@top-center');
    expect(signable).not.toContain('class="travail"');
  });

  it('chaque SIREN facturé autre que l’adhérent accepte ses montants : son nom (ou qu’il n’est pas donné) et son montant', () => {
    const d = quote(
      { ...adhesion({ packDemat: { sirens: ['200000172', '200000107', '200000115'] } }, epci), destinataires: [{ siren: '200000107', nom: 'CCAS de test' }] },
      { catalogue: complet },
    );
    const h = renderQuoteHtml(d, { ...OPTIONS, emetteur: EMETTEUR });
    const accords = h.slice(h.indexOf('<section class="accords-autres"'));
    expect(accords).toContain(`SIREN 200${NB}000${NB}107 — CCAS de test</th><td class="montant">250,25${NB}€</td>`);
    expect(accords).toContain(`SIREN 200${NB}000${NB}115 — nom non indiqué dans l&#39;adhésion</th><td class="montant">250,25${NB}€</td>`);
    expect(accords).not.toContain(`SIREN 200${NB}000${NB}172`);
    // L'adhérent accepte les montants de son SIREN, nommés.
    expect(visible(h)).toContain(`qui accepte les montants facturés à son SIREN (200${NB}000${NB}172), soit`);
    // Un seul SIREN facturé : un seul bon pour accord, sur le total.
    const seul = renderQuoteHtml(quote(adhesion({}, epci)), { ...OPTIONS, emetteur: EMETTEUR });
    expect(seul).not.toContain('accords-autres');
    expect(visible(seul)).toContain(`qui accepte ce devis, pour un total de 1${NB}149,76${NB}€`);
  });

  it('chaque page imprimée porte le numéro du devis et « page N / M » (boîtes de marge) ; le numéro est échappé', () => {
    const h = renderQuoteHtml(quote(adhesion({}, epci)), { ...OPTIONS, numero: 'D-"2026"\\</style>' });
    expect(h).toContain('@bottom-right { content: "page " counter(page) " / " counter(pages);');
    expect(h).toContain('@bottom-left { content: "Devis n° D-\\22 2026\\22 \\5c \\3c /style\\3e ";');
    expect(h.match(/<\/style>/g)).toHaveLength(1);
  });
});

describe('renderQuoteHtml : la source de chaque montant', () => {
  const maintenance = (h: string) => h.slice(h.indexOf('<th scope="row">Maintenance de base'), h.indexOf('</th>', h.indexOf('<th scope="row">Maintenance de base')));

  it.each(['commune', 'ccas', 'syndicat', 'autre'] as const)('%s : le barème des établissements publics est une hypothèse du syndicat, pas un « montant publié »', (type) => {
    const h = renderQuoteHtml(quote(adhesion({ maintenanceBase: { postes: 4, postesLicenceBL: 0 } }, { ...epci, type })), { ...OPTIONS, emetteur: EMETTEUR });
    expect(maintenance(h)).toContain('Hypothèse du syndicat : barème publié pour les établissements publics (EPCI)');
    expect(maintenance(h)).not.toContain('Montant publié');
    expect(visible(h)).toContain('ce montant est une hypothèse du syndicat');
    // La même chose, dans les mêmes mots, pour chaque type.
    const commune = renderQuoteHtml(quote(adhesion({ maintenanceBase: { postes: 4, postesLicenceBL: 0 } }, { ...epci, type: 'commune' })), { ...OPTIONS, emetteur: EMETTEUR });
    expect(maintenance(h)).toBe(maintenance(commune));
  });

  it('epci : le barème est publié pour lui, « Montant publié »', () => {
    const h = renderQuoteHtml(quote(adhesion({ maintenanceBase: { postes: 4, postesLicenceBL: 0 } }, epci)), { ...OPTIONS, emetteur: EMETTEUR });
    expect(maintenance(h)).toContain('Montant publié : ');
    expect(h).not.toContain('Hypothèse du syndicat');
  });
});
