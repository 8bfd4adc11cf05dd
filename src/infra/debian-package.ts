import { findExecutable, runCommand, runningAsRoot } from './processes';

/** What installing a binary from Debian needs from the machine (replaced in tests). */
export interface InstallHost {
  find(): string | null;
  isRoot(): boolean;
  run(command: string, args: string[]): Promise<{ code: number | null; output: string }>;
}

/** The real machine, looking for `binary` on PATH. */
export function machineHost(binary: string): InstallHost {
  return {
    find: () => findExecutable(binary),
    isRoot: runningAsRoot,
    run: (command, args) => runCommand(command, args, { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }),
  };
}

/**
 * The path of `binary`, installing Debian's `pkg` first when it is missing and we are root (no npm
 * package ships redis-server or ffmpeg). Without root, or when apt-get fails, throws what
 * `unavailable` makes of a one-line reason (the `hint` telling the user what to do comes first).
 */
export async function locateOrInstall(opts: {
  binary: string;
  pkg: string;
  hint: string;
  unavailable: (message: string) => Error;
  log: (line: string) => void;
  host: InstallHost;
}): Promise<string> {
  const { host, hint } = opts;
  const found = host.find();
  if (found !== null) return found;
  if (!host.isRoot()) throw opts.unavailable(hint);

  opts.log(`${opts.binary} not found: installing it with apt-get (apt-get update, apt-get install -y ${opts.pkg})`);
  // Another apt (a parallel install, unattended upgrades) may hold the dpkg lock: wait for it.
  const wait = ['-o', 'DPkg::Lock::Timeout=300'];
  for (const args of [[...wait, 'update'], [...wait, 'install', '-y', opts.pkg]]) {
    const { code, output } = await host.run('apt-get', args);
    if (code !== 0) throw opts.unavailable(`apt-get ${args.slice(wait.length).join(' ')} failed (${code ?? 'not runnable'}); ${hint}\n${output}`);
  }
  const installed = host.find();
  if (installed === null) throw opts.unavailable(`apt-get finished but ${hint}`);
  opts.log(`installed ${installed}`);
  return installed;
}
