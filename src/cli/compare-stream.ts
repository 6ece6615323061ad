import { createComparison, type AdherentCompare, type Catalogue, type Comparaison } from '@te90/tarifs';
import {
  ComparisonHtmlReport,
  COMPARISON_CSV_HEADER,
  comparisonConflictLines,
  renderComparisonCsvRow,
  renderComparisonTextHead,
  renderComparisonTextRow,
  renderComparisonTextTail,
} from '@te90/tarifs/documents';
import { forEachEntry } from './batch-stream.js';
import { asLibraryIssue, inCompareVoice } from './issues.js';
import { jsonArraySink, writeInChunks, type Write } from './json-stream.js';
import type { BatchSource } from './sources.js';
import { Spool } from './spool.js';

/**
 * Un adhérent comparé en ligne de commande : celui de `compareCatalogues`, et le fichier (et la
 * ligne, pour du JSONL) d'où vient l'adhésion.
 *
 * @internal
 */
export type FileAdherentCompare = AdherentCompare & {
  /** Le fichier de l'adhésion : `lot.json`, `lot.jsonl:3`, `dossier/a.json`. */
  readonly fichier: string;
};

/**
 * Ce qui écrit une comparaison au fil des adhérents : le début, chaque adhérent, la synthèse.
 *
 * @internal
 */
export interface CompareSink {
  /** Le début, quand le nombre d'adhésions est connu. */
  begin(count: number): void | Promise<void>;
  /** Un adhérent, dès qu'il est comparé. */
  adherent(a: FileAdherentCompare): void | Promise<void>;
  /** La synthèse, à la fin. */
  end(synthese: Comparaison['synthese']): void | Promise<void>;
  /** Libère ce que la sortie a pris (fichiers temporaires), qu'elle ait fini ou non. */
  close?(): void;
}

/**
 * Compare chaque entrée d'un lot sous deux catalogues et l'écrit aussitôt : la mémoire ne dépend
 * pas du nombre d'adhésions (hors le texte lu et le registre des SIREN). Chaque adhérent, et la
 * synthèse, sont ceux de `compareCatalogues` sur les mêmes adhésions ; un refus y est dit pour la
 * ligne de commande (un montant manquant se fournit par --tarifs-avant ou --tarifs-apres), et une
 * adhésion en cause dans un SIREN facturé deux fois y est nommée par son fichier. Rend la synthèse,
 * et le nombre d'adhésions refusées d'un côté au moins (une ligne illisible comprise).
 *
 * @internal
 */
export async function streamCompare(
  source: BatchSource,
  catalogues: { readonly avant: Catalogue; readonly apres: Catalogue },
  sink: CompareSink,
  onProgress?: (done: number, total: number) => void,
): Promise<{ readonly synthese: Comparaison['synthese']; readonly refusees: number }> {
  const comparison = createComparison(catalogues);
  let refusees = 0;
  try {
    await sink.begin(source.count);
    await forEachEntry(source, onProgress, ({ fichier, entry }) => {
      const compared = entry.ok ? comparison.add(entry.value, fichier) : comparison.refuse([asLibraryIssue(entry.issue)], fichier);
      const { index: position, refus, ...rest } = compared;
      if (refus.avant !== undefined || refus.apres !== undefined) refusees++;
      const voiced = {
        ...(refus.avant ? { avant: refus.avant.map(inCompareVoice) } : {}),
        ...(refus.apres ? { apres: refus.apres.map(inCompareVoice) } : {}),
      };
      return sink.adherent({ index: position, fichier, ...rest, refus: voiced });
    });
    const synthese = comparison.summary();
    await sink.end(synthese);
    return { synthese, refusees };
  } finally {
    sink.close?.();
  }
}

/**
 * La comparaison en JSON, écrite adhérent par adhérent : `{ adherents, synthese }`, chaque adhérent
 * avec son fichier.
 *
 * @internal
 */
export function jsonCompareSink(out: Write): CompareSink {
  const sink = jsonArraySink(out, 'adherents');
  return { begin: () => sink.begin(), adherent: (a) => sink.item(a), end: (s) => sink.end(s) };
}

/**
 * La comparaison en CSV : une ligne par adhérent ; sur la sortie d'erreur, ce qui serait facturé
 * deux fois au même SIREN.
 *
 * @internal
 */
export function csvCompareSink(out: Write, err: (text: string) => void, titres: readonly [string, string]): CompareSink {
  return {
    begin: () => out(COMPARISON_CSV_HEADER),
    adherent: (a) => out(renderComparisonCsvRow(a)),
    end: (s) => conflictsToErr(s, err, titres),
  };
}

/**
 * La comparaison en texte : son en-tête dit si des montants d'exemple y sont, ce qui n'est connu
 * qu'à la fin ; les lignes attendent donc dans un fichier temporaire.
 *
 * @internal
 */
export function textCompareSink(out: Write, titres: readonly [string, string]): CompareSink {
  let spool: Spool | undefined;
  let count = 0;
  let exemple = false;
  return {
    begin: (n) => {
      count = n;
      spool = new Spool();
    },
    adherent: (a) => {
      if (a.avant?.exemple || a.apres?.exemple) exemple = true;
      spool!.write(`\n${renderComparisonTextRow(a, titres)}`);
    },
    end: async (s) => {
      await out(renderComparisonTextHead(count, exemple, titres));
      await spool!.replay(out);
      await out(`\n${renderComparisonTextTail(s, titres, false)}\n`);
      await writeInChunks(conflictLines(s, titres, '\n'), out);
    },
    close: () => spool?.close(),
  };
}

/**
 * Le rapport HTML : sa synthèse, ses graphiques et les plus forts écarts précèdent la ligne de
 * chaque adhérent ; les lignes et les refus attendent donc dans des fichiers temporaires.
 *
 * @internal
 */
export function htmlCompareSink(out: Write, err: (text: string) => void, catalogues: { readonly avant: Catalogue; readonly apres: Catalogue }): CompareSink {
  const report = new ComparisonHtmlReport(catalogues);
  let rows: Spool | undefined;
  let refus: Spool | undefined;
  return {
    begin: () => {
      rows = new Spool();
      refus = new Spool();
    },
    adherent: (a) => {
      const r = report.add(a);
      rows!.write(r.row);
      if (r.refus !== undefined) refus!.write(r.refus);
    },
    end: async (s) => {
      await out(report.head(s));
      await rows!.replay(out);
      await out(report.middle());
      await refus!.replay(out);
      await writeInChunks(report.tailLines(s), out);
      conflictsToErr(s, err, [String(catalogues.avant.millesime), String(catalogues.apres.millesime)]);
    },
    close: () => {
      rows?.close();
      refus?.close();
    },
  };
}

function conflictsToErr(s: Comparaison['synthese'], err: (text: string) => void, titres: readonly [string, string]): void {
  writeInChunks(conflictLines(s, titres, ''), err);
}

/** Les lignes des conflits, chacune avec son saut de ligne, la première précédée de `avant`. */
function* conflictLines(s: Comparaison['synthese'], titres: readonly [string, string], avant: string): Generator<string> {
  let prefix = avant;
  for (const line of comparisonConflictLines(s.conflits, titres)) {
    yield `${prefix}${line}\n`;
    prefix = '';
  }
}
