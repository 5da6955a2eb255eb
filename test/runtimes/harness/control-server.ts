import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { MockFault, MockStytch, SessionKind } from "../../../src/mock/index.ts";

/** What a runtime needs besides the client options: the seeded ids and this server's URL. */
export interface ConformanceSetup {
  organizationId: string;
  memberId: string;
  controlUrl: string;
}

/**
 * The harness's side channel to the mock, on 127.0.0.1, for scenarios running in other processes:
 * `POST /fail-next` queues a fault, `GET /exchanges` counts requests, `GET /last-sms` reads the last SMS
 * (where a user would read their phone) and `POST /sessions` `{ member_id, kind }` creates a session token,
 * e.g. the intermediate session token a primary login would have handed the app. For Chromium it also
 * serves the page (`/`, `/browser.js`) and its `/setup`, from the same origin.
 */
export async function startControlServer(mock: MockStytch, page: { html: string; script: () => string }) {
  const server = createServer(async (req, res) => {
    res.setHeader("access-control-allow-origin", "*");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const route = `${req.method} ${req.url}`;
    if (route === "POST /fail-next") {
      mock.failNext(JSON.parse(Buffer.concat(chunks).toString("utf8")) as MockFault);
      return res.writeHead(204).end();
    }
    if (route === "GET /exchanges") return json(res, { count: mock.exchanges.length });
    if (route === "GET /last-sms") {
      const sms = mock.lastSms();
      return sms ? json(res, { to: sms.to, code: sms.code, memberId: sms.memberId }) : res.writeHead(404).end();
    }
    if (route === "POST /sessions") {
      const { member_id, kind } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { member_id: string; kind: SessionKind };
      // An unknown member throws in the mock: answer 400 rather than crash the matrix.
      try {
        return json(res, { token: mock.createSession(member_id, kind) });
      } catch (error) {
        return res.writeHead(400).end(String(error));
      }
    }
    if (route === "GET /setup") return json(res, { ...mock.clientOptions, ...setup });
    if (route === "GET /") return res.writeHead(200, { "content-type": "text/html" }).end(page.html);
    if (route === "GET /browser.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(page.script());
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const setup: ConformanceSetup = {
    organizationId: mock.organization.organization_id,
    memberId: mock.member.member_id,
    controlUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  };
  return {
    setup,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, body: unknown) {
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
}
