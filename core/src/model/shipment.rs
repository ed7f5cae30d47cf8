//! The consignment itself: invoice header, terms, tax, currency, transport, lines, packages.

use super::{DecimalRepr, Exporter, Party, Signatory};
use jiff::civil::Date;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One export consignment: the single source of truth for every document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Shipment {
    /// Commercial export (default) or a personal, non-commercial parcel (a gift) that needs no IEC.
    pub purpose: Purpose,
    /// The exporter profile ("IEC details"); for a personal parcel, the sender.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exporter: Option<Exporter>,
    /// Who receives the goods.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consignee: Option<Party>,
    /// Who buys the goods, when not the consignee.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer: Option<Party>,
    /// Country of final destination, ISO 3166-1 alpha-2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_country: Option<String>,
    /// Invoice number, date and references.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoice: Option<InvoiceHeader>,
    /// Delivery (Incoterms 2020) and payment terms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terms: Option<Terms>,
    /// GST treatment of the export.
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "tax_object")]
    pub tax: Option<TaxTreatment>,
    /// Invoice currency, ISO 4217 (`INR`, `USD`, `EUR`, `GBP` …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Rate from the invoice currency to INR (not needed for INR invoices).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exchange_rate: Option<ExchangeRate>,
    /// Value of one SDR in INR, used for the CN22/CN23 threshold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sdr_rate: Option<SdrRate>,
    /// Freight and insurance included in the invoice total (needed to derive FOB under CIF, CIP, CFR, CPT …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub charges: Option<Charges>,
    /// How the goods leave India.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transport: Option<Transport>,
    /// The goods, one line per invoice line.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<LineItem>,
    /// Packages (cartons) or postal articles and what each contains.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub packages: Vec<Package>,
    /// CN22/CN23 particulars.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal: Option<PostalDeclaration>,
    /// E-commerce particulars for the Postal Bill of Export (PBE-III).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ecommerce: Option<Ecommerce>,
    /// Export declaration (Postal Bill of Export or shipping bill), once allotted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_declaration: Option<ExportDeclaration>,
    /// Who signs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signatory: Option<Signatory>,
    /// The customs broker who files the Postal Bill of Export for the exporter, if any
    /// (PBE header "Details of authorised agent").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorised_agent: Option<AuthorisedAgent>,
    /// Proforma invoice particulars (validity, samples): used only by the `proforma_invoice`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proforma: Option<super::Proforma>,
    /// Export proceeds received against this invoice (e-BRC / FIRC), for the realisation report.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub realisations: Vec<super::Realisation>,
}

/// A customs broker acting for the exporter (PBE-III/IV header, Notification 07/2026-Customs (N.T.)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct AuthorisedAgent {
    /// Customs broker licence number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licence_number: Option<String>,
    /// Name of the customs broker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Address, as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// Export incentives claimed on one invoice line: the PBE table "Additional information for
/// duty drawback / any other export scheme" (PBE-III/IV of 15 January 2026).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct SchemeClaim {
    /// Duty drawback claimed (section 75 Customs Act; Drawback Rules 2017).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub drawback: Option<bool>,
    /// Serial number (tariff item) of the drawback schedule the claim is made under.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dbk_serial: Option<String>,
    /// Quantity drawback is claimed on, in the drawback schedule's unit (default: the line's quantity).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub drawback_quantity: Option<Decimal>,
    /// RoDTEP claimed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rodtep: Option<bool>,
    /// RoSCTL claimed (garments and made-ups).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rosctl: Option<bool>,
    /// Scheme code as the customs system lists it, printed as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheme_code: Option<String>,
    /// End use of the item, as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_use: Option<String>,
    /// RITC (ITC-HS) code when it differs from the line's `hs_code`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ritc_code: Option<String>,
}

impl SchemeClaim {
    /// Whether any scheme is claimed.
    pub fn claims_any(&self) -> bool {
        self.drawback == Some(true) || self.rodtep == Some(true) || self.rosctl == Some(true)
    }
}

/// Whether the consignment is a commercial export or a personal parcel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Export in furtherance of business: needs IEC, invoice, PBE for postal exports.
    #[default]
    Commercial,
    /// Personal, non-commercial (a gift by post): CN22/CN23 only, no IEC.
    Personal,
}

