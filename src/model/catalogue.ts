/**
 * What pipeline validation needs to know about operators, without importing them (model imports
 * nothing of ours): the registry in src/operators provides an implementation.
 */

/** A port of an operator version, as validation sees it. */
export interface CataloguePort {
  readonly name: string;
}

/** One operator version as validation sees it. */
export interface CatalogueEntry {
  readonly id: string;
  readonly version: string;
  /** The JSON Schema of its parameters (type object, additionalProperties false). */
  readonly paramsSchema: Readonly<Record<string, unknown>>;
  /** Input ports for the given (already validated, defaults filled) parameters. */
  inputs(params: Readonly<Record<string, unknown>>): readonly CataloguePort[];
  readonly outputs: readonly CataloguePort[];
}

/** Lookup of operator versions by id. */
export interface OperatorCatalogue {
  /** The entry for `id` at exactly `version`, or undefined. */
  get(id: string, version: string): CatalogueEntry | undefined;
  /** All released versions of `id` (empty when the operator is unknown). */
  versions(id: string): readonly string[];
  /** Every operator id, when the catalogue can list them (enables "did you mean" suggestions). */
  ids?(): readonly string[];
}
