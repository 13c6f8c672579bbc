import { OptionDefaults } from 'typedoc';

/**
 * How each package is read. With the `packages` strategy every package is converted with these options alone (the
 * top-level ones do not reach it), so the comment tags and the validation live here.
 */
const perPackage = {
  entryPoints: ['src/index.ts'],
  tsconfig: 'tsconfig.build.json',
  // The widgets' JSDoc also feeds the custom-elements manifest; these are its tags.
  blockTags: [
    ...OptionDefaults.blockTags,
    '@summary',
    '@attribute',
    '@fires',
    '@csspart',
    '@cssproperty',
    '@slot',
    '@tag',
  ],
  // The repository has no public remote to link sources to; "Defined in" links would be broken.
  disableSources: true,
  validation: { invalidLink: false, notExported: false },
};

/** The API reference of the published packages, generated into docs/api (not committed). */
export default {
  name: 'smec API reference',
  entryPoints: ['packages/schemas', 'packages/sdk', 'packages/widgets'],
  entryPointStrategy: 'packages',
  packageOptions: perPackage,
  out: 'docs/api',
  readme: 'README.md',
  blockTags: perPackage.blockTags,
  disableSources: true,
  validation: perPackage.validation,
  // `npm run docs` must stay clean: a new warning fails it rather than scrolling by.
  treatWarningsAsErrors: true,
};
