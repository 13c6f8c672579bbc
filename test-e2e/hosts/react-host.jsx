// A React 19 page hosting every smec widget: attributes and properties set from JSX, events received by React
// handlers. React 19 sets a prop as a property when the custom element has one, and listens to `on<event-name>`.
/* global HOST */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [heard, setHeard] = useState([]);
  const hear = (event) => setHeard((list) => [...list, `${event.type}:${event.target.localName}`]);
  return (
    <main>
      <h1>React {HOST.framework}</h1>
      <smec-root api-base={HOST.apiBase} getToken={() => HOST.token}>
        <smec-catalog region="440600" pageSize={5} noUrlState={true} onsmec-select={hear}></smec-catalog>
        <smec-demand-form category="legal" onsmec-demand-submit={hear}></smec-demand-form>
        <smec-event-calendar region="440600" view="list" onsmec-event-register={hear}></smec-event-calendar>
        <smec-voucher-wallet onsmec-voucher-claim={hear}></smec-voucher-wallet>
        <smec-feedback-rating product-id={HOST.productId} onsmec-rating-submit={hear}></smec-feedback-rating>
        <smec-policy-list region="440604" onsmec-policy-services={hear}></smec-policy-list>
        <smec-center-scorecard region="440600" year={2026}></smec-center-scorecard>
      </smec-root>
      <output id="heard">{heard.join(' ')}</output>
    </main>
  );
}

createRoot(document.getElementById('app')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
