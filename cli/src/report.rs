//! `niryat report gstr1|realisation` and `niryat import-orders`: reports over many shipments
//! and draft shipments from marketplace order reports.

use crate::{emit, read_input, word, EXIT_INPUT};
use clap::{Args, Subcommand, ValueEnum};
use niryat::render::Lang;
use niryat::report::{self, Period, ReportInput, ReportIssue};
use std::process::ExitCode;

/// `niryat report …`.
#[derive(Subcommand)]
pub(crate) enum ReportCommand {
    /// GSTR-1 Table 6A export rows (EXPWP / EXPWOP) of one month from many shipments.
    ///
    /// Give every shipment file of the financial year: invoice numbers are checked unique
    /// within a year across the files, and only the invoices dated in `--period` are reported.
    /// Exit status: 0 no errors, 1 errors (duplicates, missing values), 2 unreadable input.
    Gstr1 {
        /// Shipment JSON files.
        #[arg(required = true)]
        files: Vec<String>,
        /// Tax period, `YYYY-MM`.
        #[arg(long)]
        period: String,
        /// `json` (the GST offline tool's layout) or `csv`.
        #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
        format: ReportFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<String>,
        /// Language of the issue messages: en, hi or en+hi.
        #[arg(long, default_value = "en", value_parser = word::<Lang>)]
        lang: Lang,
    },
    /// Realisation of export proceeds: due date (export + 15 months), e-BRC / FIRC received,
    /// overdue and part-realised invoices.
    Realisation {
        /// Shipment JSON files.
        #[arg(required = true)]
        files: Vec<String>,
        /// The date to judge "overdue" on, `YYYY-MM-DD` (default: today, UTC).
        #[arg(long)]
        as_of: Option<String>,
        /// `json` or `csv`.
        #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
        format: ReportFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<String>,
        /// Language of the issue messages: en, hi or en+hi.
        #[arg(long, default_value = "en", value_parser = word::<Lang>)]
        lang: Lang,
    },
}

/// Output format of a report.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum ReportFormat {
    Json,
    Csv,
}

/// `niryat import-orders`.
#[derive(Args)]
pub(crate) struct ImportOrdersArgs {
    /// Which marketplace's report.
    #[arg(long = "from", value_enum)]
    from: Marketplace,
    /// The order report (Amazon: tab-separated order report; eBay: Seller Hub orders CSV).
    report: String,
    /// Exporter profile JSON (the `exporter` object of a shipment, or a whole shipment whose
    /// `exporter`, `signatory`, `tax`, `transport` and `postal` are copied into every draft).
    #[arg(long)]
    exporter: String,
    /// SKU catalogue CSV (sku, description, hs_code, unit, net_weight_kg, gst_rate, origin_country).
    #[arg(long)]
    catalogue: Option<String>,
    /// Directory to write one `<order id>.json` per order into (default: a JSON array on
    /// standard output).
    #[arg(short, long)]
    output: Option<String>,
    /// Language of the issue messages: en, hi or en+hi.
    #[arg(long, default_value = "en", value_parser = word::<Lang>)]
    lang: Lang,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Marketplace {
    Amazon,
    Ebay,
}

/// Runs `niryat report …`.
pub(crate) fn run(cmd: ReportCommand) -> ExitCode {
    match cmd {
        ReportCommand::Gstr1 { files, period, format, output, lang } => {
            let Some(period) = Period::parse(&period) else {
                eprintln!("niryat: --period {period:?} is not a month YYYY-MM (2017 or later)");
                return ExitCode::from(EXIT_INPUT);
            };
            let inputs = match read_all(&files, lang) {
                Ok(i) => i,
                Err(code) => return code,
            };
            let r = report::gstr1(&inputs, period).in_lang(lang);
            let text = match format {
                ReportFormat::Json => r.offline_json(),
                ReportFormat::Csv => r.csv(),
            };
            finish(&text, output.as_deref(), &r.issues)
        }
        ReportCommand::Realisation { files, as_of, format, output, lang } => {
            let as_of = match as_of {
                Some(d) => match d.parse::<jiff::civil::Date>() {
                    Ok(d) => d,
                    Err(_) => {
                        eprintln!("niryat: --as-of {d:?} is not a date YYYY-MM-DD");
                        return ExitCode::from(EXIT_INPUT);
                    }
                },
                None => jiff::tz::Offset::UTC.to_datetime(jiff::Timestamp::now()).date(),
            };
            let inputs = match read_all(&files, lang) {
                Ok(i) => i,
                Err(code) => return code,
            };
            let r = report::realisation(&inputs, as_of).in_lang(lang);
            let text = match format {
                ReportFormat::Json => r.json(),
                ReportFormat::Csv => r.csv(),
            };
            finish(&text, output.as_deref(), &r.issues)
        }
    }
}

/// Reads and parses every file; a file that is not a shipment stops the report.
fn read_all(files: &[String], lang: Lang) -> Result<Vec<ReportInput>, ExitCode> {
    let mut out = Vec::with_capacity(files.len());
    for f in files {
        let bytes = read_input(f).map_err(|e| {
            eprintln!("niryat: {e}");
            ExitCode::from(EXIT_INPUT)
        })?;
        let shipment = niryat::parse_json(&bytes).map_err(|e| {
            eprintln!("niryat: {f}: {}", e.in_lang(lang));
            ExitCode::from(EXIT_INPUT)
        })?;
        out.push(ReportInput { name: f.clone(), shipment });
    }
    Ok(out)
}

/// Writes `text`, prints the issues on standard error, and gives the exit status.
fn finish(text: &str, output: Option<&str>, issues: &[ReportIssue]) -> ExitCode {
    match output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, text) {
                eprintln!("niryat: cannot write {path}: {e}");
                return ExitCode::from(EXIT_INPUT);
            }
        }
        None => emit(text.as_bytes()),
    }
    for i in issues {
        let path = if i.path.is_empty() { "/" } else { &i.path };
        eprintln!("{}: {} {} [{}] {}", i.file, path, i.severity.as_str(), i.code, i.message);
    }
    if issues.iter().any(|i| i.severity == niryat::Severity::Error) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Runs `niryat import-orders`.
