// The custom-elements manifest of @smec/widgets (`npm run manifest`, also part of `npm run build`): read from the
// components' JSDoc by the manifest analyzer. Storybook's docs tab and the VS Code data are generated from it.

/** `SmecVoucherWallet` → `smec-voucher-wallet`: every widget class is defined under the kebab-case of its name. */
function tagOf(className) {
  return className.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/**
 * The analyzer reads every `dispatchEvent(new …)` it sees, including events it cannot name and DOM events re-sent
 * inside a component; only the widgets' own `smec-*` events are part of their API.
 */
function widgetApiOnly() {
  return {
    name: 'smec-widget-api',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        module.declarations = (module.declarations ?? []).filter(
          (declaration) => declaration.kind === 'class' && /^Smec[A-Z]/.test(declaration.name),
        );
        for (const declaration of module.declarations) {
          declaration.customElement = true;
          declaration.tagName ??= tagOf(declaration.name);
          declaration.events = (declaration.events ?? []).filter((event) => event.name?.startsWith('smec-'));
          // Members a webmaster cannot use: private and protected fields, and Lit's own lifecycle methods.
          declaration.members = (declaration.members ?? []).filter(
            (member) => !member.privacy && !member.static && member.kind === 'field',
          );
        }
        module.exports = module.declarations.map((declaration) => ({
          kind: 'custom-element-definition',
          name: declaration.tagName,
          declaration: { name: declaration.name, module: module.path },
        }));
      }
      customElementsManifest.modules = customElementsManifest.modules.filter((module) => module.declarations.length);
    },
  };
}

export default {
  globs: ['src/components/**/*.component.ts'],
  outdir: '.',
  litelement: true,
  plugins: [widgetApiOnly()],
};
