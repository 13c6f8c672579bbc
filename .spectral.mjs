// Spectral's OpenAPI rules and the OWASP API Security ruleset, as packages/server/test/openapi-lint.test.ts runs them
// on the served document: `npx spectral lint -r .spectral.mjs openapi.json`. A JavaScript ruleset, so that Spectral
// reads the installed rulesets instead of fetching them.
import owasp from '@stoplight/spectral-owasp-ruleset';
import { oas } from '@stoplight/spectral-rulesets';

const METHODS = '[get,put,post,delete,options,head,patch,trace]';

/** The schemas of `type` (or a type list that has it) in what a client sends: its parameters and its body. */
function inRequests(type) {
  const typed = `@ && (@.type == "${type}" || (@.type && @.type.constructor.name === "Array" && @.type.includes("${type}")))`;
  return [
    `$.paths[*].parameters[*]..[?(${typed})]`,
    `$.paths[*]${METHODS}.parameters[*]..[?(${typed})]`,
    `$.paths[*]${METHODS}.requestBody.content[*][?(@property === "schema" && ${typed})]`,
    `$.paths[*]${METHODS}.requestBody.content[*].schema..[?(${typed})]`,
  ];
}

/** An OWASP rule as its ruleset defines it, checked on `given` only. */
function scoped(name, given) {
  return { ...owasp.rules[name], given };
}

export default {
  extends: [[oas, 'recommended'], owasp],
  rules: {
    // Narrowed to requests: bounds are on what a client sends; answers are the server's own data.
    'owasp:api4:2023-string-limit': scoped('owasp:api4:2023-string-limit', inRequests('string')),
    'owasp:api4:2023-array-limit': scoped('owasp:api4:2023-array-limit', inRequests('array')),
    'owasp:api4:2023-integer-limit': scoped('owasp:api4:2023-integer-limit', inRequests('integer')),
    // Narrowed: only the operations the server limits (they document their 429) send rate-limit headers.
    'owasp:api4:2023-rate-limit': scoped(
      'owasp:api4:2023-rate-limit',
      '$.paths[*][?(@.responses && @.responses["429"])].responses[?(@property.match(/^(2|4)/))]',
    ),
    // Off: only the two public demand endpoints are limited; rate-limit above holds them to their headers.
    'owasp:api4:2023-rate-limit-responses-429': 'off',
    // Narrowed: only the operations that read a token answer 401.
    'owasp:api8:2023-define-error-responses-401': scoped(
      'owasp:api8:2023-define-error-responses-401',
      '$.paths[*][?(@.security && @.security.length > 0)].responses',
    ),
    // Off: submitting a demand needs no account by design (it is limited per address instead), nor the demo sign-in.
    'owasp:api2:2023-write-restricted': 'off',
    // Off: the catalog, events, policies and reference data are public by design.
    'owasp:api2:2023-read-restricted': 'off',
    // Off: free text (names, titles, search terms) has no pattern; string-limit bounds every string sent.
    'owasp:api4:2023-string-restricted': 'off',
    // Off: health, the document and the category list take no input, so no 400; every other operation has one.
    'owasp:api8:2023-define-error-validation': 'off',
  },
};
