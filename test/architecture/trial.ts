/**
 * Essayer le guide comme un mainteneur le suivrait : lire une de ses sections (« Ajouter une
 * prestation », « Ajouter un modèle de prix »), en prendre les fichiers qu'elle dit toucher et le
 * code qu'elle donne, et écrire ce code dans une copie de `src/` faite de liens vers les vrais
 * fichiers : le nouveau module y importe les vrais modules de la bibliothèque (mêmes instances que
 * ce test), sans qu'aucun fichier de `src/` soit modifié.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

/** Le texte d'une section du guide, de son titre au titre suivant de même niveau. */
export function guideSection(title: string): string {
  const guide = readFileSync(join(ROOT, 'docs', 'guide.md'), 'utf8');
  const start = guide.indexOf(`\n${title}\n`);
  if (start < 0) throw new Error(`le guide n’a plus de section « ${title} »`);
  const next = guide.indexOf('\n## ', start + title.length + 2);
  return guide.slice(start, next < 0 ? undefined : next);
}

/** Les fichiers que la section dit toucher (sa ligne « Fichiers touchés : … »), dans son ordre. */
export function touchedFiles(section: string): string[] {
  const line = /^Fichiers touchés : (.*)$/m.exec(section)?.[1];
  if (line === undefined) throw new Error('la section ne dit plus quels fichiers elle touche');
  return [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

/** Le module que la section fait écrire : son chemin (sa première ligne le dit) et son code. */
export function guideModule(section: string, folder: string): { path: string; code: string } {
  const blocks = [...section.matchAll(/```typescript\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/^ {3}/gm, ''));
  const code = blocks.find((b) => b.startsWith(`// src/${folder}/`));
  if (code === undefined) throw new Error(`la section n’a plus d’exemple de module dans src/${folder}/`);
  return { path: new RegExp(`^// (src/${folder}/[\\w-]+\\.ts)`).exec(code)![1]!, code };
}

/** Le premier bloc JSON de la section, lu. */
export function guideJson(section: string): Record<string, unknown> {
  const block = /```json\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error('la section n’a plus de bloc JSON');
  return JSON.parse(block) as Record<string, unknown>;
}

/**
 * Une copie de `src/` faite de liens symboliques, où les fichiers donnés sont écrits (dans un dossier
 * réel dont les autres fichiers sont des liens). Rend le dossier de la copie et de quoi l'effacer.
 */
export function mirror(files: readonly { path: string; code: string }[]): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'te90-essai-'));
  const written = new Set(files.map((f) => dirname(f.path)));
  const link = (from: string, to: string) => {
    if (statSync(from).isDirectory() && [...written].some((d) => (join(root, d) + '/').startsWith(to + '/'))) {
      mkdirSync(to, { recursive: true });
      for (const name of readdirSync(from)) link(join(from, name), join(to, name));
    } else symlinkSync(from, to);
  };
  link(SRC, join(root, 'src'));
  for (const f of files) writeFileSync(join(root, f.path), f.code);
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Les fichiers de `src/` écrits ou changés dans la copie : ceux qui n'y sont pas des liens. */
export function writtenFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      if (name.isSymbolicLink()) continue;
      if (name.isDirectory()) walk(join(dir, name.name), `${rel}${name.name}/`);
      else out.push(`${rel}${name.name}`);
    }
  };
  walk(join(root, 'src'), 'src/');
  return out.sort();
}
