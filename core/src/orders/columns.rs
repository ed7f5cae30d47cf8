//! The column mappings of the marketplaces' order reports, as data: which heading feeds which
//! field of a draft shipment, which headings must be there, and every other heading the
//! documented report may carry (read and ignored). A heading in none of these lists is an
//! error that names it, so a changed report is noticed rather than misread.

/// What a column feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The marketplace's order id (groups the rows of one order).
    OrderId,
    /// Order date (date-time; the date part is kept).
    OrderDate,
    /// Payment transaction id.
    PaymentTransaction,
    /// Seller's SKU.
    Sku,
    /// Item title.
    Title,
    /// Quantity.
    Quantity,
    /// Price of the line: for Amazon the whole line (an aggregate of the quantity), for eBay
    /// one unit ("Sold For").
    Price,
    /// Shipping charged.
    Shipping,
    /// ISO 4217 currency code.
    Currency,
    /// Recipient's name.
    Name,
    /// Recipient's phone.
    Phone,
    /// Recipient's e-mail.
    Email,
    /// Address line 1.
    Address1,
    /// Address line 2.
    Address2,
    /// Address line 3 (joined to line 2).
    Address3,
    /// City.
    City,
    /// State or region.
    State,
    /// Postcode.
    PostalCode,
    /// Country: ISO alpha-2 (Amazon) or the country's English name (eBay).
    Country,
}

/// A marketplace report's layout.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// The report's name, for messages.
    pub report: &'static str,
    /// The report's name as a key of the message phrases (English and Hindi).
    pub phrase: &'static str,
    /// Field separator.
    pub separator: char,
    /// Headings niryat reads, with the field each feeds and whether it must be present.
    pub mapped: &'static [(&'static str, Field, bool)],
    /// Other documented headings: accepted and ignored.
    pub ignored: &'static [&'static str],
}

/// Amazon Seller Central "Order Report" (seller-fulfilled orders; the Unshipped Orders and
/// the new-orders report share it): tab-separated, one row per order item, amounts are
/// aggregates of the quantity. Source: Seller Central help "Order Report field definitions"
/// (sellercentral help item 201648780, amazon.co.jp and sellercentral-europe pages, read
/// 30 Nov 2026) [S]. The "All Orders" report (help item 200547170) carries no buyer name or
/// address ("does not include customer-identifying information"), so it cannot make a
/// shipment and is not accepted.
pub const AMAZON: Layout = Layout {
    report: "Amazon order report",
    phrase: "amazon_order_report",
    separator: '\t',
    mapped: &[
        ("order-id", Field::OrderId, true),
        ("purchase-date", Field::OrderDate, true),
        ("sku", Field::Sku, true),
        ("product-name", Field::Title, true),
        ("quantity-purchased", Field::Quantity, true),
        ("currency", Field::Currency, true),
        ("item-price", Field::Price, true),
        ("shipping-price", Field::Shipping, false),
        ("recipient-name", Field::Name, true),
        ("ship-address-1", Field::Address1, true),
        ("ship-address-2", Field::Address2, false),
        ("ship-address-3", Field::Address3, false),
        ("ship-city", Field::City, true),
        ("ship-state", Field::State, false),
        ("ship-postal-code", Field::PostalCode, true),
        ("ship-country", Field::Country, true),
        ("ship-phone-number", Field::Phone, false),
        ("buyer-email", Field::Email, false),
    ],
    ignored: &[
        "order-item-id",
        "payments-date",
        "buyer-name",
        "buyer-phone-number",
        "item-tax",
        "shipping-tax",
        "gift-wrap-price",
        "gift-wrap-tax",
        "ship-service-level",
        "item-promotion-discount",
        "item-promotion-id",
        "ship-promotion-discount",
        "ship-promotion-id",
        "delivery-start-date",
        "delivery-end-date",
        "delivery-time-zone",
        "delivery-Instructions",
        "sales-channel",
        "is-business-order",
        "purchase-order-number",
        "price-designation",
        "is-prime",
        "fulfilled-by",
        "promise-date",
    ],
};

/// eBay Seller Hub "Orders" report (Orders → Download report, CSV): one row per order line,
/// and for an order of several lines one order row (the address and totals, no item) before
/// its lines. Headings as Seller Hub writes them; "Sold For" is the price of one unit with
/// the currency's symbol. Source: eBay Seller Hub order report download; eBay's developer
/// page for the Merchant Integration Platform order report (developer.ebay.com, "mip
/// definitions order report") documents the same order, buyer and ship-to fields under its
/// own names [S]; the Seller Hub headings themselves were not found in a public
/// specification and are as eBay writes them in downloaded reports [U].
pub const EBAY: Layout = Layout {
    report: "eBay orders report",
    phrase: "ebay_orders_report",
    separator: ',',
    mapped: &[
        ("Order Number", Field::OrderId, true),
        ("Sale Date", Field::OrderDate, true),
        ("Transaction ID", Field::PaymentTransaction, false),
        ("Custom Label", Field::Sku, true),
        ("Item Title", Field::Title, true),
        ("Quantity", Field::Quantity, true),
        ("Sold For", Field::Price, true),
        ("Shipping And Handling", Field::Shipping, false),
        ("Ship To Name", Field::Name, true),
        ("Ship To Phone", Field::Phone, false),
        ("Buyer Email", Field::Email, false),
        ("Ship To Address 1", Field::Address1, true),
        ("Ship To Address 2", Field::Address2, false),
        ("Ship To City", Field::City, true),
        ("Ship To State", Field::State, false),
        ("Ship To Zip", Field::PostalCode, true),
        ("Ship To Country", Field::Country, true),
    ],
    ignored: &[
        "Sales Record Number",
        "Buyer Username",
        "Buyer Name",
        "Buyer Note",
        "Buyer Address 1",
        "Buyer Address 2",
        "Buyer City",
        "Buyer State",
        "Buyer Zip",
        "Buyer Country",
        "Buyer Tax Identifier Name",
        "Buyer Tax Identifier Value",
        "Item Number",
        "Sold Via Promoted Listings",
        "Item Location",
        "Item Zip Code",
        "Item Country",
        "eBay Collect And Remit Tax Rate",
        "eBay Collect And Remit Tax Type",
        "eBay Reference Name",
        "eBay Reference Value",
        "Tax Status",
        "Seller Collected Tax",
        "eBay Collected Tax",
        "Electronic Waste Recycling Fee",
        "Mattress Recycling Fee",
        "Battery Recycling Fee",
        "Additional Fee",
        "Total Price",
        "eBay Collected Tax and Fees Included in Total",
        "Payment Method",
        "Paid On Date",
        "Ship By Date",
        "Minimum Estimated Delivery Date",
        "Maximum Estimated Delivery Date",
        "Shipped On Date",
        "Feedback Left",
        "Feedback Received",
        "My Item Note",
        "PayPal Transaction ID",
        "Shipping Service",
        "Tracking Number",
        "Variation Details",
        "Global Shipping Program",
        "Global Shipping Reference ID",
        "Click And Collect",
        "Click And Collect Reference Number",
        "eBay Plus",
        "eBay Fulfillment Program",
        "eBay International Shipping",
    ],
};

/// eBay's "Sold For" / "Shipping And Handling" currency prefixes, longest first.
pub const EBAY_CURRENCY_PREFIXES: &[(&str, &str)] = &[
    ("US $", "USD"),
    ("AU $", "AUD"),
    ("C $", "CAD"),
    ("GBP", "GBP"),
    ("EUR", "EUR"),
    ("USD", "USD"),
    ("£", "GBP"),
    ("€", "EUR"),
    ("$", "USD"),
];
