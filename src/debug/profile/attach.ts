// Profiling a runner's run: the collector set as the VM's step hooks before the run starts, and
// the trace on (memory holes are counted from it once the run has ended).
import type { CairoRunner } from '../../runner/cairo-runner';
import { ProfileCollector } from './collector';

/** Sets a collector on the runner's VM (replacing no other hooks: profiling runs alone). */
export function attachProfiler(runner: CairoRunner): ProfileCollector {
  const builtins = runner.builtins.filter((b) => b.included).map((b) => ({ name: b.name, segment: b.base.segment }));
  if (runner.vm.hooks !== undefined) throw new Error('profile: the VM already has step hooks');
  if (runner.vm.trace === undefined && runner.vm.currentStep === 0) runner.vm.enableTrace();
  const c = new ProfileCollector(runner.vm, builtins, runner);
  runner.vm.hooks = c;
  return c;
}
