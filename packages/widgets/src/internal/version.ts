/**
 * The package version stamped into every element class, so two different builds on one page can tell each other
 * apart. Kept in step with package.json (the build checks it).
 */
export const VERSION = '0.1.0';
