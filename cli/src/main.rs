//! The `niryat` command: check export shipments and make their documents.

use clap::{Parser, Subcommand, ValueEnum};
use niryat::render::Lang;
use niryat::{DocKind, Mode, Severity};
use std::process::ExitCode;

mod inputs;
mod render;
mod report;
mod serve;

use inputs::read_input;

#[derive(Parser)]
#[command(
    name = "niryat",
    version,
    about = "Indian export documents from one shipment description"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a shipment against the rules of the documents it needs.
    ///
    /// Exit status: 0 no errors (warnings allowed), 1 errors, 2 unreadable or malformed input.
    /// Several files (or a `.jsonl` file, one shipment per line) give one result each; with
    /// `--format json`, one JSON object per line, each with its `source`.
    Validate {
        /// Shipment JSON files (`-` for standard input); a `.jsonl` file holds one shipment per line.
        #[arg(required = true)]
        files: Vec<String>,
        /// Documents to check for, comma-separated (default: those the shipment calls for).
        #[arg(long = "for", value_delimiter = ',', value_parser = word::<DocKind>)]
        targets: Vec<DocKind>,
        /// Report missing fields as warnings (for forms being filled in).
        #[arg(long)]
        draft: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Language of the messages: en, hi or en+hi (codes, paths and params stay the same).
        #[arg(long, default_value = "en", value_parser = word::<Lang>)]
        lang: Lang,
    },
    /// Print the JSON Schema of the shipment model.
    Schema,
    /// List the document kinds.
    Kinds,
    /// Print the rules catalogue as Markdown.
    Rules {
        /// Language: en (docs/rules.md), hi (what each rule checks and every message in
        /// Hindi) or en+hi.
        #[arg(long, default_value = "en", value_parser = word::<Lang>)]
        lang: Lang,
    },
    /// Make documents (PDF, XML, JSON, CSV) from shipments.
    Render(render::RenderArgs),
    /// Reports over many shipments: GSTR-1 export rows, realisation of export proceeds.
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// Draft shipments, one per order, from an Amazon or eBay order report.
    ImportOrders(report::ImportOrdersArgs),
    /// Run the HTTP service: the API (`/v1/...`, described at `/openapi.json`) and the form at `/`.
    ///
    /// Stops on Ctrl-C or SIGTERM after answering the requests in flight.
    Serve(serve::ServeArgs),
    /// Read niryat XML and print the shipment as JSON.
    Import {
        /// niryat XML file, or `-` for standard input.
        file: String,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    ///
    /// bash: `niryat completions bash > /etc/bash_completion.d/niryat`
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) of niryat: `niryat man > niryat.1; man ./niryat.1`.
    Man,
    /// Put what the IRP returned for an e-invoice (IRN, Ack No, Ack Date, signed QR code) into a
    /// shipment and print the shipment as JSON.
    Irn {
        /// Shipment JSON file, or `-` for standard input.
        file: String,
        /// The IRP's response to "generate IRN" (JSON: the whole response or its data part).
        response: String,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum OutputFormat {
    Text,
    Json,
}

/// Exit status for unreadable or malformed input and usage errors.
pub(crate) const EXIT_INPUT: u8 = 2;

/// Writes to standard output. A reader that went away (`niryat validate … | head`) is not
/// an error worth a panic: the rest of the output is dropped quietly.
pub(crate) fn emit(bytes: &[u8]) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("niryat: cannot write standard output: {e}");
        }
    }
}

