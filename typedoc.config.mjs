import { OptionDefaults } from 'typedoc';

/** The API reference of the published packages, generated into docs/api (not committed). */
export default {
  name: 'smec API reference',
  entryPoints: ['packages/schemas', 'packages/sdk', 'packages/widgets'],
  entryPointStrategy: 'packages',
  packageOptions: { entryPoints: ['src/index.ts'], tsconfig: 'tsconfig.build.json' },
  out: 'docs/api',
  readme: 'README.md',
  // The widgets' JSDoc also feeds the custom-elements manifest; these are its tags.
  blockTags: [...OptionDefaults.blockTags, '@summary', '@fires', '@csspart', '@cssproperty', '@slot', '@tag'],
  validation: { invalidLink: false, notExported: false },
};
