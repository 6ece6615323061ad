/**
 * `true` si deux types sont identiques, `false` sinon : sert aux vérifications de typage
 * (`true satisfies Equals<A, B>`) entre un type écrit pour la documentation et le type déduit.
 *
 * @internal
 */
export type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
