import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
// Generated from the components' JSDoc by `npm run manifest` (part of `npm run build`): the docs tab lists every
// attribute, property, event, slot, part and CSS custom property from it.
import manifest from '../packages/widgets/custom-elements.json';

setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
  tags: ['autodocs'],
};

export default preview;
