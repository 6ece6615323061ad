/// <reference lib="dom" />
import {
  catalogue2026,
  COLLECTIVITE_FIELDS,
  formatEuros,
  formatPath,
  PARAM_KINDS,
  paramHelp,
  isQuoteError,
  PRESTATIONS,
  safeCompleteCatalogue,
  safeParseCatalogue,
  safeQuote,
  type Adhesion,
  type Catalogue,
  type CollectiviteField,
  type Path,
  type PrestationDeclaration,
  type QuoteIssue,
  type SafeResult,
  type Tarifs,
} from '@te90/tarifs';
import { renderQuoteHtml } from '@te90/tarifs/documents';
import { el, labelled, numberInput, readList, readNumber, type Field } from './form.js';
import { inSimulatorVoice, jsonFileIssue, type SimulatorIssue } from './issues.js';

const TYPES: Record<string, string> = { commune: 'Commune', epci: 'EPCI', syndicat: 'Syndicat', ccas: 'CCAS', autre: 'Autre organisme public' };

/** Le devis imprimable d'une simulation, daté du jour, ou les problèmes qui l'empêchent (date après l'année des tarifs…). */
function printable(data: Parameters<typeof renderQuoteHtml>[0]): SafeResult<string> {
  try {
    return { success: true, data: renderQuoteHtml(data, { numero: `SIMULATION-${data.collectivite.siren}`, date: new Date().toISOString().slice(0, 10) }) };
  } catch (error) {
    if (isQuoteError(error)) return { success: false, issues: error.issues };
    throw error;
  }
}

/**
 * Monte le simulateur de devis dans un élément de la page : un formulaire déduit des déclarations des
 * prestations (collectivité, puis chaque prestation et ses paramètres), un fichier de tarifs à charger,
 * le devis recalculé à chaque saisie, chaque erreur affichée à côté de son champ, et « Imprimer » qui
 * ouvre le devis imprimable. Rend une fonction qui recalcule (utile aux tests).
 *
 * @internal
 */
