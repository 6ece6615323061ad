import * as z from 'zod/mini';
import type { Path, QuoteIssue, SafeResult } from '../core/shapes.js';
import { fromZodIssues, REPORT, type RawIssue } from '../errors/from-zod.js';
import { snapshot, withoutUnreadable } from '../input/snapshot.js';
import { siretProblem } from '../siren/siren.js';
import { issueMessage } from '../wording/issues.js';
import { noControl } from '../validation/fields.js';

/**
 * Qui signe le devis pour l'émetteur : son nom et sa qualité.
 *
 * @category Affichage
 * @example
 * ```ts
 * const s: Signataire = { nom: 'Prénom Nom', qualite: 'Président du syndicat' };
 * ```
 */
export interface Signataire {
  /** Le nom du signataire. */
  readonly nom: string;
  /** Sa qualité (fonction). */
  readonly qualite: string;
}

/**
 * L'émetteur d'un devis imprimable : le syndicat, tel qu'il se présente lui-même. Rien n'en est
 * supposé : sans émetteur, ou sans mention fiscale, le devis porte un bandeau « document de
 * travail » qui dit ce qui manque. `exemple: true` marque un émetteur d'exemple (coordonnées
 * inventées), signalé sur le document.
 *
 * @category Affichage
 * @example
 * ```ts
 * const e: Emetteur = {
 *   nom: "Émetteur d'exemple",
 *   adresse: '1 rue de l’Exemple\n90000 Exempleville',
 *   siret: '12345678900007',
 *   mentionFiscale: 'Mention fiscale du syndicat, dans ses propres termes.',
 *   exemple: true,
 * };
 * ```
 */
export interface Emetteur {
  /** Le nom de l'émetteur. */
  readonly nom: string;
  /** Son adresse postale ; une ligne par saut de ligne (`\n`). */
  readonly adresse: string;
  /** Son SIRET : 14 chiffres, clé de contrôle valide (les espaces sont acceptés). */
  readonly siret: string;
  /** Un contact (service, téléphone, courriel), tel qu'il doit figurer sur le devis. */
  readonly contact?: string | undefined;
  /** Qui signe le devis pour l'émetteur. */
  readonly signataire?: Signataire | undefined;
  /** La mention fiscale, dans les mots du syndicat (TVA non applicable et pourquoi, ou le taux). */
  readonly mentionFiscale?: string | undefined;
  /** `true` : un émetteur d'exemple (coordonnées inventées), signalé sur le document. */
  readonly exemple?: true | undefined;
}

// Imprimé sur le devis : un caractère de contrôle y est refusé, comme dans le nom d'un adhérent.
const texte = (max: number, lignes = false) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max), noControl(lignes));
const siretSchema = () =>
  z.string().check(
    z.maxLength(100),
    z.overwrite((s) => s.replace(/\s+/g, '')),
    z.superRefine((siret, ctx) => {
      const raison = siretProblem(siret, undefined);
      if (raison === undefined) return;
      const params = { raison, siret, siren: null };
      ctx.addIssue({ code: 'custom', input: siret, params: { code: 'SIRET_INVALIDE', params }, message: issueMessage('SIRET_INVALIDE', params) });
    }),
  );

function build() {
  return z.strictObject({
    $schema: z.optional(z.string().check(z.maxLength(500))),
    nom: texte(200),
    adresse: texte(500, true),
    siret: siretSchema(),
    contact: z.optional(texte(300)),
    signataire: z.optional(z.strictObject({ nom: texte(200), qualite: texte(200) })),
    mentionFiscale: z.optional(texte(500)),
    exemple: z.optional(z.literal(true)),
  });
}

let built: ReturnType<typeof build> | undefined;

/**
 * Le schéma zod d'un émetteur (et de son fichier JSON, `$schema` admis), construit au premier usage.
 *
 * @internal
 */
export function emetteurSchema(): ReturnType<typeof build> {
  return (built ??= build());
}

/**
 * Lit un émetteur une seule fois (getters et proxies compris) et le valide : l'émetteur, sans
 * `$schema`, ou tous ses problèmes, au chemin donné. Ne lève jamais.
 *
 * @internal
 */
export function readEmetteur(value: unknown, path: Path): SafeResult<Emetteur> {
  const snap = snapshot(value, path);
  const parsed = emetteurSchema().safeParse(snap.value, REPORT);
  const issues: QuoteIssue[] = [...snap.issues];
  if (!parsed.success) issues.push(...withoutUnreadable(fromZodIssues(parsed.error.issues as readonly RawIssue[], path), snap));
  if (issues.length > 0 || !parsed.success) return { success: false, issues };
  const { $schema: _, ...emetteur } = parsed.data;
  return { success: true, data: emetteur as Emetteur };
}
