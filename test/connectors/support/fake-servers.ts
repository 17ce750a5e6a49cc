import net from 'node:net';

export interface FakeServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Accepts connections and never says a word: a server that hangs during the handshake. */
export function startTarpit(): Promise<FakeServer> {
  return listen(() => undefined);
}

/**
 * Answers a PostgreSQL startup message with a FATAL error whose text quotes `echoed`, as a
 * misconfigured proxy or a chatty server might: what reaches our caller must not contain it.
 */
export function startEchoingPostgres(echoed: string): Promise<FakeServer> {
  return listen((socket) => {
    socket.once('data', () => {
      const fields = Buffer.concat([
        field('S', 'FATAL'),
        field('C', '28P01'),
        field(
          'M',
          `password authentication failed: got "${echoed}" (${encodeURIComponent(echoed)})`,
        ),
        Buffer.from([0]),
      ]);
      const header = Buffer.alloc(5);
      header.write('E', 0);
      header.writeUInt32BE(fields.length + 4, 1);
      socket.end(Buffer.concat([header, fields]));
    });
  });
}

function field(code: string, value: string): Buffer {
  return Buffer.concat([Buffer.from(code), Buffer.from(value, 'utf8'), Buffer.from([0])]);
}

function listen(onConnection: (socket: net.Socket) => void): Promise<FakeServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    onConnection(socket);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A port on 127.0.0.1 with nothing listening: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = await listen(() => undefined);
  await server.close();
  return server.port;
}
