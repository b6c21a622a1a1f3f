// What the hint processor asks when it meets hints it has no TypeScript implementation for.
import type { LoadedHint } from '../../vm/vm';
import type { Program, HintDef } from '../../vm/program';

export interface HintFallback {
  /**
   * The hints of `program` it runs instead of the TypeScript ones, decided once before the run:
   * the unknown hints and those sharing scope variables with them. Undefined when it runs none.
   */
  claim(program: Program, known: (def: HintDef) => boolean): Map<HintDef, LoadedHint> | undefined;
  /** Why an unknown hint cannot run (no Python with cairo-lang, the bridge turned off). */
  readonly why: string | undefined;
}
