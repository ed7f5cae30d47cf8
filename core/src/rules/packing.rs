//! Cross-document rules: package numbering, weights, packed quantities (ID-16).

use super::catalogue as c;
use super::ctx::Ctx;
use super::DocKind::*;
use crate::calc;
use rust_decimal::Decimal;

pub(crate) fn check(ctx: &mut Ctx<'_>) {
    let s = ctx.s;
    if s.packages.is_empty() {
        return;
    }
    // Weights per package row.
    for (i, p) in s.packages.iter().enumerate() {
        let path = format!("/packages/{i}");
        if let Some(n) = p.net_weight_kg {
            if n <= Decimal::ZERO {
                ctx.push(c::PACKAGE_WEIGHT, format!("{path}/net_weight_kg"), "net");
            }
        }
        if let Some(g) = p.gross_weight_kg {
            if g <= Decimal::ZERO {
                ctx.push(c::PACKAGE_WEIGHT, format!("{path}/gross_weight_kg"), "gross");
            } else if let Some(n) = p.net_weight_kg {
                if g < n {
                    ctx.push(c::PACKAGE_WEIGHT, format!("{path}/gross_weight_kg"), "")
                        .set("gross_kg", g)
                        .set("net_kg", n);
                }
            }
        }
        if let (Some(a), Some(b)) = (p.number, p.to) {
            if b < a {
                ctx.push(c::PACKAGE_NUMBERING, format!("{path}/to"), "run")
                    .set("from", a)
                    .set("to", b);
            }
        }
        for (j, cnt) in p.contents.iter().enumerate() {
            if let Some(l) = cnt.line {
                if l == 0 || l as usize > s.items.len() {
                    ctx.push(c::PACKAGE_LINE, format!("{path}/contents/{j}/line"), "")
                        .set("line", l)
                        .set("lines", s.items.len());
                }
            }
            if cnt.quantity.is_some_and(|q| q <= Decimal::ZERO) {
                ctx.push(c::QUANTITY, format!("{path}/contents/{j}/quantity"), "packed");
            }
        }
    }

    // Numbering: sorted runs must tile 1..=N.
    let mut runs: Vec<(u64, u64, usize)> = s
        .packages
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            p.number.map(|a| (u64::from(a), u64::from(p.to.unwrap_or(a).max(a)), i))
        })
        .collect();
    if runs.len() == s.packages.len() {
        runs.sort_unstable();
        let mut next = 1u64;
        for (a, b, i) in runs {
            if a != next {
                let path = format!("/packages/{i}/number");
                if a < next {
                    ctx.push(c::PACKAGE_NUMBERING, path, "overlap").set("number", a);
                } else {
                    ctx.push(c::PACKAGE_NUMBERING, path, "")
                        .set("last", next - 1)
                        .set("number", a)
                        .set("missing", next);
                }
                break;
            }
            next = b + 1;
        }
    }

    let packing = ctx.wants_any(&[PackingList, Cn23, Pbe]);
    if !packing {
        return;
    }
    // A lone postal article with no contents list carries everything; nothing to add up.
    if s.packages.len() == 1 && s.packages[0].contents.is_empty() {
        return;
    }
    // A content entry still being typed (no line or no quantity) makes the sums meaningless.
    if s.packages.iter().flat_map(|p| &p.contents).any(|c| c.line.is_none() || c.quantity.is_none())
    {
        return;
    }
    // Packed quantities per line, in one pass over the packages.
    let mut packed: Vec<Option<Decimal>> = vec![Some(Decimal::ZERO); s.items.len()];
    for p in &s.packages {
        let count = Decimal::from(calc::package_count(p));
        for cnt in &p.contents {
            let (Some(l), Some(q)) = (cnt.line, cnt.quantity) else { continue };
            if let Some(slot) = (l as usize).checked_sub(1).and_then(|i| packed.get_mut(i)) {
                *slot = slot.and_then(|acc| acc.checked_add(q.checked_mul(count)?));
            }
        }
    }
    for (li, it) in s.items.iter().enumerate() {
        let (Some(q), Some(packed)) = (it.quantity, packed[li]) else { continue };
        let line = li + 1;
        if packed != q {
            let what = if packed < q { "fewer" } else { "more" };
            ctx.push(c::PACKED_QUANTITY, format!("/items/{li}/quantity"), "")
                .set("line", line)
                .set("invoiced", q.normalize())
                .set("packed", packed.normalize())
                .set("what", what);
        }
    }
    // Net weight: lines vs packages.
    let lines_net = calc::sum(s.items.iter().map(|i| i.net_weight_kg));
    let pk_net = calc::sum(s.packages.iter().map(|p| {
        p.net_weight_kg.and_then(|w| w.checked_mul(Decimal::from(calc::package_count(p))))
    }));
    if let (Some(l), Some(p)) = (lines_net, pk_net) {
        if l.checked_sub(p).is_none_or(|d| d.abs() > Decimal::new(1, 3)) {
            ctx.push(c::NET_WEIGHT_TOTAL, "/packages", "")
                .set("lines_kg", l.normalize())
                .set("packages_kg", p.normalize());
        }
    }
}