pub(crate) fn import_orders(args: ImportOrdersArgs) -> ExitCode {
    use niryat::orders::{self, Catalogue, Marketplace as M};
    let read_text = |path: &str| -> Result<String, ExitCode> {
        let bytes = read_input(path).map_err(|e| {
            eprintln!("niryat: {e}");
            ExitCode::from(EXIT_INPUT)
        })?;
        String::from_utf8(bytes).map_err(|_| {
            eprintln!("niryat: {path} is not UTF-8 text");
            ExitCode::from(EXIT_INPUT)
        })
    };
    let print_issues = |file: &str, issues: &[orders::ImportIssue]| {
        for i in issues {
            let at = match (&i.line, &i.column) {
                (Some(l), Some(c)) => format!(" line {l}, column {c:?}:"),
                (Some(l), None) => format!(" line {l}:"),
                _ => String::new(),
            };
            eprintln!("{file}:{at} {} [{}] {}", i.severity.as_str(), i.code, i.message);
        }
    };
    let market = match args.from {
        Marketplace::Amazon => M::Amazon,
        Marketplace::Ebay => M::Ebay,
    };
    let report = match read_text(&args.report) {
        Ok(t) => t,
        Err(c) => return c,
    };
    let template = match read_input(&args.exporter).map(|b| orders::template(&b)) {
        Ok(Ok(t)) => t,
        Ok(Err(e)) => {
            eprintln!("niryat: {}: {}", args.exporter, e.in_lang(args.lang));
            return ExitCode::from(EXIT_INPUT);
        }
        Err(e) => {
            eprintln!("niryat: {e}");
            return ExitCode::from(EXIT_INPUT);
        }
    };
    let catalogue = match &args.catalogue {
        Some(path) => match read_text(path).map(|t| Catalogue::parse(&t)) {
            Ok(Ok(c)) => Some(c),
            Ok(Err(issues)) => {
                print_issues(path, &orders::in_lang(&issues, args.lang));
                return ExitCode::from(EXIT_INPUT);
            }
            Err(c) => return c,
        },
        None => None,
    };
    let imported = match orders::import(market, &report, &template, catalogue.as_ref()) {
        Ok(i) => i.in_lang(args.lang),
        Err(issues) => {
            print_issues(&args.report, &orders::in_lang(&issues, args.lang));
            return ExitCode::from(EXIT_INPUT);
        }
    };
    print_issues(&args.report, &imported.issues);
    for o in &imported.orders {
        let warnings = o.check.warnings().count();
        let errors = o.check.errors().count();
        let lines = o.shipment.items.len();
        let en = format!(
            "order {}: draft with {lines} line(s); draft check: {errors} error(s), {warnings} warning(s) to fill in",
            o.order_id
        );
        let hi = format!(
            "ऑर्डर {}: {lines} पंक्ति का प्रारूप; प्रारूप जाँच: {errors} त्रुटि, {warnings} चेतावनी (भरना बाकी)",
            o.order_id
        );
        match args.lang {
            Lang::En => eprintln!("{en}"),
            Lang::Hi => eprintln!("{hi}"),
            Lang::EnHi => eprintln!("{en} / {hi}"),
        }
    }
    match &args.output {
        Some(dir) => {
            if let Err(e) = std::fs::create_dir_all(dir) {
                eprintln!("niryat: cannot create {dir}: {e}");
                return ExitCode::from(EXIT_INPUT);
            }
            for o in &imported.orders {
                let name: String = o
                    .order_id
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' })
                    .collect();
                let path = std::path::Path::new(dir).join(format!("{name}.json"));
                let mut text = serde_json::to_string_pretty(&o.shipment).unwrap_or_default();
                text.push('\n');
                if let Err(e) = std::fs::write(&path, text) {
                    eprintln!("niryat: cannot write {}: {e}", path.display());
                    return ExitCode::from(EXIT_INPUT);
                }
            }
        }
        None => {
            let all: Vec<_> = imported.orders.iter().map(|o| &o.shipment).collect();
            let mut text = serde_json::to_string_pretty(&all).unwrap_or_default();
            text.push('\n');
            emit(text.as_bytes());
        }
    }
    ExitCode::SUCCESS
}
