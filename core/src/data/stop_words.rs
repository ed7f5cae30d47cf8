//! EU customs "stop words": goods descriptions too vague for a customs declaration.
//!
//! Source: the European Commission's (DG TAXUD) list of stop words and phrases for the
//! goods description of the ICS2 entry summary declaration, as reproduced by
//! ensadviser.com ("List of ICS2 stop words") and summarised by customs-declarations.uk,
//! with the update enforceable from 4 May 2026 [S]. India Post's office memorandum of
//! March 2026 on harmonised CN22/CN23 labels tells senders to avoid this list [S].
//!
//! What niryat holds: every entry from "Accessories" to "General cargo" of the reproduced
//! list (read on 30 Nov 2026), and from the rest of the alphabet only the entries that
//! the press reports of the list name ("gift", "items", "machinery", "sample", "see invoice",
//! "shoes", "textiles", "tools", "various goods" …). The list is therefore partial after "G";
//! it is a floor, not the whole list. Entries are lower-case; a description matches when,
//! without a leading count and trailing full stop, it *is* one of them (ICS2 rejects a stop
//! word used on its own; a stop word inside a longer, specific description is accepted).

/// Date of the list niryat follows (the update enforceable from 4 May 2026).
pub const LIST_DATE: &str = "2026-05-04";

/// The stop words, lower-case, sorted.
pub static STOP_WORDS: &[&str] = &[
    "accessories",
    "adapter",
    "agricultural products",
    "aid consignment",
    "alcohol",
    "all kind of cargo",
    "all kind of goods",
    "animals",
    "apparel",
    "appliances",
    "arms",
    "articles",
    "artwork",
    "as ordered",
    "as per attached invoice",
    "attached manifest",
    "auto",
    "auto parts",
    "automobiles",
    "baggage",
    "bags",
    "battery",
    "bazaar goods",
    "biological substances",
    "birthday gifts",
    "bits",
    "boards",
    "boxes",
    "cables",
    "caps",
    "cards",
    "cartons",
    "case",
    "charity",
    "chemicals",
    "chemicals flammable",
    "chemicals hazardous",
    "chemicals non-hazardous",
    "cleaning products",
    "clothes",
    "clothing",
    "cnsl",
    "collected items",
    "commodity",
    "company names",
    "component",
    "consol",
    "consolidated",
    "consolidated cargo",
    "consolidated goods",
    "consolidation",
    "consumer",
    "courier",
    "courier bags",
    "courier goods",
    "courier material",
    "dangerous goods",
    "decorations",
    "decorative crafts",
    "decorative items",
    "didactic articles",
    "docs",
    "documentations",
    "documents",
    "dox",
    "drugs",
    "drums",
    "e-commerce",
    "electronic equipment",
    "electronic goods",
    "electronic items",
    "electronics",
    "equipment",
    "exhibition goods",
    "express",
    "firearm",
    "fish",
    "food",
    "foodstuff",
    "footwear",
    "freight all kinds",
    "fresh fruit",
    "fresh herbs",
    "fresh plants",
    "fresh vegetable",
    "from upu postal",
    "fruit",
    "fruit products",
    "fruit pulp",
    "fuel",
    "garments",
    "general cargo",
    // Beyond "G": only entries named in press reports of the list (see the module note).
    "general goods",
    "gift",
    "gifts",
    "goods",
    "items",
    "machinery",
    "miscellaneous",
    "parts",
    "sample",
    "samples",
    "see invoice",
    "shoes",
    "stuff",
    "textiles",
    "tools",
    "unknown",
    "various goods",
    "various products",
    "vegetables",
];

/// The stop word that `description` consists of, if it is one (case, a leading count and
/// trailing punctuation ignored: "2 Gifts." is "gifts").
pub fn stop_word(description: &str) -> Option<&'static str> {
    let norm = description.trim().trim_end_matches(['.', '!']).to_lowercase();
    let words: Vec<&str> =
        norm.split_whitespace().skip_while(|w| w.chars().all(|c| c.is_ascii_digit())).collect();
    let bare = words.join(" ");
    STOP_WORDS.iter().copied().find(|w| *w == bare)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_lower_case_and_unique() {
        for w in STOP_WORDS {
            assert_eq!(*w, w.to_lowercase());
        }
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), STOP_WORDS.len());
    }

    #[test]
    fn whole_description_only() {
        assert_eq!(stop_word("Clothes"), Some("clothes"));
        assert_eq!(stop_word(" 3 Birthday gifts. "), Some("birthday gifts"));
        assert_eq!(stop_word("Electronics"), Some("electronics"));
        assert_eq!(stop_word("Men's cotton shirts"), None);
        assert_eq!(stop_word("Hand-embroidered cotton tote bags"), None);
        assert_eq!(stop_word(""), None);
    }
}
