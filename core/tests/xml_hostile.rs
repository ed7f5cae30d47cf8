//! Hostile and malformed niryat XML: each case is refused with a clear error that carries a
//! line and column (or the JSON Pointer of the bad value); nothing panics, nothing hangs,
//! and no entity is ever expanded.
#![allow(clippy::disallowed_methods)] // a test reads the bundled examples and times itself; the library may not
#![allow(clippy::unwrap_used, clippy::panic)]

use niryat::render::data::from_niryat_xml;
use niryat::{MalformedInput, LIMITS};
use std::time::{Duration, Instant};

const OPEN: &str = r#"<shipment xmlns="urn:niryat:shipment:1" version="1">"#;

fn doc(body: &str) -> String {
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{OPEN}\n{body}\n</shipment>\n")
}

/// Reads `xml`, which must fail within a second; returns the error.
fn refused(xml: &str) -> MalformedInput {
    let t = Instant::now();
    let r = from_niryat_xml(xml);
    assert!(t.elapsed() < Duration::from_secs(1), "took {:?}", t.elapsed());
    match r {
        Ok(s) => panic!("accepted: {s:?}"),
        Err(e) => e,
    }
}

fn has(e: &MalformedInput, words: &str) {
    assert!(e.message.contains(words), "message {:?} lacks {words:?}", e.message);
}

fn at(e: &MalformedInput, line: usize) {
    assert_eq!(e.line, Some(line), "{e:?}");
    assert!(e.column.is_some_and(|c| c >= 1), "{e:?}");
}

