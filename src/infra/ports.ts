import net from 'node:net';

/** A port the kernel just handed out on 127.0.0.1 (free now; a race with other programs is possible). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Thrown by a start attempt whose server found its port taken. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/**
 * Starts a server on a fresh free port, trying again with another port when the chosen one was
 * taken between picking and binding.
 */
export async function startOnFreePort<T>(start: (port: number) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await freeLoopbackPort());
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt >= attempts) throw error;
    }
  }
}
