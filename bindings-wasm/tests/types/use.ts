// Compiled (not run) by api.test.mjs: the generated declarations must describe a typical use.
import { validate, renderPdf, render, kinds, schema, documentsFor } from '../../pkg-validate/index.js';
import type { Shipment, Issue, ValidationResult, Kind } from '../../pkg-validate/index.js';

const shipment: Shipment = {
  purpose: 'commercial',
  exporter: { legal_name: 'Nazia Parveen', gstin: '09ABHPP4821K1ZB', entity: 'sole_proprietor' },
  items: [{ description: 'Chikankari stole', quantity: '1', unit_price: 68, unit: 'PCS' }],
  tax: { kind: 'lut', arn: 'AD090426000123K' },
};
const result: ValidationResult = validate(shipment, { for: ['cn22'], draft: true });
const first: Issue | undefined = result.issues[0];
const valid: boolean = result.valid;
const pdf: Uint8Array = renderPdf(shipment, 'cn22', { lang: 'hi', copies: 2 });
const xml: string = render(shipment, 'commercial_invoice', { format: 'xml', flavor: 'ubl' });
const all: Kind[] = kinds();
const s: Record<string, unknown> = schema();
const docs: string[] = documentsFor(shipment);
validate(shipment);
export { first, valid, pdf, xml, all, s, docs };

// @ts-expect-error: an unknown field is not a Shipment
const wrong: Shipment = { exporter: { gstn: 'x' } };
export { wrong };

// The reports and the order import (bindings-wasm/src/reports.rs).
import { reportGstr1, reportRealisation, importOrders } from '../../pkg-validate/index.js';
import type { ReportOutput, ImportOutput, ReportIssue, ImportIssue } from '../../pkg-validate/index.js';
const gstr1: ReportOutput = reportGstr1([shipment, '{}'], '2026-03', { names: ['a', 'b'], lang: 'hi', format: 'csv' });
const firstReportIssue: ReportIssue | undefined = gstr1.issues[0];
const realised: ReportOutput = reportRealisation([shipment], '2026-04-30');
const imported: ImportOutput = importOrders('order-id', 'amazon', { legal_name: 'X' }, { catalogue: 'sku', lang: 'en' });
const firstImportIssue: ImportIssue | undefined = imported.issues[0];
const draft: Shipment | undefined = imported.orders[0]?.shipment;
export { gstr1, firstReportIssue, realised, imported, firstImportIssue, draft };
