//! The `niryat` command: check export shipments and make their documents.

use clap::{Parser, Subcommand, ValueEnum};
use niryat::{DocKind, Mode, Severity};
use std::io::Read;
use std::process::ExitCode;

mod render;
mod serve;

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
    Validate {
        /// Shipment JSON file, or `-` for standard input.
        file: String,
        /// Documents to check for, comma-separated (default: those the shipment calls for).
        #[arg(long = "for", value_delimiter = ',')]
        targets: Vec<String>,
        /// Report missing fields as warnings (for forms being filled in).
        #[arg(long)]
        draft: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Print the JSON Schema of the shipment model.
    Schema,
    /// List the document kinds.
    Kinds,
    /// Print the rules catalogue as Markdown.
    Rules,
    /// Make documents (PDF, XML, JSON, CSV) from shipments.
    Render(render::RenderArgs),
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
        Command::Validate { file, targets, draft, format } => {
            validate(&file, &targets, draft, format)
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
        Command::Rules => {
            emit(niryat::rules::catalogue_markdown().as_bytes());
            ExitCode::SUCCESS
        }
        Command::Render(args) => render::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Import { file } => import(&file),
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

/// Reads a file, or standard input for `-`.
pub(crate) fn read_input(file: &str) -> Result<Vec<u8>, String> {
    if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))
    }
}

/// Parses `--for` names.
pub(crate) fn parse_kinds(names: &[String]) -> Result<Vec<DocKind>, String> {
    names
        .iter()
        .map(|n| {
            DocKind::from_name(n.trim()).ok_or_else(|| {
                let known: Vec<_> = DocKind::ALL.iter().map(|k| k.name()).collect();
                format!("unknown document kind {n:?}; known kinds: {}", known.join(", "))
            })
        })
        .collect()
}

fn validate(file: &str, targets: &[String], draft: bool, format: OutputFormat) -> ExitCode {
    let kinds = match parse_kinds(targets) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("niryat: {e}");
            return ExitCode::from(EXIT_INPUT);
        }
    };
    let bytes = match read_input(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("niryat: {e}");
            return ExitCode::from(EXIT_INPUT);
        }
    };
    let shipment = match niryat::parse_json(&bytes) {
        Ok(s) => s,
        Err(e) => {
            if format == OutputFormat::Json {
                let out = serde_json::json!({ "valid": false, "error": { "code": "malformed_input", "path": e.path, "message": e.message, "line": e.line, "column": e.column } });
                outln!("{out}");
            } else {
                eprintln!("niryat: {file}: malformed input at {e}");
            }
            return ExitCode::from(EXIT_INPUT);
        }
    };
    let kinds = if kinds.is_empty() { DocKind::for_shipment(&shipment) } else { kinds };
    let mode = if draft { Mode::Draft } else { Mode::Strict };
    let report = niryat::validate(&shipment, &kinds, mode);
    match format {
        OutputFormat::Json => {
            let out = serde_json::json!({
                "valid": !report.has_errors(),
                "documents": kinds.iter().map(|k| k.name()).collect::<Vec<_>>(),
                "issues": report.issues,
            });
            outln!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        OutputFormat::Text => {
            for i in &report.issues {
                let path = if i.path.is_empty() { "/" } else { &i.path };
                outln!("{:<7} {path}: {} [{}]", i.severity.as_str(), i.message, i.code);
            }
            let errors = report.issues.iter().filter(|i| i.severity == Severity::Error).count();
            let warnings = report.issues.len() - errors;
            let docs: Vec<_> = kinds.iter().map(|k| k.name()).collect();
            if docs.is_empty() {
                outln!("{file}: no documents apply (a personal parcel needs a transport mode of post for its CN22/CN23); {errors} error(s), {warnings} warning(s)");
            } else {
                outln!("{file}: {errors} error(s), {warnings} warning(s) for {}", docs.join(", "));
            }
        }
    }
    if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
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
