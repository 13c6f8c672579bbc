// The CDN entry `smec.js`: one module that defines every smec widget. Each define file is a CDN entry of its own.
import '../define/smec-root.js';
import '../define/smec-catalog.js';
import '../define/smec-demand-form.js';
import '../define/smec-event-calendar.js';
import '../define/smec-feedback-rating.js';
import '../define/smec-voucher-wallet.js';
import '../define/smec-policy-list.js';
import '../define/smec-center-scorecard.js';
