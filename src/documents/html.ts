/**
 * Le seul endroit où un texte devient du HTML. Les documents HTML s'écrivent avec le gabarit
 * étiqueté {@link html} : chaque valeur qui y est insérée (texte, nombre, identifiant comme un
 * SIREN ou un SIRET) est échappée, sauf un fragment déjà écrit par {@link html} lui-même (type
 * {@link Html}, que rien d'autre ne peut fabriquer). Aucun document ne concatène de balises à un
 * texte : `test/architecture/html-escaping.test.ts` le vérifie dans le code des documents et du
 * simulateur.
 */

/** Les caractères qui changent le sens d'un texte en HTML (contenu et valeur d'attribut entre guillemets). */
const SPECIAL = /[&<>"']/g;

/** Un texte rendu inoffensif en HTML : `&`, `<`, `>`, `"` et `'` en références numériques. */
function escapeText(text: string): string {
  return text.replace(SPECIAL, (c) => `&#${c.charCodeAt(0)};`);
}

/** Fabrique un fragment : connu de ce module seul (la classe n'a pas de constructeur public). */
let fragment: (text: string) => Html;

/**
 * Un fragment de HTML écrit par {@link html} : son texte est sûr (tout ce qui y a été inséré a été
 * échappé). Seul ce module en fabrique.
 *
 * @internal
 */
export class Html {
  readonly #text: string;

  static {
    fragment = (text) => new Html(text);
  }

  private constructor(text: string) {
    this.#text = text;
  }

  /** Le texte HTML du fragment. */
  toString(): string {
    return this.#text;
  }

  /** `true` pour un fragment écrit par {@link html}, et pour rien d'autre (ni un objet qui l'imite). */
  static is(value: unknown): value is Html {
    return typeof value === 'object' && value !== null && #text in value;
  }
}


/**
 * Ce qu'un gabarit {@link html} accepte d'insérer : un texte ou un nombre (échappés), un fragment
 * déjà écrit, une liste de fragments (mis bout à bout), ou rien (`undefined`, `false` : rien n'est écrit).
 *
 * @internal
 */
export type Interpolation = string | number | bigint | Html | readonly Html[] | undefined | false;

function piece(value: Interpolation): string {
  if (value === undefined || value === false) return '';
  if (Html.is(value)) return value.toString();
  if (Array.isArray(value)) return (value as readonly unknown[]).map((v) => (Html.is(v) ? v.toString() : escapeText(String(v)))).join('');
  return escapeText(String(value));
}

/**
 * Le gabarit étiqueté des documents HTML : le texte du gabarit (écrit dans le code) est repris tel
 * quel, chaque valeur insérée est échappée, sauf un fragment {@link Html} déjà écrit.
 *
 * @internal
 */
export function html(strings: TemplateStringsArray, ...values: readonly Interpolation[]): Html {
  // Un gabarit étiqueté seulement : un tableau de textes forgé à la main n'est pas un gabarit.
  if (!Array.isArray(strings) || !Object.isFrozen(strings) || !Array.isArray((strings as { raw?: unknown }).raw)) {
    throw new TypeError('html s’emploie comme gabarit étiqueté : html`…`');
  }
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + strings[i + 1]!;
  return fragment(out);
}

/**
 * Des fragments mis bout à bout, séparés par un saut de ligne (ou rien).
 *
 * @internal
 */
export function joinHtml(parts: readonly Html[], separator: '\n' | '' = '\n'): Html {
  return fragment(parts.map(piece).join(separator));
}

/**
 * Une feuille de style dans `<style>` : elle ne peut pas fermer l'élément (un `<` y est écrit
 * `\3c `, son échappement CSS). Les textes qu'elle cite passent d'abord par `cssString`.
 *
 * @internal
 */
export function styleElement(css: string): Html {
  return fragment(`<style>${css.replace(/</g, '\\3c ')}</style>`);
}
