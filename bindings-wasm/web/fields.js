// What the form asks for: each field is bound to a JSON Pointer into the shipment (the
// model's JSON) and named by a label key of labels.js. Only layout lives here.

const opt = (prefix, values) => values.map((v) => ({ value: v, label: `${prefix}_${v}` }));
const ENTITY = opt('entity', ['sole_proprietor', 'partnership', 'llp', 'company', 'self_help_group', 'society', 'trust', 'huf', 'government', 'other']);
const TAX = opt('tax', ['lut', 'igst_paid', 'bond', 'unregistered']);
const MODE = opt('mode', ['post', 'air', 'sea', 'road', 'rail', 'courier']);
const PRODUCT = opt('product', ['international_tracked_packet', 'ems', 'parcel', 'letter', 'registered_small_packet']);
const CATEGORY = opt('category', ['sale_of_goods', 'gift', 'commercial_sample', 'documents', 'returned_goods', 'other']);
const NON_DELIVERY = opt('non_delivery', ['return_to_sender', 'abandon']);
const YES_NO = [
  { value: 'true', label: 'yes' },
  { value: 'false', label: 'no' },
];
// Suggestions only (datalists): niryat's own tables decide what is valid.
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'INR', 'AED', 'AUD', 'CAD', 'CHF', 'JPY', 'SGD', 'SAR', 'SEK', 'NZD', 'DKK', 'NOK', 'HKD', 'CNY', 'KRW', 'KWD', 'QAR', 'ZAR', 'TRY', 'BHD'];
export const INCOTERMS = ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF'];
export const UNITS = ['PCS', 'NOS', 'SET', 'PRS', 'KGS', 'GMS', 'MTR', 'SQM', 'DOZ', 'BOX', 'PAC', 'ROL', 'LTR', 'UNT'];
export const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'CA', 'AU', 'NZ', 'AE', 'SA', 'QA', 'KW', 'SG', 'MY', 'JP', 'KR', 'CH', 'SE', 'NO', 'DK', 'IE', 'BE', 'AT', 'ZA', 'NP', 'BD', 'LK', 'IN'];

