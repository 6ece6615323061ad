import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Le texte de chaque page d'un PDF, tel que `pdftotext -layout` (poppler-utils) le lit : une chaîne
 * par page, dans l'ordre, colonnes à leur place.
 */
export function pdfPages(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'te90-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', timeout: 30_000 });
    const pages = text.split('\f');
    // pdftotext termine la dernière page par un saut de page : le morceau qui le suit est vide.
    if (pages.length > 1 && pages[pages.length - 1]!.trim() === '') pages.pop();
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