/// Invoice number, date and references.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct InvoiceHeader {
    /// Invoice number: at most 16 characters of letters, digits, `-` and `/` (GST Rule 46).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Date of issue.
    #[serde(
        default,
        deserialize_with = "super::date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<super::DateRepr>")]
    pub date: Option<Date>,
    /// Exporter's own reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exporter_reference: Option<String>,
    /// Buyer's order number and date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_order: Option<OrderReference>,
    /// Marketplace order id (Amazon, eBay, Etsy …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marketplace_order_id: Option<String>,
    /// Other references, printed as given.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_references: Vec<String>,
    /// The Rule 46 endorsement as the exporter's system printed it. Leave empty to let
    /// niryat print the notified text for the tax treatment; when given it is checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endorsement: Option<String>,
    /// Invoice total as the exporter's own system computed it, in the invoice currency;
    /// when given it is checked against the lines and charges.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub total: Option<Decimal>,
    /// FOB value in INR as the exporter's own system computed it; checked against FOB × rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub fob_inr: Option<Decimal>,
    /// Packing list number, when it has its own series.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packing_list_number: Option<String>,
    /// What the IRP returned when the invoice was registered (exporters under e-invoicing,
    /// Rule 48(4)): typed in, or read from the IRP's response with
    /// [`crate::irp::registration_from_irp`]. Printed on the invoice with the QR code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub e_invoice: Option<EinvoiceRegistration>,
}

/// The IRP's answer to an e-invoice: the invoice reference number, the acknowledgement and
/// the signed QR code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct EinvoiceRegistration {
    /// Invoice Reference Number: 64 hexadecimal characters (a SHA-256 hash).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub irn: Option<String>,
    /// Acknowledgement number (digits).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ack_no: Option<String>,
    /// Acknowledgement date.
    #[serde(
        default,
        deserialize_with = "super::date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<super::DateRepr>")]
    pub ack_date: Option<Date>,
    /// The signed QR code exactly as the IRP returned it: a JWT (three base64url parts
    /// joined by dots). Printed as a QR code on the invoice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_qr: Option<String>,
}

/// A buyer's order reference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct OrderReference {
    /// Order number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Order date.
    #[serde(
        default,
        deserialize_with = "super::date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<super::DateRepr>")]
    pub date: Option<Date>,
}

/// Delivery and payment terms.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Terms {
    /// Incoterms 2020 rule (`FOB`, `CIF`, `DAP` …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incoterm: Option<String>,
    /// The named place that goes with the rule ("Nhava Sheva", "New York").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incoterm_place: Option<String>,
    /// Payment terms as printed ("Advance via eBay managed payments", "30% advance, 70% DP").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment: Option<String>,
}

/// GST treatment of the export (GST Rule 46 endorsement, Rule 96A LUT).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum TaxTreatment {
    /// Export on payment of integrated tax (refund claimed later).
    IgstPaid {
        /// IGST rate in percent (`5`, `12`, `18`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[schemars(with = "Option<DecimalRepr>")]
        rate: Option<Decimal>,
        /// IGST amount in INR, when the exporter states it (checked against the rate).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[schemars(with = "Option<DecimalRepr>")]
        amount: Option<Decimal>,
    },
    /// Export under a Letter of Undertaking without payment of IGST.
    Lut {
        /// ARN of the LUT acknowledgement (FORM GST RFD-11).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        arn: Option<String>,
        /// Date of the LUT acknowledgement.
        #[serde(
            default,
            deserialize_with = "super::date::optional",
            skip_serializing_if = "Option::is_none"
        )]
        #[schemars(with = "Option<super::DateRepr>")]
        date: Option<Date>,
    },
    /// Export under bond without payment of IGST.
    Bond {
        /// Bond reference.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
        /// Bond date.
        #[serde(
            default,
            deserialize_with = "super::date::optional",
            skip_serializing_if = "Option::is_none"
        )]
        #[schemars(with = "Option<super::DateRepr>")]
        date: Option<Date>,
    },
    /// The exporter is not registered under GST (below the threshold): no GST block.
    /// (A struct variant, empty, so that an unknown field beside `kind` is refused as for the
    /// others: serde lets a unit variant of a tagged enum ignore every other field.)
    Unregistered {},
}