export function mountSimulator(root: HTMLElement): { update: () => void } {
  const doc = root.ownerDocument;
  const fields: Field[] = [];
  let catalogue: Catalogue = catalogue2026;
  let tarifsIssues: readonly (QuoteIssue | SimulatorIssue)[] = [];
  const form = el(doc, 'form', { novalidate: '', 'aria-describedby': 'simulateur-intro' });
  form.addEventListener('submit', (e) => e.preventDefault());

  // La collectivité.
  const collectivite = el(doc, 'fieldset');
  collectivite.append(el(doc, 'legend', {}, 'La collectivité'));
  for (const [name, f] of Object.entries(COLLECTIVITE_FIELDS) as [string, CollectiviteField][]) {
    const path = `collectivite.${name}`;
    let input: HTMLInputElement | HTMLSelectElement;
    if (f.type === 'choix') {
      input = el(doc, 'select');
      for (const v of f.valeurs ?? []) input.append(el(doc, 'option', { value: v }, TYPES[v] ?? v));
    } else if (f.type === 'booleen') {
      input = el(doc, 'input', { type: 'checkbox' });
    } else input = el(doc, 'input', { type: 'text', autocomplete: name === 'nom' ? 'organization' : 'off', ...(f.type === 'entier' ? { inputmode: 'numeric' } : {}) });
    const labels: Record<string, [string, string | undefined]> = {
      nom: ['Nom', undefined],
      siren: ['SIREN', '9 chiffres ; les espaces sont acceptés.'],
      type: ['Nature', undefined],
      population: ['Population (facultatif)', 'Nécessaire aux prestations calculées selon la population (grille strate × quota, prix par habitant, forfait par strate).'],
      parcTransfere: ['Parc informatique transféré au syndicat', 'Le pack démat est alors inclus d’office.'],
    };
    const [label, help] = labels[name] ?? [name, undefined];
    const { wrapper, field } = labelled(doc, path, label + (f.requis ? ' (obligatoire)' : ''), input, help);
    if (f.requis) input.setAttribute('aria-required', 'true');
    collectivite.append(wrapper);
    fields.push(field);
  }
  form.append(collectivite);

  // Les prestations, dans l'ordre du catalogue.
  for (const d of PRESTATIONS as readonly PrestationDeclaration[]) {
    const set = el(doc, 'fieldset', { class: 'prestation' });
    set.append(el(doc, 'legend', {}, d.libelle + (d.obligatoire === 'toujours' ? ' (obligatoire)' : '')));
    const path = `prestations.${d.id}`;
    const box = el(doc, 'input', { type: 'checkbox' });
    if (d.obligatoire === 'toujours') {
      box.checked = true;
      box.disabled = true;
    }
    const { wrapper, field } = labelled(doc, path, 'Cocher cette prestation', box);
    wrapper.classList.add('coche');
    set.append(wrapper);
    fields.push(field);
    for (const [name, p] of Object.entries(d.parametres)) {
      const input = PARAM_KINDS[p.type].saisie.forme === 'liste' ? el(doc, 'input', { type: 'text', autocomplete: 'off' }) : numberInput(doc, p);
      const help = paramHelp(p);
      const r = labelled(doc, `${path}.${name}`, p.libelle + (p.requis ? '' : ' (facultatif)'), input, help);
      set.append(r.wrapper);
      fields.push(r.field);
    }
    form.append(set);
  }

  // Le fichier de tarifs.
  const tarifsSet = el(doc, 'fieldset');
  tarifsSet.append(el(doc, 'legend', {}, 'Montants non publiés (facultatif)'));
  const file = el(doc, 'input', { type: 'file', accept: 'application/json,.json' });
  const tarifsField = labelled(doc, 'tarifs', 'Fichier de tarifs ou catalogue (JSON)', file, 'Les montants que le syndicat fournit ; sans eux, les prestations au montant non publié sont refusées.');
  tarifsSet.append(tarifsField.wrapper);
  const tarifsState = el(doc, 'p', { class: 'etat', 'aria-live': 'polite' }, 'Catalogue 2026 embarqué (montants publiés seuls).');
  tarifsSet.append(tarifsState);
  form.append(tarifsSet);

  // Le devis.
  const result = el(doc, 'section', { class: 'resultat', 'aria-labelledby': 'devis-titre' });
  result.append(el(doc, 'h2', { id: 'devis-titre' }, 'Devis'));
  const total = el(doc, 'p', { class: 'total', id: 'total', 'aria-live': 'polite' });
  const lignes = el(doc, 'div', { id: 'lignes' });
  const globales = el(doc, 'ul', { class: 'erreurs', id: 'erreurs', 'aria-live': 'polite' });
  const imprimer = el(doc, 'button', { type: 'button', id: 'imprimer' }, 'Imprimer le devis');
  result.append(total, globales, lignes, imprimer);
  root.append(form, result);

  function read(): Adhesion {
    const collectiviteValue: Record<string, unknown> = {};
    const prestations: Record<string, Record<string, unknown>> = {};
    for (const f of fields) {
      const [head, id, param] = f.path.split('.');
      if (head === 'collectivite') {
        const input = f.input as HTMLInputElement;
        if (input.type === 'checkbox') {
          if (input.checked) collectiviteValue[id!] = true;
        } else if (input.value.trim() !== '') collectiviteValue[id!] = id === 'population' ? readNumber(input.value) : input.value;
      } else if (head === 'prestations' && param === undefined) {
        if ((f.input as HTMLInputElement).checked) prestations[id!] ??= {};
      } else if (head === 'prestations' && param !== undefined) {
        const text = f.input.value.trim();
        if (text === '' || !(prestations[id!] !== undefined)) continue;
        const d = PRESTATIONS.find((x) => x.id === id) as PrestationDeclaration | undefined;
        const type = d?.parametres[param]?.type;
        const saisie = type === undefined ? undefined : PARAM_KINDS[type].saisie;
        prestations[id!]![param] = saisie?.forme === 'liste' ? readList(text, saisie) : readNumber(text);
      }
    }
    return { collectivite: collectiviteValue, prestations } as unknown as Adhesion;
  }

  /** Le champ le plus précis dont le chemin commence le chemin d'un problème. */
  function fieldFor(path: Path): Field | undefined {
    const text = formatPath(path).replace(/\[(\d+)\]/g, '.$1');
    let best: Field | undefined;
    for (const f of fields) {
      if ((text === f.path || text.startsWith(f.path + '.')) && (!best || f.path.length > best.path.length)) best = f;
    }
    return best;
  }

  function showIssues(issues: readonly (QuoteIssue | SimulatorIssue)[]): void {
    for (const f of [...fields, tarifsField.field]) {
      f.error.textContent = '';
      f.input.removeAttribute('aria-invalid');
    }
    globales.replaceChildren();
    for (const raw of issues) {
      // Ici, un montant manquant se fournit par le fichier de tarifs du formulaire.
      const issue = raw.code === 'TARIF_NON_PUBLIE' ? inSimulatorVoice(raw as QuoteIssue) : raw;
      const f = issue.path[0] === 'tarifs' || issue.path[0] === 'catalogue' ? tarifsField.field : fieldFor(issue.path);
      if (f) {
        f.error.textContent = f.error.textContent ? `${f.error.textContent} ${issue.message}` : issue.message;
        f.input.setAttribute('aria-invalid', 'true');
      } else globales.append(el(doc, 'li', {}, `${formatPath(issue.path)} : ${issue.message}`));
    }
  }

  let last: ReturnType<typeof safeQuote> | undefined;
  function update(): void {
    const r = safeQuote(read(), { catalogue });
    last = r;
    showIssues([...tarifsIssues, ...(r.success ? [] : r.issues)]);
    lignes.replaceChildren();
    imprimer.disabled = !r.success;
    if (!r.success) {
      total.textContent = `Devis incomplet : ${r.issues.length} problème(s) à corriger.`;
      return;
    }
    total.textContent = `Total : ${formatEuros(r.data.total)}`;
    const table = el(doc, 'table');
    table.append(el(doc, 'caption', {}, `Lignes du devis ${r.data.millesime}`));
    const head = el(doc, 'thead');
    const hr = el(doc, 'tr');
    for (const h of ['Prestation', 'SIREN', 'Calcul', 'Montant']) hr.append(el(doc, 'th', { scope: 'col' }, h));
    head.append(hr);
    const body = el(doc, 'tbody');
    for (const l of r.data.lignes) {
      const tr = el(doc, 'tr');
      tr.append(el(doc, 'th', { scope: 'row' }, l.libelle), el(doc, 'td', {}, l.siren), el(doc, 'td', {}, l.detail), el(doc, 'td', { class: 'montant' }, formatEuros(l.montant)));
      body.append(tr);
    }
    table.append(head, body);
    lignes.append(table);
  }

  imprimer.addEventListener('click', () => {
    if (!last?.success) return;
    // Sans émetteur, le devis porte le bandeau « document de travail » : c'est une simulation.
    const data = last.data;
    const rendu = printable(data);
    const win = doc.defaultView?.open('', '_blank');
    if (!win) return;
    if (rendu.success) {
      // Le document de renderQuoteHtml, où tout texte venu des données est échappé.
      win.document.open();
      win.document.write(rendu.data);
      win.document.close();
    } else {
      // Le devis ne peut pas être établi (date après l'année des tarifs…) : les problèmes, en texte,
      // dans la page vide de la fenêtre (des nœuds, jamais du HTML écrit).
      const page = win.document;
      page.documentElement.lang = 'fr';
      page.title = 'Devis impossible';
      const list = el(page, 'ul');
      for (const issue of rendu.issues) list.append(el(page, 'li', {}, issue.message));
      page.body.replaceChildren(list);
    }
    win.focus();
    win.print();
  });

  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    void chosen.text().then((text) => {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        tarifsIssues = [jsonFileIssue(chosen.name)];
        update();
        return;
      }
      const asCatalogue = typeof value === 'object' && value !== null && 'devise' in value;
      const r = asCatalogue ? safeParseCatalogue(value) : safeCompleteCatalogue(catalogue2026, value as Tarifs);
      if (r.success) {
        catalogue = r.data;
        tarifsIssues = [];
        tarifsState.textContent = `${catalogue.libelle} — complété par « ${chosen.name} ».`;
      } else {
        catalogue = catalogue2026;
        tarifsIssues = r.issues;
        tarifsState.textContent = `Fichier « ${chosen.name} » refusé : le catalogue 2026 embarqué reste utilisé.`;
      }
      update();
    });
  });

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
  return { update };
}