// type: text (default) | decimal | int | date | select | radio | email | tel
// w: grid width in twelfths; l: label key (default: last path segment)
export const SECTIONS = [
  { id: 'sec_purpose', fields: [{ p: '/purpose', type: 'radio', options: opt('purpose', ['commercial', 'personal']), w: 12 }] },
  {
    id: 'sec_exporter',
    fields: [
      { p: '/exporter/legal_name', w: 6 },
      { p: '/exporter/trade_name', w: 6 },
      { p: '/exporter/entity', type: 'select', options: ENTITY, w: 4 },
      { p: '/exporter/iec', w: 4, upper: true },
      { p: '/exporter/pan', w: 4, upper: true },
      { p: '/exporter/gstin', w: 4, upper: true },
      { p: '/exporter/phone', type: 'tel', w: 4 },
      { p: '/exporter/email', type: 'email', w: 4 },
      { p: '/exporter/turnover_above_5_crore', type: 'bool', options: YES_NO, w: 4 },
      { p: '/exporter/icegate_registered', type: 'bool', options: YES_NO, w: 4 },
    ],
  },
  {
    id: 'sec_exporter_address',
    fields: [
      { p: '/exporter/address/line1', w: 8 },
      { p: '/exporter/address/line2', w: 4 },
      { p: '/exporter/address/city', w: 4 },
      { p: '/exporter/address/district', w: 4 },
      { p: '/exporter/address/state', w: 4 },
      { p: '/exporter/address/state_code', w: 3 },
      { p: '/exporter/address/postal_code', w: 3 },
      { p: '/exporter/address/country', w: 3, upper: true, list: 'countries' },
    ],
  },
  {
    id: 'sec_bank',
    fields: [
      { p: '/exporter/bank/bank_name', w: 4 },
      { p: '/exporter/bank/branch', w: 4 },
      { p: '/exporter/bank/account_number', w: 4 },
      { p: '/exporter/bank/ifsc', w: 4, upper: true },
      { p: '/exporter/bank/swift', w: 4, upper: true },
      { p: '/exporter/ad_code', w: 4 },
    ],
  },
  {
    id: 'sec_rcmc',
    fields: [
      { p: '/exporter/rcmc/number', l: 'rcmc_number', w: 4 },
      { p: '/exporter/rcmc/council', w: 4 },
      { p: '/exporter/rcmc/valid_until', type: 'date', w: 4 },
    ],
  },
  {
    id: 'sec_consignee',
    fields: [
      { p: '/consignee/name', l: 'consignee_name', w: 6 },
      { p: '/consignee/business', w: 6 },
      { p: '/consignee/phone', type: 'tel', w: 4 },
      { p: '/consignee/email', type: 'email', w: 4 },
      { p: '/consignee/tax_id', w: 4 },
    ],
  },
  {
    id: 'sec_consignee_address',
    fields: [
      { p: '/consignee/address/line1', w: 8 },
      { p: '/consignee/address/line2', w: 4 },
      { p: '/consignee/address/city', w: 4 },
      { p: '/consignee/address/state', w: 4 },
      { p: '/consignee/address/postal_code', w: 2 },
      { p: '/consignee/address/country', w: 2, upper: true, list: 'countries' },
      { p: '/destination_country', w: 4, upper: true, list: 'countries' },
    ],
  },
  {
    id: 'sec_invoice',
    fields: [
      { p: '/invoice/number', l: 'invoice_number', w: 4 },
      { p: '/invoice/date', l: 'invoice_date', type: 'date', w: 4 },
      { p: '/invoice/marketplace_order_id', w: 4 },
      { p: '/invoice/buyer_order/number', l: 'buyer_order_number', w: 4 },
      { p: '/invoice/buyer_order/date', l: 'buyer_order_date', type: 'date', w: 4 },
      { p: '/invoice/exporter_reference', w: 4 },
      { p: '/invoice/packing_list_number', w: 4 },
      // What the IRP returned (exporters under e-invoicing: turnover above ₹5 crore).
      { p: '/invoice/e_invoice/irn', l: 'irn', w: 12, when: (s) => s.exporter?.turnover_above_5_crore === true },
      { p: '/invoice/e_invoice/ack_no', l: 'ack_no', w: 4, when: (s) => s.exporter?.turnover_above_5_crore === true },
      { p: '/invoice/e_invoice/ack_date', l: 'ack_date', type: 'date', w: 4, when: (s) => s.exporter?.turnover_above_5_crore === true },
      { p: '/invoice/e_invoice/signed_qr', l: 'signed_qr', w: 12, when: (s) => s.exporter?.turnover_above_5_crore === true },
      { p: '/invoice/total', l: 'invoice_total', type: 'decimal', w: 4 },
      { p: '/currency', w: 3, upper: true, list: 'currencies' },
      { p: '/exchange_rate/rate', l: 'exchange_rate', type: 'decimal', w: 3 },
      { p: '/exchange_rate/per', l: 'exchange_per', type: 'int', w: 2 },
      { p: '/exchange_rate/date', l: 'exchange_date', type: 'date', w: 4 },
      { p: '/exchange_rate/source', l: 'exchange_source', w: 12 },
      { p: '/sdr_rate/inr_per_sdr', type: 'decimal', w: 4 },
      { p: '/sdr_rate/date', l: 'sdr_date', type: 'date', w: 4 },
      { p: '/terms/incoterm', w: 4, upper: true, list: 'incoterms' },
      { p: '/terms/incoterm_place', w: 4 },
      { p: '/charges/freight', type: 'decimal', w: 4 },
      { p: '/charges/insurance', type: 'decimal', w: 4 },
      { p: '/terms/payment', w: 12 },
    ],
  },
  {
    id: 'sec_tax',
    fields: [
      { p: '/tax/kind', l: 'tax_kind', type: 'select', options: TAX, w: 4, resets: '/tax' },
      { p: '/tax/arn', w: 4, when: (s) => s.tax?.kind === 'lut', upper: true },
      { p: '/tax/date', l: (s) => (s.tax?.kind === 'bond' ? 'bond_date' : 'lut_date'), type: 'date', w: 4, when: (s) => s.tax?.kind === 'lut' || s.tax?.kind === 'bond' },
      { p: '/tax/rate', l: 'igst_rate', type: 'decimal', w: 4, when: (s) => s.tax?.kind === 'igst_paid' },
      { p: '/tax/amount', l: 'igst_amount', type: 'decimal', w: 4, when: (s) => s.tax?.kind === 'igst_paid' },
      { p: '/tax/reference', l: 'bond_reference', w: 4, when: (s) => s.tax?.kind === 'bond' },
    ],
  },
  {
    id: 'sec_transport',
    fields: [
      { p: '/transport/mode', type: 'select', options: MODE, w: 4 },
      { p: '/transport/post/product', type: 'select', options: PRODUCT, w: 4, when: (s) => s.transport?.mode === 'post' },
      { p: '/transport/post/fpo_code', w: 4, upper: true, when: (s) => s.transport?.mode === 'post' },
      { p: '/transport/post/booking_office', w: 8, when: (s) => s.transport?.mode === 'post' },
      { p: '/transport/pre_carriage', w: 4, when: (s) => s.transport?.mode && s.transport.mode !== 'post' },
      { p: '/transport/place_of_receipt', w: 4, when: (s) => s.transport?.mode && s.transport.mode !== 'post' },
      { p: '/transport/port_of_loading', w: 4, upper: true, when: (s) => s.transport?.mode && s.transport.mode !== 'post' },
      { p: '/transport/port_of_discharge', w: 4, when: (s) => s.transport?.mode && s.transport.mode !== 'post' },
      { p: '/transport/vessel_or_flight', w: 4, when: (s) => s.transport?.mode && s.transport.mode !== 'post' },
      { p: '/transport/final_destination', w: 6 },
      { p: '/transport/dispatch_date', type: 'date', w: 4 },
    ],
  },
  { id: 'sec_items', group: 'items' },
  { id: 'sec_packages', group: 'packages' },
  {
    id: 'sec_postal',
    fields: [
      { p: '/postal/category', type: 'select', options: CATEGORY, w: 4 },
      { p: '/postal/explanation', w: 8, when: (s) => s.postal?.category === 'other' },
      { p: '/postal/non_delivery', type: 'select', options: NON_DELIVERY, w: 4 },
      { p: '/postal/postal_charges', type: 'decimal', w: 4 },
      { p: '/postal/foreign_exchange_involved', type: 'bool', options: YES_NO, w: 4 },
      { p: '/postal/comments', w: 12 },
    ],
  },
  {
    id: 'sec_ecommerce',
    fields: [
      { p: '/ecommerce/platform', w: 4 },
      { p: '/ecommerce/url', type: 'url', w: 4 },
      { p: '/ecommerce/payment_transaction_id', w: 4 },
    ],
  },
  {
    id: 'sec_agent',
    fields: [
      { p: '/authorised_agent/licence_number', l: 'agent_licence', w: 4 },
      { p: '/authorised_agent/name', l: 'agent_name', w: 8 },
      { p: '/authorised_agent/address', l: 'agent_address', w: 12 },
    ],
  },
  {
    id: 'sec_signatory',
    fields: [
      { p: '/signatory/name', l: 'signatory_name', w: 4 },
      { p: '/signatory/designation', w: 4 },
      { p: '/signatory/place', w: 4 },
    ],
  },
];

