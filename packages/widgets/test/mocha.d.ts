// Mocha's globals as @web/test-runner provides them in the browser (@types/mocha is not installed).
type MochaBody = (this: unknown) => void | Promise<unknown>;
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: MochaBody): void;
declare function before(body: MochaBody): void;
declare function after(body: MochaBody): void;
declare function beforeEach(body: MochaBody): void;
declare function afterEach(body: MochaBody): void;