/// Reads the tax treatment from an object only. serde reads an internally tagged enum from
/// whatever the input holds, and would take a JSON array (`["lut", "ARN"]`: the tag, then
/// the fields in order) where the object belongs.
fn tax_object<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<TaxTreatment>, D::Error> {
    use serde::de::{Deserializer, Visitor};

    struct ObjectOnly<D>(D);

    impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectOnly<D> {
        type Error = D::Error;
        fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
            self.0.deserialize_map(v)
        }
        fn is_human_readable(&self) -> bool {
            self.0.is_human_readable()
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map struct
            enum identifier ignored_any
        }
    }

    struct Opt;

    impl<'de> Visitor<'de> for Opt {
        type Value = Option<TaxTreatment>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a tax treatment object or null")
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            TaxTreatment::deserialize(ObjectOnly(d)).map(Some)
        }
    }

    d.deserialize_option(Opt)
}

/// A rate converting the invoice currency to INR.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ExchangeRate {
    /// INR for `per` units of the invoice currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub rate: Option<Decimal>,
    /// Units the rate is quoted for: 1 (Schedule I) or 100 (Schedule II: JPY, KRW). Default 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<u32>,
    /// Source: the CBIC customs notification (for export goods) the rate comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Date the rate is in force from.
    #[serde(
        default,
        deserialize_with = "super::date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<super::DateRepr>")]
    pub date: Option<Date>,
}

/// The value of one SDR in INR.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct SdrRate {
    /// INR per SDR.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub inr_per_sdr: Option<Decimal>,
    /// Date of the rate.
    #[serde(
        default,
        deserialize_with = "super::date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<super::DateRepr>")]
    pub date: Option<Date>,
}

/// Freight and insurance included in the invoice total, in the invoice currency.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Charges {
    /// Freight.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub freight: Option<Decimal>,
    /// Insurance.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub insurance: Option<Decimal>,
}

/// Mode of transport out of India.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TransportMode {
    /// India Post (through a DNK or FPO).
    Post,
    /// Air cargo.
    Air,
    /// Sea.
    Sea,
    /// Road (land customs station).
    Road,
    /// Rail.
    Rail,
    /// Courier (CSB).
    Courier,
}

/// India Post product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PostalProduct {
    /// International Tracked Packet Service (≤ 2 kg).
    InternationalTrackedPacket,
    /// EMS Speed Post.
    Ems,
    /// International air parcel.
    Parcel,
    /// Letter post (documents).
    Letter,
    /// Registered small packet: withdrawn for goods from 1 Jan 2026.
    RegisteredSmallPacket,
}

/// Transport particulars.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Transport {
    /// Mode of transport.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<TransportMode>,
    /// Postal particulars (mode `post`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post: Option<PostDetails>,
    /// Pre-carriage by ("Road", "Rail").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pre_carriage: Option<String>,
    /// Place of receipt by pre-carrier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place_of_receipt: Option<String>,
    /// Port of loading: Indian customs location code (`INNSA1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port_of_loading: Option<String>,
    /// Port of discharge (name or UN/LOCODE).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port_of_discharge: Option<String>,
    /// Final destination place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub final_destination: Option<String>,
    /// Vessel name/voyage or flight number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vessel_or_flight: Option<String>,
    /// Date the goods are handed over (to the post office or carrier).
    #[serde(
        default,
        deserialize_with = "super::date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<super::DateRepr>")]
    pub dispatch_date: Option<Date>,
}

/// India Post particulars.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PostDetails {
    /// India Post product.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product: Option<PostalProduct>,
    /// Booking post office or Dak Ghar Niryat Kendra.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub booking_office: Option<String>,
    /// Foreign Post Office code (`INVNS5` Varanasi, `INKNU5` Kanpur).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fpo_code: Option<String>,
}

