import http from 'node:http';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, runCli, startServerProcess } from '../support/server-process.js';
import { tempDir } from '../support/temp.js';

const ADMIN_KEY = 'k-e2e-admin-key-0123456789';

function authed(key: string) {
  return { authorization: `Bearer ${key}` };
}

describe('the server process', () => {
  it('serves on the configured port and accepts the configured admin key', async () => {
    const temp = tempDir('e2e');
    const port = await freePort();
    const server = await startServerProcess({
      LAKEHOUSE_ADMIN_KEY: ADMIN_KEY,
      LAKEHOUSE_DATA_DIR: temp.dir,
      LAKEHOUSE_PORT: String(port),
    });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${port}`);
      expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok' });
      expect((await fetch(`${server.url}/ready`, { headers: authed(ADMIN_KEY) })).status).toBe(200);
      expect((await fetch(`${server.url}/ready`, { headers: authed('wrong-key') })).status).toBe(
        401,
      );
      expect(server.output()).toContain(`Lakehouse is running: http://127.0.0.1:${port}`);
      expect(server.output()).toContain('/docs');
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      temp.remove();
    }
  });

  it('generates and prints an admin key once on first start', async () => {
    const temp = tempDir('e2e');
    const first = await startServerProcess({ LAKEHOUSE_DATA_DIR: temp.dir });
    const key = /Admin key: (lh_\S+)/.exec(first.output())?.[1];
    expect(key).toBeDefined();
    expect((await fetch(`${first.url}/ready`, { headers: authed(key!) })).status).toBe(200);
    first.child.kill('SIGTERM');
    await first.exited;
    const second = await startServerProcess({ LAKEHOUSE_DATA_DIR: temp.dir });
    expect(second.output()).not.toContain(key!);
    expect((await fetch(`${second.url}/ready`, { headers: authed(key!) })).status).toBe(200);
    second.child.kill('SIGTERM');
    await second.exited;
    temp.remove();
  });

  it('exits with a message naming an invalid setting', async () => {
    const result = await runCli(['serve'], { LAKEHOUSE_PORT: 'not-a-port' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('LAKEHOUSE_PORT');
    const metastore = await runCli(['serve'], { LAKEHOUSE_METASTORE_URL: 'mysql://nope' });
    expect(metastore.code).toBe(1);
    expect(metastore.stderr).toContain('LAKEHOUSE_METASTORE_URL');
  });

  it('finishes an in-flight request on SIGTERM, then exits cleanly', async () => {
    const temp = tempDir('e2e');
    const server = await startServerProcess({
      LAKEHOUSE_ADMIN_KEY: ADMIN_KEY,
      LAKEHOUSE_DATA_DIR: temp.dir,
      LAKEHOUSE_LOG_LEVEL: 'info',
    });
    const { port } = new URL(server.url);
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: '/storage/buckets/primary/objects/slow.bin',
          headers: authed(ADMIN_KEY),
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
      request.write(Buffer.alloc(1000, 1));
      // Signal only once the server has begun handling this request, then finish the body.
      void waitFor(() =>
        server.output().includes('/storage/buckets/primary/objects/slow.bin'),
      ).then(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => request.end(Buffer.alloc(1000, 2)), 500);
      });
    });
    const result = await withDeadline(response, 15_000, server.output);
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ key: 'slow.bin', size: 2000 });
    expect(await withDeadline(server.exited, 15_000, server.output)).toBe(0);

    const again = await startServerProcess({
      LAKEHOUSE_ADMIN_KEY: ADMIN_KEY,
      LAKEHOUSE_DATA_DIR: temp.dir,
    });
    const object = await fetch(`${again.url}/storage/buckets/primary/objects/slow.bin`, {
      headers: authed(ADMIN_KEY),
    });
    expect((await object.arrayBuffer()).byteLength).toBe(2000);
    // Regression: a keep-alive connection that just served a stream must not hold shutdown open.
    again.child.kill('SIGTERM');
    expect(await withDeadline(again.exited, 10_000, again.output)).toBe(0);
    temp.remove();
  });

  it('leaves no partial object visible after SIGKILL during a stream of PUTs', async () => {
    const temp = tempDir('e2e');
    const server = await startServerProcess({
      LAKEHOUSE_ADMIN_KEY: ADMIN_KEY,
      LAKEHOUSE_DATA_DIR: temp.dir,
    });
    const { port } = new URL(server.url);
    const size = 256 * 1024;
    const chunk = 16 * 1024;
    const uploads: Promise<unknown>[] = [];
    for (let i = 0; i < 12; i += 1) {
      uploads.push(
        slowPut(Number(port), `batch/obj-${i}.bin`, size, chunk, i * 15).catch(() => 'killed'),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
    server.child.kill('SIGKILL');
    expect(await server.exited).toBe('SIGKILL');
    const outcomes = await Promise.all(uploads);
    expect(outcomes, 'the kill must land while uploads are in flight').toContain('killed');

    const again = await startServerProcess({
      LAKEHOUSE_ADMIN_KEY: ADMIN_KEY,
      LAKEHOUSE_DATA_DIR: temp.dir,
    });
    const list = (await (
      await fetch(`${again.url}/storage/buckets/primary/objects?prefix=batch/`, {
        headers: authed(ADMIN_KEY),
      })
    ).json()) as { objects: Array<{ key: string; size: number }> };
    for (const object of list.objects) {
      expect(object.size, object.key).toBe(size);
      const bytes = Buffer.from(
        await (
          await fetch(`${again.url}/storage/buckets/primary/objects/${object.key}`, {
            headers: authed(ADMIN_KEY),
          })
        ).arrayBuffer(),
      );
      const index = Number(/obj-(\d+)/.exec(object.key)![1]);
      expect(bytes.equals(Buffer.alloc(size, index))).toBe(true);
    }
    // Nothing of the interrupted writes is visible under the bucket; staging was swept on start.
    const bucketFiles = readdirSync(path.join(temp.dir, 'buckets', 'primary'), {
      recursive: true,
    }) as string[];
    expect(bucketFiles.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    again.child.kill('SIGTERM');
    expect(await withDeadline(again.exited, 10_000, again.output)).toBe(0);
    temp.remove();
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Fails with the server's output instead of hanging the test. */
function withDeadline<T>(promise: Promise<T>, ms: number, output: () => string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(
        () => reject(new Error(`no result within ${ms} ms; server output:\n${output()}`)),
        ms,
      ).unref(),
    ),
  ]);
}

/** A PUT whose body trickles in, so that a kill lands mid-stream. */
function slowPut(
  port: number,
  key: string,
  size: number,
  chunk: number,
  delayMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'PUT',
        path: `/storage/buckets/primary/objects/${key}`,
        headers: authed(ADMIN_KEY),
        agent: false,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.setTimeout(10_000, () => request.destroy(new Error('timed out')));
    const index = Number(/obj-(\d+)/.exec(key)![1]);
    let sent = 0;
    const tick = () => {
      if (sent >= size) return request.end();
      request.write(Buffer.alloc(chunk, index));
      sent += chunk;
      setTimeout(tick, delayMs);
    };
    tick();
  });
}
