import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';

/**
 * Test support: runs this folder's modules in a separate Node process, so a test can kill that
 * process with SIGKILL (a real crash) and check what it leaves behind. The modules are
 * transpiled to CommonJS in a temporary directory; packages resolve from the project's node_modules.
 */
export interface ChildRun {
  pid: number;
  /** The first line the script printed. */
  firstLine: Promise<string>;
  /** Resolves when the process has exited by itself or been killed. */
  exited: Promise<{ code: number | null; stderr: string }>;
  /** SIGKILL, then waits for the exit. */
  crash(): Promise<void>;
  dispose(): void;
}

export function runInfraInChild(script: string): ChildRun {
  const outDir = mkdtempSync(path.join(tmpdir(), 'clientflows-infra-child-'));
  for (const file of readdirSync(__dirname)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.includes('testkit')) continue;
    // Node16 module mode, like the build: a dynamic import() stays an import() in CommonJS output.
    const { outputText } = ts.transpileModule(readFileSync(path.join(__dirname, file), 'utf8'), {
      fileName: file.replace(/\.ts$/, '.cts'),
      compilerOptions: { module: ts.ModuleKind.Node16, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    writeFileSync(path.join(outDir, file.replace(/\.ts$/, '.js')), outputText);
  }
  const child = spawn(process.execPath, ['-e', script], {
    cwd: outDir,
    env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, stderr })),
  );
  const firstLine = new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')));
    });
    void exited.then(() => reject(new Error(`child exited before printing a line:\n${stderr}`)));
  });
  return {
    pid: child.pid!,
    firstLine,
    exited,
    crash: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    dispose: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
