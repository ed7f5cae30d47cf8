//! View helpers that compose text in the label language: address blocks, signature,
//! countries of origin, marks, number and kind of packages, transport boxes.
//!
//! Every document view builds its blocks with these, given the language it was built for;
//! with [`Lang::En`] they print what the English documents have always printed.

use super::{fields, text, Field, PartyBlock, Signature};
use crate::calc;
use crate::i18n;
use crate::model::{Address, Party, Shipment};
use crate::render::Lang;
use jiff::civil::Date;

/// Address lines: street lines, "city, district", "state postcode", the country's name in
/// `lang`. Street, city and district are user data and print as given.
pub(crate) fn address_lines(a: &Address, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for l in [&a.line1, &a.line2] {
        if let Some(l) = l.as_deref().filter(|l| !l.trim().is_empty()) {
            out.push(l.to_string());
        }
    }
    let mut city = text(&a.city);
    if let Some(d) =
        a.district.as_deref().filter(|d| !d.is_empty() && Some(*d) != a.city.as_deref())
    {
        if !city.is_empty() {
            city.push_str(", ");
        }
        city.push_str(&i18n::district(d, lang));
    }
    let region: Vec<&str> = [a.state.as_deref(), a.postal_code.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    let place: Vec<String> =
        [city, region.join(" ")].into_iter().filter(|s| !s.is_empty()).collect();
    if !place.is_empty() {
        out.push(place.join(", "));
    }
    if let Some(c) = a.country.as_deref().filter(|c| !c.is_empty()) {
        out.push(i18n::country_name(c, lang));
    }
    out
}

/// The block of a consignee or buyer.
pub(crate) fn party_block(p: &Party, lang: Lang) -> PartyBlock {
    PartyBlock {
        name: text(&p.name),
        business: text(&p.business),
        address: p.address.as_ref().map(|a| address_lines(a, lang)).unwrap_or_default(),
        phone: text(&p.phone),
        email: text(&p.email),
        tax_id: text(&p.tax_id),
    }
}

/// The exporter as a party block (legal name; trade name as the business line).
pub(crate) fn exporter_block(s: &Shipment, lang: Lang) -> PartyBlock {
    let Some(e) = s.exporter.as_ref() else { return PartyBlock::default() };
    PartyBlock {
        name: text(&e.legal_name),
        business: e
            .trade_name
            .clone()
            .filter(|t| Some(t) != e.legal_name.as_ref())
            .unwrap_or_default(),
        address: e.address.as_ref().map(|a| address_lines(a, lang)).unwrap_or_default(),
        phone: text(&e.phone),
        email: text(&e.email),
        tax_id: String::new(),
    }
}

/// The signature block of a shipment, dated `day` in `lang`: the signatory (else the
/// exporter) signing for the exporter.
pub(crate) fn signature(s: &Shipment, day: Option<Date>, lang: Lang) -> Signature {
    let sig = s.signatory.clone().unwrap_or_default();
    let sender = s.exporter.as_ref().map(|e| text(&e.legal_name)).unwrap_or_default();
    Signature {
        name: sig.name.clone().unwrap_or_else(|| sender.clone()),
        for_name: sender,
        designation: text(&sig.designation),
        place: text(&sig.place),
        date: i18n::date_opt(day, lang),
    }
}

/// The lines' countries of origin by name ("India", "भारत"; several joined).
pub(crate) fn origin_country(s: &Shipment, lang: Lang) -> String {
    let mut names: Vec<String> = Vec::new();
    for it in &s.items {
        if let Some(c) = it.origin_country.as_deref() {
            let n = i18n::country_name(c, lang);
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    names.join(", ")
}

/// Distinct shipping marks with the package number range: `HT/HAMBURG/PO-0457, Nos. 1-40`.
pub(crate) fn marks(s: &Shipment, lang: Lang) -> String {
    let mut marks: Vec<&str> = Vec::new();
    for p in &s.packages {
        if let Some(m) = p.marks.as_deref().filter(|m| !m.is_empty()) {
            if !marks.contains(&m) {
                marks.push(m);
            }
        }
    }
    let first = s.packages.iter().filter_map(|p| p.number).min();
    let last = s.packages.iter().filter_map(|p| p.to.or(p.number)).max();
    let range = match (first, last) {
        (Some(a), Some(b)) => i18n::package_numbers(a, b.max(a), lang),
        (Some(a), None) => i18n::package_numbers(a, a, lang),
        _ => String::new(),
    };
    [marks.join("; "), range].into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(", ")
}

/// Number and kind of packages: `40 cartons`, `40 कार्टन`, `2 boxes + 1 bag`.
pub(crate) fn packages(s: &Shipment, lang: Lang) -> String {
    let mut kinds: Vec<(String, Option<String>, u64)> = Vec::new();
    for p in &s.packages {
        let key = p.kind.clone().unwrap_or_else(|| "package".into()).to_lowercase();
        let n = calc::package_count(p);
        match kinds.iter_mut().find(|(k, _, _)| *k == key) {
            Some(e) => e.2 = e.2.saturating_add(n),
            None => kinds.push((key, p.kind.clone(), n)),
        }
    }
    let one = |lang: Lang| {
        kinds
            .iter()
            .map(|(_, kind, n)| i18n::package_count(kind.as_deref(), *n, lang))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    match lang {
        Lang::EnHi => i18n::pick(lang, &one(Lang::En), &one(Lang::Hi)),
        _ => one(lang),
    }
}

/// Transport boxes; for post, the product and the FPO stand in for carrier and port.
pub(crate) fn transport(s: &Shipment, lang: Lang) -> Vec<Field> {
    let Some(t) = s.transport.as_ref() else { return Vec::new() };
    let post = t.post.as_ref();
    let mode = t
        .mode
        .map(|m| i18n::transport_mode(m, post.and_then(|p| p.product), lang))
        .unwrap_or_default();
    let loading = match (t.port_of_loading.as_deref(), post.and_then(|p| p.fpo_code.as_deref())) {
        (Some(p), _) => i18n::location_name(p, lang),
        (None, Some(f)) => i18n::location_name(f, lang),
        (None, None) => String::new(),
    };
    fields(vec![
        ("mode", mode),
        ("pre_carriage", text(&t.pre_carriage)),
        ("place_of_receipt", text(&t.place_of_receipt)),
        ("booking_office", post.map(|p| text(&p.booking_office)).unwrap_or_default()),
        ("vessel_flight", text(&t.vessel_or_flight)),
        ("port_of_loading", loading),
        ("port_of_discharge", text(&t.port_of_discharge)),
        ("final_destination", text(&t.final_destination)),
        ("dispatch_date", i18n::date_opt(t.dispatch_date, lang)),
    ])
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // the tests read the bundled examples
mod tests {
    use super::*;

    fn examples() -> Vec<Shipment> {
        let dir = format!("{}/../examples", env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            if let Ok(s) = crate::parse_json(&bytes) {
                out.push(s);
            }
        }
        assert!(out.len() >= 4, "examples not found");
        out
    }

    /// The English text of the blocks, as the English documents have always printed it.
    #[test]
    fn english_blocks() {
        let s = examples().into_iter().find(|s| {
            s.invoice.as_ref().and_then(|i| i.number.as_deref()) == Some("MBC/EXP/2627/118")
        });
        let Some(s) = s else { panic!("moradabad example missing") };
        assert_eq!(origin_country(&s, Lang::En), "India");
        assert_eq!(packages(&s, Lang::En), "40 cartons");
        assert_eq!(marks(&s, Lang::En), "HT/HAMBURG/PO-0457, Nos. 1-40");
        let t = transport(&s, Lang::En);
        assert!(t.iter().any(|f| f.value == "Nhava Sheva (JNPT) (INNSA1)"), "{t:?}");
        assert!(t.iter().any(|f| f.key == "mode" && f.value == "Sea"), "{t:?}");
        let e = exporter_block(&s, Lang::En);
        assert_eq!(e.address.last().map(String::as_str), Some("India"));
        assert_eq!(
            signature(&s, jiff::civil::date(2026, 11, 10).into(), Lang::En).date,
            "10 Nov 2026"
        );
    }

    #[test]
    fn hindi_packages_and_marks() {
        for s in examples() {
            let hi = packages(&s, Lang::Hi);
            assert!(!hi.is_empty() && !hi.chars().any(|c| c.is_ascii_alphabetic()), "{hi}");
            let m = marks(&s, Lang::Hi);
            assert!(!m.contains("No"), "{m}");
        }
    }
}
