import { after, afterEach, before } from "node:test";
import { startMockStytch, type MockStytch, type MockStytchOptions } from "../../src/mock/index.ts";
import { assertExchangesMatchSpec, PACKAGE_TABLE, type ContractTable } from "./contract.ts";

/**
 * One embedded mock per test file: started before the first test; after each test, every exchange is checked
 * against the spec and the mock is reset; closed at the end. `checkRequests: false` for files that send
 * spec-breaking requests on purpose (the mock's answers are still checked); `mock` for the mock's options
 * (`api` for another operation table, the test-only spec's), with its `contract`. The returned object forwards
 * to the running mock, so tests read `mock.url`, `mock.member` … as with the mock itself.
 */
export function sharedMock(options: { checkRequests?: boolean; mock?: MockStytchOptions; contract?: ContractTable } = {}): MockStytch {
  let current: MockStytch | undefined;
  before(async () => {
    current = await startMockStytch(options.mock);
  });
  afterEach(() => {
    // Reset even when the check fails, so that one broken test cannot fail the next through leftover state.
    try {
      assertExchangesMatchSpec(current!, () => options.checkRequests ?? true, options.contract ?? PACKAGE_TABLE);
    } finally {
      current!.reset();
    }
  });
  after(() => current?.close());
  return new Proxy({} as MockStytch, {
    get: (_target, key) => {
      if (!current) throw new Error("the shared mock is used before its before() hook ran");
      const value = Reflect.get(current, key);
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}
