import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { freeLoopbackPort, PortInUseError, startOnFreePort } from './ports';

function listen(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port }, () => resolve(server));
  });
}

describe('freeLoopbackPort', () => {
  it('returns a port that can then be bound on 127.0.0.1', async () => {
    const port = await freeLoopbackPort();
    expect(port).toBeGreaterThan(0);
    expect(port).toBeLessThanOrEqual(65535);
    const server = await listen(port);
    server.close();
  });
});

describe('startOnFreePort', () => {
  it('tries another port after a clash', async () => {
    const ports: number[] = [];
    const result = await startOnFreePort(async (port) => {
      ports.push(port);
      if (ports.length === 1) throw new PortInUseError('taken');
      return port;
    });
    expect(ports).toHaveLength(2);
    expect(result).toBe(ports[1]);
  });

  it('gives up after the last attempt, and never retries other errors', async () => {
    let calls = 0;
    await expect(
      startOnFreePort(async () => {
        calls++;
        throw new PortInUseError('taken');
      }, 3),
    ).rejects.toBeInstanceOf(PortInUseError);
    expect(calls).toBe(3);

    calls = 0;
    await expect(
      startOnFreePort(async () => {
        calls++;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(calls).toBe(1);
  });
});
