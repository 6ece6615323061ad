/**
 * Point d'entrée du simulateur de devis pour navigateur : monte le simulateur dans l'élément
 * `#simulateur` de la page dès qu'elle est chargée.
 *
 * @packageDocumentation
 */
import { mountSimulator } from './simulator.js';

const start = () => {
  const root = document.getElementById('simulateur');
  if (root) (globalThis as { te90Simulateur?: unknown }).te90Simulateur = mountSimulator(root);
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
