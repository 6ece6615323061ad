import { describe, expect, it } from 'vitest';
import { catalogue2026 } from '../src/index.js';
import { renderCatalogueText } from '@te90/tarifs/documents';

describe('renderCatalogueText', () => {
  const text = renderCatalogueText(catalogue2026);
  const ligne = (id: string) => text.split('\n').find((l) => l.includes(`[${id}]`))!;

  it('l’unité de facturation d’un abonnement, que la source ne donne pas, est dite hypothèse de l’outil', () => {
    const abonnements = ['netEntreprises', 'saisineElectronique', 'dpo', 'cabinetNumerique', 'comedec'];
    for (const id of abonnements) expect(ligne(id)).toContain("facturée par adhérent (hypothèse de l'outil : la source ne précise pas l'unité de facturation)");
    expect(text.match(/hypothèse de l'outil/g)).toHaveLength(abonnements.length);
  });

  it('une prestation facturée par SIREN, ou à la quantité, n’est pas marquée', () => {
    expect(ligne('packDemat')).toContain('facturée par SIREN,');
    for (const id of ['maintenanceBase', 'marchesPublics', 'secretariatMairie', 'sauvegarde']) expect(ligne(id)).not.toContain('hypothèse');
  });
});
