// Entry of the debug adapter: DAP over stdin/stdout. Started by `cairn dap` and, bundled as
// dist/adapter.js, directly by the extension (its own process, so a runaway program never
// freezes the editor).
import { CairnSession } from './session';

let started = false;

export function startAdapter(): void {
  // Bundled into cli.js, `require.main === module` also holds there: start once only.
  if (started) return;
  started = true;
  const session = new CairnSession();
  session.setRunAsServer(false);
  process.on('SIGTERM', () => session.shutdown());
  // stdout carries the protocol: anything else printed there would corrupt it.
  console.log = (...args: unknown[]) => process.stderr.write(args.map(String).join(' ') + '\n');
  session.start(process.stdin, process.stdout);
  process.stdin.on('end', () => process.exit(0));
}

if (require.main === module) startAdapter();
