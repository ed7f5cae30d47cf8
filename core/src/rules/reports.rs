//! Rules of the proforma invoice (issue 16): it is dated, says until when it is valid, and
//! that date is after its date. It carries no invoice number of the tax-invoice series, so
//! the number is not required.

use super::catalogue as c;
use super::ctx::Ctx;
use super::DocKind::ProformaInvoice;

pub(crate) fn check(ctx: &mut Ctx<'_>) {
    if !ctx.wants(ProformaInvoice) {
        return;
    }
    let s = ctx.s;
    let need = ctx.need(&[ProformaInvoice]);
    let date = match ctx.some("", "invoice", s.invoice.as_ref(), need) {
        Some(inv) => ctx.some("/invoice", "date", inv.date.as_ref(), need).copied(),
        None => None,
    };
    let Some(p) = ctx.some("", "proforma", s.proforma.as_ref(), need) else { return };
    let Some(until) = ctx.some("/proforma", "valid_until", p.valid_until.as_ref(), need) else {
        return;
    };
    if let Some(d) = date {
        if *until <= d {
            ctx.push(c::PROFORMA_VALIDITY, "/proforma/valid_until", "")
                .set("date", d)
                .set("valid_until", until);
        }
    }
}
