/// <reference lib="dom" />
/**
 * Les briques du formulaire du simulateur : éléments, champs libellés et accessibles (étiquette,
 * aide, erreur reliées), saisie et lecture des nombres à la française.
 */
import { splitListInput, type ParamDeclaration } from '@te90/tarifs';

/**
 * Un champ du formulaire : son élément de saisie, le chemin de la donnée, et son message d'erreur.
 *
 * @internal
 */
export interface Field {
  readonly path: string;
  readonly input: HTMLInputElement | HTMLSelectElement;
  readonly error: HTMLElement;
}

/**
 * Un élément de la page, ses attributs et son texte.
 *
 * @internal
 */
export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function idOf(path: string): string {
  return 'champ-' + path.replace(/[^A-Za-z0-9]+/g, '-');
}

/**
 * Un champ libellé, avec son aide et sa zone d'erreur reliées (RGAA : étiquette, description, erreur).
 *
 * @internal
 */
export function labelled(doc: Document, path: string, label: string, input: HTMLInputElement | HTMLSelectElement, help?: string): { wrapper: HTMLElement; field: Field } {
  const id = idOf(path);
  const wrapper = el(doc, 'div', { class: 'champ' });
  input.id = id;
  input.name = path;
  input.dataset['path'] = path;
  const described: string[] = [];
  wrapper.append(el(doc, 'label', { for: id }, label));
  if (help) {
    const h = el(doc, 'p', { class: 'aide', id: `${id}-aide` }, help);
    wrapper.append(h);
    described.push(h.id);
  }
  wrapper.append(input);
  const error = el(doc, 'p', { class: 'erreur', id: `${id}-erreur`, 'aria-live': 'polite' });
  described.push(error.id);
  input.setAttribute('aria-describedby', described.join(' '));
  wrapper.append(error);
  return { wrapper, field: { path, input, error } };
}

/**
 * La saisie d'un paramètre numérique (clavier numérique ou décimal sur mobile).
 *
 * @internal
 */
export function numberInput(doc: Document, p: ParamDeclaration): HTMLInputElement {
  const input = el(doc, 'input', { type: 'text', inputmode: p.type === 'entier' ? 'numeric' : 'decimal', autocomplete: 'off' });
  return input;
}

/**
 * Lit un nombre saisi à la française (`2,5`, `1 234`) ; rend le texte tel quel s'il n'en est pas un,
 * pour que la validation le dise.
 *
 * @internal
 */
export function readNumber(text: string): unknown {
  const t = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : text;
}

/**
 * Lit une liste saisie, comme sa sorte de paramètre le dit (`PARAM_KINDS`) : coupée à ses
 * séparateurs, chaque élément un texte (un SIREN) ou un nombre écrit à la française.
 *
 * @internal
 */
export function readList(text: string, saisie: { readonly separateurs: string; readonly element: 'siren' | 'nombre' }): unknown[] {
  const kept = splitListInput(text, saisie);
  return saisie.element === 'nombre' ? kept.map(readNumber) : kept;
}