export const ITEM_FIELDS = [
  { f: 'description', w: 12 },
  { f: 'hs_code', w: 3 },
  { f: 'quantity', type: 'decimal', w: 2 },
  { f: 'unit', w: 2, upper: true, list: 'units' },
  { f: 'unit_price', type: 'decimal', w: 2 },
  { f: 'amount', type: 'decimal', w: 3 },
  { f: 'origin_country', w: 3, upper: true, list: 'countries' },
  { f: 'net_weight_kg', type: 'decimal', w: 3 },
  { f: 'sku', w: 6 },
  { f: 'gst_rate', type: 'decimal', w: 2 },
  { f: 'customs_unit', w: 2, upper: true, list: 'units' },
  { f: 'customs_quantity', type: 'decimal', w: 2 },
  // Export schemes claimed on the Postal Bill of Export (its drawback / scheme table).
  { f: 'scheme/drawback', type: 'bool', options: YES_NO, w: 2 },
  { f: 'scheme/dbk_serial', w: 2 },
  { f: 'scheme/drawback_quantity', type: 'decimal', w: 2 },
  { f: 'scheme/rodtep', type: 'bool', options: YES_NO, w: 2 },
  { f: 'scheme/rosctl', type: 'bool', options: YES_NO, w: 2 },
  { f: 'scheme/scheme_code', w: 2 },
  { f: 'scheme/ritc_code', w: 3 },
  { f: 'scheme/end_use', w: 9 },
];

export const PACKAGE_FIELDS = [
  { f: 'number', l: 'package_number', type: 'int', w: 2 },
  { f: 'to', l: 'package_to', type: 'int', w: 2 },
  { f: 'kind', l: 'package_kind', w: 3 },
  { f: 'tracking_number', w: 5, upper: true },
  { f: 'marks', w: 12 },
  { f: 'dimensions/length_cm', type: 'decimal', w: 2 },
  { f: 'dimensions/width_cm', type: 'decimal', w: 2 },
  { f: 'dimensions/height_cm', type: 'decimal', w: 2 },
  { f: 'net_weight_kg', type: 'decimal', w: 3 },
  { f: 'gross_weight_kg', type: 'decimal', w: 3 },
];