macro_rules! outln {
    ($($arg:tt)*) => {{
        let mut line = format!($($arg)*);
        line.push('\n');
        crate::emit(line.as_bytes());
    }};
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // typst recurses deeply; rayon's workers get 2 MiB stacks by default, which a long
    // batch of renders can exhaust. Give them room (reserved, not committed, memory).
    let _ = rayon::ThreadPoolBuilder::new().stack_size(64 << 20).build_global();
    match cli.command {
        Command::Validate { files, targets, draft, format, lang } => {
            validate(&files, &targets, draft, format, lang)
        }
        Command::Schema => {
            emit(niryat::shipment_schema().as_bytes());
            ExitCode::SUCCESS
        }
        Command::Kinds => {
            for k in DocKind::ALL {
                outln!("{:<20} {}", k.name(), k.title());
            }
            ExitCode::SUCCESS
        }
        Command::Rules { lang } => {
            emit(niryat::rules::catalogue_markdown_in(lang).as_bytes());
            ExitCode::SUCCESS
        }
        Command::Render(args) => render::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Import { file } => import(&file),
        Command::Report(cmd) => report::run(cmd),
        Command::ImportOrders(args) => report::import_orders(args),
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "niryat",
                &mut buf,
            );
            emit(&buf);
            ExitCode::SUCCESS
        }
        Command::Man => {
            let mut buf = Vec::new();
            let man = clap_mangen::Man::new(<Cli as clap::CommandFactory>::command());
            match man.render(&mut buf) {
                Ok(()) => {
                    emit(&buf);
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("niryat: cannot write the manual page: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Irn { file, response } => irn(&file, &response),
    }
}

/// `niryat irn SHIPMENT RESPONSE`: the shipment with `invoice.e_invoice` from the IRP's response.
fn irn(file: &str, response: &str) -> ExitCode {
    let text = |f: &str| {
        read_input(f)
            .and_then(|b| String::from_utf8(b).map_err(|e| format!("{f} is not UTF-8: {e}")))
    };
    let (shipment, reply) = match (text(file), text(response)) {
        (Ok(s), Ok(r)) => (s, r),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("niryat: {e}");
            return ExitCode::from(EXIT_INPUT);
        }
    };
    let mut shipment = match niryat::parse_json(shipment.as_bytes()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("niryat: {file}: malformed input at {e}");
            return ExitCode::from(EXIT_INPUT);
        }
    };
    match niryat::irp::registration_from_irp(&reply) {
        Ok(registration) => {
            shipment.invoice.get_or_insert_with(Default::default).e_invoice = Some(registration);
            outln!("{}", serde_json::to_string_pretty(&shipment).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("niryat: {response}: {e}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}

/// Parses one of niryat's words (kind, format, language …) for clap, with the library's
/// message listing the choices.
pub(crate) fn word<T: std::str::FromStr<Err = niryat::names::UnknownName>>(
    s: &str,
) -> Result<T, String> {
    s.parse().map_err(|e: niryat::names::UnknownName| e.to_string())
}

fn validate(
    files: &[String],
    targets: &[DocKind],
    draft: bool,
    format: OutputFormat,
    lang: Lang,
) -> ExitCode {
    let inputs = match inputs::load(files) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("niryat: {e}");
            return ExitCode::from(EXIT_INPUT);
        }
    };
    let several = inputs.len() != 1;
    let mode = if draft { Mode::Draft } else { Mode::Strict };
    let (mut malformed, mut invalid) = (false, false);
    for input in &inputs {
        let shipment = match &input.shipment {
            Ok(s) => s,
            Err(e) => {
                malformed = true;
                let e = e.in_lang(lang);
                if format == OutputFormat::Json {
                    let mut out = serde_json::json!({ "valid": false, "error": { "code": "malformed_input", "path": e.path, "message": e.message, "line": e.line, "column": e.column } });
                    if several {
                        out["source"] = input.source.clone().into();
                    }
                    outln!("{out}");
                } else {
                    eprintln!("niryat: {}: malformed input at {e}", input.source);
                }
                continue;
            }
        };
        let targets = (!targets.is_empty()).then_some(targets);
        let result = niryat::check(shipment, targets, mode).in_lang(lang);
        invalid |= !result.valid;
        match format {
            OutputFormat::Json if several => {
                let mut out = serde_json::to_value(&result).unwrap_or_default();
                out["source"] = input.source.clone().into();
                outln!("{out}");
            }
            OutputFormat::Json => {
                outln!("{}", serde_json::to_string_pretty(&result).unwrap_or_default());
            }
            OutputFormat::Text => text_report(&input.source, &result),
        }
    }
    if malformed {
        ExitCode::from(EXIT_INPUT)
    } else if invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// One line per issue, then a summary line naming the documents checked.
fn text_report(source: &str, result: &niryat::Validation) {
    for i in &result.issues {
        let i = &i.issue;
        let path = if i.path.is_empty() { "/" } else { &i.path };
        outln!("{:<7} {path}: {} [{}]", i.severity.as_str(), i.message, i.code);
    }
    let errors = result.issues.iter().filter(|i| i.issue.severity == Severity::Error).count();
    let warnings = result.issues.len() - errors;
    let docs: Vec<_> = result.documents.iter().map(|k| k.name()).collect();
    if docs.is_empty() {
        outln!("{source}: no documents apply (a personal parcel needs a transport mode of post for its CN22/CN23); {errors} error(s), {warnings} warning(s)");
    } else {
        outln!("{source}: {errors} error(s), {warnings} warning(s) for {}", docs.join(", "));
    }
}

fn import(file: &str) -> ExitCode {
    let text = match read_input(file)
        .and_then(|b| String::from_utf8(b).map_err(|e| format!("{file} is not UTF-8: {e}")))
    {
        Ok(t) => t,
        Err(e) => {
            eprintln!("niryat: {e}");
            return ExitCode::from(EXIT_INPUT);
        }
    };
    match niryat::render::import_xml(&text) {
        Ok(shipment) => {
            outln!("{}", serde_json::to_string_pretty(&shipment).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("niryat: {file}: malformed XML at {e}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}
