/** Une suggestion pour une commande mal tapée. */
/** La distance d'édition entre deux mots (insertions, suppressions, substitutions, deux lettres interverties). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * « Vouliez-vous dire … ? » : le nom le plus proche d'une commande inconnue, parmi `names`, s'il y en
 * a un assez proche ; sinon rien.
 *
 * @internal
 */
export function suggestion(command: string, names: readonly string[]): string {
  const typed = command.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const d = name.startsWith(typed) && typed.length >= 3 ? 0 : distance(typed, name);
    if (best === undefined || d < best.d) best = { name, d };
  }
  return best !== undefined && best.d <= (best.name.length >= 5 ? 2 : 1) ? ` Vouliez-vous dire « ${best.name} » ?` : '';
}