/// One invoice line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct LineItem {
    /// Specific description ("Hand-embroidered chikankari cotton stole"), not "gift" or "clothes".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// HS / ITC(HS) code, digits only; 8 digits for PBE and shipping bills.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hs_code: Option<String>,
    /// Quantity.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub quantity: Option<Decimal>,
    /// GST unit quantity code (`PCS`, `NOS`, `KGS`, `SET` …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Price per unit in the invoice currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub unit_price: Option<Decimal>,
    /// Line amount as the exporter computed it; checked against quantity × unit price.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub amount: Option<Decimal>,
    /// Country of origin, ISO 3166-1 alpha-2 (usually `IN`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin_country: Option<String>,
    /// Net weight of the whole line in kg (CN23 box 3).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub net_weight_kg: Option<Decimal>,
    /// Seller's SKU (PBE-III column 14).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// GST (IGST) rate of this line in percent (`5`, `18`); Rule 46 asks for the rate of each
    /// item. When absent, the shipment's `tax.rate` applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub gst_rate: Option<Decimal>,
    /// Export incentives claimed on this line (drawback, RoDTEP, RoSCTL), for the PBE.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheme: Option<SchemeClaim>,
    /// Unit of quantity of the customs tariff for this heading (`MTR`, `KGS`, `NOS` …) when it
    /// differs from the GST unit; the PBE's "Unit" column uses it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customs_unit: Option<String>,
    /// Quantity in `customs_unit` (12.6 metres for 2 sarees of 6.3 m).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub customs_quantity: Option<Decimal>,
}

/// Package dimensions in centimetres.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Dimensions {
    /// Length.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub length_cm: Option<Decimal>,
    /// Width.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub width_cm: Option<Decimal>,
    /// Height.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub height_cm: Option<Decimal>,
}

/// A package, or a run of identical packages (`number`..=`to`), or one postal article.
///
/// For a run, weights, dimensions and contents are those of *each* package.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Package {
    /// Package number (first of the run).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// Last number of a run of identical packages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<u32>,
    /// Kind of package (`carton`, `box`, `bag`, `envelope`, `parcel`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Shipping marks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marks: Option<String>,
    /// Outer dimensions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<Dimensions>,
    /// Net weight in kg.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub net_weight_kg: Option<Decimal>,
    /// Gross weight in kg.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub gross_weight_kg: Option<Decimal>,
    /// UPU S10 tracking number of the postal article (`EE123456785IN`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    /// What the package holds.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contents: Vec<PackageContent>,
}

/// Part of an invoice line packed in a package.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PackageContent {
    /// Invoice line number, counted from 1 as printed on the invoice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// Quantity of that line in this package.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub quantity: Option<Decimal>,
}

/// UPU category of item (CN22/CN23).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PostalCategory {
    /// Gift.
    Gift,
    /// Documents.
    Documents,
    /// Commercial sample.
    CommercialSample,
    /// Returned goods.
    ReturnedGoods,
    /// Sale of goods.
    SaleOfGoods,
    /// Other (explain).
    Other,
}

/// What to do with an undeliverable item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NonDelivery {
    /// Return to sender.
    ReturnToSender,
    /// Treat as abandoned.
    Abandon,
}

/// CN22/CN23 particulars.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PostalDeclaration {
    /// Category of item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<PostalCategory>,
    /// Explanation when the category is `other`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// Comments (quarantine, sanitary or other restrictions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comments: Option<String>,
    /// Licence numbers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub licences: Vec<String>,
    /// Certificate numbers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<String>,
    /// Postage and other postal charges, in the invoice currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<DecimalRepr>")]
    pub postal_charges: Option<Decimal>,
    /// Sender's customs reference, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender_reference: Option<String>,
    /// What to do if the item cannot be delivered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_delivery: Option<NonDelivery>,
    /// Whether foreign exchange is involved (gifts and free samples: none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub foreign_exchange_involved: Option<bool>,
}

/// E-commerce particulars (PBE-III columns 11–14).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Ecommerce {
    /// Platform name ("eBay", "Amazon Global Selling").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// Website URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// GSTIN of the e-commerce operator, only where it is GST-registered in India (TCS form).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator_gstin: Option<String>,
    /// Payment transaction id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_transaction_id: Option<String>,
}

/// Export declaration reference (PBE or shipping bill), once allotted by the system.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ExportDeclaration {
    /// Bill number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Bill date.
    #[serde(
        default,
        deserialize_with = "super::date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<super::DateRepr>")]
    pub date: Option<Date>,
    /// Whether an IGST refund is claimed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refund_claimed: Option<bool>,
    /// Port code the bill was filed at, six characters (`INNSA1`; the FPO code `INDEL5` for a
    /// PBE). When absent, GSTR-1 takes the FPO code, else the port of loading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port_code: Option<String>,
}
