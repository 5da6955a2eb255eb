import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from "node:net";

/** A throwaway HTTP server on 127.0.0.1 with a hand-written handler, for answers the mock will not give. */
export async function startServer(handler: (req: IncomingMessage, res: ServerResponse, requestNumber: number) => void) {
  const counter = { requests: 0 };
  const server = createServer((req, res) => handler(req, res, ++counter.requests));
  return listening(server, counter, () => server.closeAllConnections());
}

/** A loopback port with nothing listening on it. */
export async function closedPort(): Promise<string> {
  const server = await startServer(() => {});
  await server.close();
  return server.url;
}

/**
 * A TCP server on 127.0.0.1 that reads one HTTP request (headers and a Content-Length body) and writes
 * `answer(request)` as is, then closes: for answers an HTTP server refuses to write (malformed headers,
 * bad chunk sizes, echoes of the request in the status line).
 */
export async function startRawServer(answer: (request: string, requestNumber: number) => string | Buffer) {
  const counter = { requests: 0 };
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let received = "";
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
      const headerEnd = received.indexOf("\r\n\r\n");
      if (headerEnd === -1) return;
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(received)?.[1] ?? 0);
      if (received.length < headerEnd + 4 + length) return;
      socket.end(answer(received, ++counter.requests));
    });
  });
  return listening(server, counter, () => sockets.forEach((socket) => socket.destroy()));
}

/** Starts `server` on a free loopback port: its URL, how many requests it has received, and a close that drops open connections. */
async function listening(server: Server, counter: { requests: number }, dropConnections: () => void) {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return counter.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        dropConnections();
        server.close(() => resolve());
      }),
  };
}
