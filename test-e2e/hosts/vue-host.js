// A Vue 3 page hosting every smec widget, written with render functions (no template compiler, so no eval): props
// that the element has are set as properties, `onSmecSelect` listens to `smec-select`.
/* global HOST */
import { createApp, h, ref } from 'vue';

const App = {
  setup() {
    const heard = ref([]);
    const hear = (event) => heard.value.push(`${event.type}:${event.target.localName}`);
    return () =>
      h('main', [
        h('h1', 'Vue 3 host'),
        h('smec-root', { 'api-base': HOST.apiBase, getToken: () => HOST.token }, [
          h('smec-catalog', { region: '440600', pageSize: 5, noUrlState: true, onSmecSelect: hear }),
          h('smec-demand-form', { category: 'legal', onSmecDemandSubmit: hear }),
          h('smec-event-calendar', { region: '440600', view: 'list', onSmecEventRegister: hear }),
          h('smec-voucher-wallet', { onSmecVoucherClaim: hear }),
          h('smec-feedback-rating', { 'product-id': HOST.productId, onSmecRatingSubmit: hear }),
          h('smec-policy-list', { region: '440604', onSmecPolicyServices: hear }),
          h('smec-center-scorecard', { region: '440600', year: 2026 }),
        ]),
        h('output', { id: 'heard' }, heard.value.join(' ')),
      ]);
  },
};

const app = createApp(App);
// Vue must not try to resolve the smec tags as Vue components.
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('smec-');
app.mount('#app');
