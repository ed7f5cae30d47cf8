//! Dates under the tax treatment: the LUT's financial year and ARN, the 3-month export
//! window under LUT, and goods handed over before the invoice (ID-09, ID-10 of the catalogue).

use super::catalogue as c;
use super::ctx::Ctx;
use super::ids;
use crate::messages::cut;
use crate::model::TaxTreatment;
use jiff::civil::Date;
use jiff::ToSpan;

pub(crate) fn check(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    let inv_date = s.invoice.as_ref().and_then(|i| i.date);
    match &s.tax {
        Some(TaxTreatment::Lut { arn, date }) => {
            if let (Some(lut), Some(inv)) = (date, inv_date) {
                if financial_year(*lut) != financial_year(inv) || *lut > inv {
                    ctx.push(c::LUT_PERIOD, "/tax/date", "")
                        .set("lut_date", lut)
                        .set("invoice_date", inv)
                        .set("financial_year", fy_label(inv));
                }
            }
            if let Some(arn) = arn.as_deref().filter(|v| !v.is_empty()) {
                let b = arn.as_bytes();
                let shape = b.len() == 15
                    && arn.starts_with("AD")
                    && b[2..4].iter().all(u8::is_ascii_digit)
                    && b.iter().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
                if !shape {
                    ctx.push(c::LUT_ARN_FORMAT, "/tax/arn", "").set("value", cut(arn));
                } else if let Some(g) = s
                    .exporter
                    .as_ref()
                    .and_then(|e| e.gstin.as_deref())
                    .map(str::trim)
                    .filter(|g| ids::check_gstin(g).is_ok())
                {
                    if arn[2..4] != g[0..2] {
                        ctx.push(c::LUT_ARN_FORMAT, "/tax/arn", "state")
                            .set("arn_state", &arn[2..4])
                            .set("gstin_state", &g[0..2]);
                    }
                }
            }
            export_window(ctx, inv_date, true);
        }
        // (The IGST rate is checked against the slabs in force by the gst rules.)
        _ => export_window(ctx, inv_date, false),
    }
}

fn export_window(ctx: &mut Ctx<'_>, inv_date: Option<Date>, lut: bool) {
    let Some(inv) = inv_date else { return };
    let Some(dispatch) = ctx.s.transport.as_ref().and_then(|t| t.dispatch_date) else { return };
    if dispatch < inv {
        ctx.push(c::DATE_ORDER, "/transport/dispatch_date", "")
            .set("dispatch_date", dispatch)
            .set("invoice_date", inv);
    }
    if lut {
        if let Ok(limit) = inv.checked_add(crate::data::gst::LUT_EXPORT_WINDOW_MONTHS.months()) {
            if dispatch > limit {
                ctx.push(c::LUT_EXPORT_WINDOW, "/transport/dispatch_date", "")
                    .set("invoice_date", inv)
                    .set("limit", limit);
            }
        }
    }
}

/// First calendar year of the April-March financial year holding `d`.
pub(crate) fn financial_year(d: Date) -> i16 {
    if d.month() >= 4 {
        d.year()
    } else {
        d.year() - 1
    }
}

fn fy_label(d: Date) -> String {
    let y = financial_year(d);
    format!("{}-{:02}", y, (y + 1) % 100)
}