#[test]
fn malformed_xml() {
    let e = refused(&doc("<purpose>commercial</purpos>"));
    has(&e, "not well-formed");
    at(&e, 3);
    let e = refused(&format!("{OPEN}<purpose>commercial</purpose>"));
    has(&e, "ends before");
    let e = refused("hello, not XML");
    has(&e, "shipment");
    let e = refused("");
    has(&e, "empty");
    let e = refused(&doc("<purpose>a < b</purpose>"));
    at(&e, 3);
    let e = refused(&doc(r#"<purpose a="1" a="2">x</purpose>"#));
    at(&e, 3);
}

#[test]
fn wrong_root_namespace_or_version() {
    let e = refused(r#"<invoice xmlns="urn:niryat:shipment:1" version="1"/>"#);
    has(&e, "root element is <invoice>");
    at(&e, 1);
    let e = refused(r#"<shipment xmlns="urn:example:other" version="1"/>"#);
    has(&e, "namespace \"urn:example:other\"");
    let e = refused(r#"<shipment version="1"/>"#);
    has(&e, "no namespace");
    let e = refused(r#"<shipment xmlns="urn:niryat:shipment:1" version="2"/>"#);
    has(&e, "version \"2\" is not supported");
    let e = refused(r#"<shipment xmlns="urn:niryat:shipment:1"/>"#);
    has(&e, "needs version");
    let e = refused(r#"<shipment xmlns="urn:niryat:shipment:1" version="1" colour="red"/>"#);
    has(&e, "no attribute");
    // A child moved out of the namespace.
    let e = refused(&doc(r#"<purpose xmlns="">commercial</purpose>"#));
    has(&e, "not in the niryat namespace");
    at(&e, 3);
    let e = refused(&doc("<x:purpose>commercial</x:purpose>"));
    at(&e, 3);
}

#[test]
fn prefixed_namespace_is_the_same_document() {
    let s = from_niryat_xml(r#"<n:shipment xmlns:n="urn:niryat:shipment:1" version="1"><n:purpose>personal</n:purpose></n:shipment>"#).unwrap();
    assert_eq!(s.purpose, niryat::model::Purpose::Personal);
}

#[test]
fn a_byte_order_mark_is_fine() {
    let s = from_niryat_xml(&format!("\u{FEFF}{}", doc("<currency>EUR</currency>"))).unwrap();
    assert_eq!(s.currency.as_deref(), Some("EUR"));
}

#[test]
fn namespace_scopes_follow_the_elements() {
    // A child may declare the default namespace again; its scope ends with the child.
    let s = from_niryat_xml(r#"<n:shipment xmlns:n="urn:niryat:shipment:1" version="1"><consignee xmlns="urn:niryat:shipment:1"><name>A</name></consignee><n:currency>EUR</n:currency></n:shipment>"#).unwrap();
    assert_eq!(s.currency.as_deref(), Some("EUR"));
    // Outside that scope an unprefixed element is in no namespace.
    let e = refused(
        r#"<n:shipment xmlns:n="urn:niryat:shipment:1" version="1"><consignee xmlns="urn:niryat:shipment:1"/><currency>EUR</currency></n:shipment>"#,
    );
    has(&e, "not in the niryat namespace");
    // A prefix rebound to another namespace inside a child.
    let e = refused(
        r#"<n:shipment xmlns:n="urn:niryat:shipment:1" version="1"><n:consignee xmlns:n="urn:other"><n:name>A</n:name></n:consignee></n:shipment>"#,
    );
    has(&e, "not in the niryat namespace");
    // An undeclared prefix.
    let e = refused(&doc("<q:currency>EUR</q:currency>"));
    has(&e, "not in the niryat namespace");
}

#[test]
fn comments_processing_instructions_and_cdata_are_fine() {
    let s = from_niryat_xml(&doc("<!-- a note --><?app hint?><consignee><name>A <![CDATA[<b>&]]> B<!-- x --></name></consignee>")).unwrap();
    assert_eq!(s.consignee.unwrap().name.unwrap(), "A <b>& B");
}

#[test]
fn unknown_and_repeated_elements() {
    let e = refused(&doc("<items>\n<item>\n<colour>red</colour>\n</item>\n</items>"));
    has(&e, "unknown element");
    assert!(e.path.starts_with("/items/0"), "{e:?}");
    assert!(e.line.is_some(), "{e:?}");
    // Refused at its start tag, before anything inside is read.
    let e = refused(&doc("<colour><shade>red</shade></colour>"));
    has(&e, "unknown element `colour`");
    assert_eq!(e.path, "/colour");
    at(&e, 3);
    let e = refused(&doc("<consignee><name>A<b>bold</b></name></consignee>"));
    has(&e, "cannot hold elements");
    let e = refused(&doc("<purpose>commercial</purpose>\n<purpose>personal</purpose>"));
    has(&e, "more than once");
    at(&e, 4);
    let e = refused(&doc("<items><product/></items>"));
    has(&e, "list of <item>");
    let e = refused(&doc("<tax><lut/><bond/></tax>"));
    has(&e, "exactly one");
    let e = refused(&doc("<tax><exempt/></tax>"));
    has(&e, "not a tax treatment");
    let e = refused(&doc("<tax></tax>"));
    has(&e, "must hold one");
    let e = refused(&doc("<tax><lut><kind>bond</kind></lut></tax>"));
    has(&e, "kind");
    let e = refused(&doc(r#"<purpose lang="en">commercial</purpose>"#));
    has(&e, "takes no attributes");
}

#[test]
fn text_where_elements_belong_and_bad_values() {
    let e = refused(&doc("<exporter>Acme</exporter>"));
    has(&e, "text is not allowed");
    at(&e, 3);
    let e = refused(&doc("<items>loose text</items>"));
    has(&e, "text is not allowed");
    let e = refused(&doc("<items><item>\n<quantity>lots</quantity></item></items>"));
    assert_eq!(e.path, "/items/0/quantity");
    assert_eq!(e.line, Some(4), "{e:?}");
    let e = refused(&doc("<packages><package><number>-1</number></package></packages>"));
    has(&e, "whole number");
    assert_eq!(e.path, "/packages/0/number");
    let e = refused(&doc(
        "<postal><foreign_exchange_involved>maybe</foreign_exchange_involved></postal>",
    ));
    has(&e, "true or false");
    let e = refused(&doc("<purpose>business</purpose>"));
    assert_eq!(e.path, "/purpose");
    assert_eq!(e.line, Some(3), "{e:?}");
    let e = refused(&doc("<invoice><date>10/11/2026</date></invoice>"));
    assert_eq!(e.path, "/invoice/date");
}

#[test]
fn doctype_and_entities_are_never_expanded() {
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE shipment [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<shipment xmlns="urn:niryat:shipment:1" version="1"><consignee><name>&lol9;</name></consignee></shipment>"#;
    let e = refused(laughs);
    has(&e, "DOCTYPE");
    at(&e, 2);
    let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE shipment SYSTEM \"file:///etc/passwd\">\n<shipment xmlns=\"urn:niryat:shipment:1\" version=\"1\"/>";
    let e = refused(xxe);
    has(&e, "DOCTYPE");
    at(&e, 2);
    // An entity reference with no declaration at all.
    let e = refused(&doc("<consignee><name>&lol9;</name></consignee>"));
    has(&e, "unknown entity &lol9;");
    at(&e, 3);
    // A DOCTYPE after the root.
    let e = refused(&format!("{OPEN}</shipment><!DOCTYPE x>"));
    has(&e, "DOCTYPE");
}

#[test]
fn predefined_entities_and_character_references_are_read() {
    let s = from_niryat_xml(&doc(
        "<consignee><name>&lt;&gt;&amp;&apos;&quot;&#x20B9;&#8377;&#13;</name></consignee>",
    ))
    .unwrap();
    assert_eq!(s.consignee.unwrap().name.unwrap(), "<>&'\"₹₹\r");
}

#[test]
fn characters_xml_forbids_are_refused() {
    let e = refused(&doc("<consignee><name>bell&#7;</name></consignee>"));
    has(&e, "U+0007");
    at(&e, 3);
    let e = refused(&doc("<consignee><name>nul&#0;</name></consignee>"));
    at(&e, 3);
    let e = refused(&doc("<consignee><name>raw\u{1}control</name></consignee>"));
    has(&e, "U+0001");
}

#[test]
fn huge_text_nodes_are_refused() {
    let max = LIMITS.max_text_chars;
    let fits = "é".repeat(max);
    assert!(from_niryat_xml(&doc(&format!("<consignee><name>{fits}</name></consignee>"))).is_ok());
    let e = refused(&doc(&format!("<consignee><name>{fits}x</name></consignee>")));
    has(&e, &format!("at most {max}"));
    at(&e, 3);
    // Ten megabytes of text stop early, at the element.
    let e = refused(&doc(&format!(
        "<consignee>\n<name>{}</name></consignee>",
        "a".repeat(10 * 1024 * 1024)
    )));
    has(&e, "longer than");
    at(&e, 4);
    // Built from many references.
    let e =
        refused(&doc(&format!("<consignee><name>{}</name></consignee>", "&amp;".repeat(max + 1))));
    has(&e, "characters");
}

#[test]
fn oversized_input_and_lists_are_refused() {
    let big = " ".repeat(LIMITS.max_input_bytes + 1);
    let e = refused(&big);
    has(&e, "at most");
    let items = "<item/>".repeat(LIMITS.max_items + 1);
    let e = refused(&doc(&format!("<items>{items}</items>")));
    has(&e, &format!("at most {}", LIMITS.max_items));
    assert_eq!(e.path, "/items");
    let refs = "<reference>r</reference>".repeat(LIMITS.max_list + 1);
    let e =
        refused(&doc(&format!("<invoice><other_references>{refs}</other_references></invoice>")));
    assert_eq!(e.path, "/invoice/other_references");
}

#[test]
fn deep_nesting_stops_at_once() {
    let depth = 100_000;
    let e = refused(&doc(&format!("{}{}", "<a>".repeat(depth), "</a>".repeat(depth))));
    has(&e, "unknown element `a`");
    at(&e, 3);
    let e = refused(&doc(&format!(
        "<exporter><address>{}</address></exporter>",
        "<line1>".repeat(depth)
    )));
    has(&e, "cannot hold elements");
}

#[test]
fn nothing_may_follow_the_root() {
    let e = refused(&format!("{OPEN}</shipment>\n<shipment/>"));
    has(&e, "nothing may follow");
    at(&e, 2);
    let e = refused(&format!("{OPEN}</shipment>trailing"));
    has(&e, "nothing may follow");
}

#[test]
fn whitespace_and_order_are_lenient() {
    // Any element order is read; indentation is ignored between elements.
    let s = from_niryat_xml(&doc("\n   <currency>EUR</currency>\n\t<purpose>personal</purpose>\n"))
        .unwrap();
    assert_eq!(s.currency.as_deref(), Some("EUR"));
    let s = from_niryat_xml(&doc("<packages><package><number> 7 </number></package></packages>"))
        .unwrap();
    assert_eq!(s.packages[0].number, Some(7));
}

#[test]
fn fuzz_like_mutations_never_panic() {
    // Every prefix of a real document, and each byte flipped to '<', gives a result or an error.
    let xml = niryat::render::data::to_niryat_xml(
        &niryat::parse_json(include_bytes!("../../examples/lucknow-chikankari-ebay.json")).unwrap(),
    )
    .unwrap();
    let mut boundaries: Vec<usize> = (0..=xml.len()).filter(|i| xml.is_char_boundary(*i)).collect();
    boundaries.retain(|i| i % 7 == 0 || *i == xml.len());
    for &i in &boundaries {
        let _ = from_niryat_xml(&xml[..i]);
        let mut m = xml.clone();
        if i < m.len() && m.is_char_boundary(i + 1) {
            m.replace_range(i..i + 1, "<");
            let _ = from_niryat_xml(&m);
        }
    }
}
