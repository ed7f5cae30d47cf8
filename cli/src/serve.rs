//! `niryat serve`: the options of the HTTP service (niryat-server does the work).

use crate::EXIT_INPUT;
use niryat_server::{Config, Files};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Arguments of `niryat serve`.
#[derive(clap::Args)]
pub struct ServeArgs {
    /// Address and port to listen on. The default answers this machine only; give
    /// 0.0.0.0:PORT to be reached from others (then consider --token-file).
    #[arg(long, default_value_t = SocketAddr::from(([127, 0, 0, 1], niryat_server::DEFAULT_PORT)))]
    listen: SocketAddr,
    /// Largest request body in bytes (default: niryat's input limit, 64 MiB); larger ones are
    /// answered 413.
    #[arg(long)]
    max_body: Option<usize>,
    /// PDF renders at once (default: the number of cores). Validation never waits for them.
    #[arg(long)]
    pdf_workers: Option<usize>,
    /// How many nice steps (0 to 19) PDF work runs below the rest of the service (Linux): the
    /// default, 10, lets validation run first when the cores are busy; 0 gives PDFs the same
    /// priority.
    #[arg(long, default_value_t = niryat_server::Config::default().pdf_nice,
          value_parser = clap::value_parser!(i32).range(0..=19))]
    pdf_nice: i32,
    /// File holding a bearer token that `/v1/...` and `/metrics` then require.
    #[arg(long)]
    token_file: Option<PathBuf>,
    /// Origins allowed to call the API from a web page (CORS), comma-separated or repeated;
    /// none by default.
    #[arg(long = "cors-origin", value_delimiter = ',')]
    cors_origins: Vec<String>,
    /// Seconds to wait for a request's head and then its body before giving up on a slow
    /// client.
    #[arg(long, default_value_t = 30.0)]
    body_timeout: f64,
    /// Seconds a whole request may take, rendering included (answered 503 past it).
    #[arg(long, default_value_t = 120.0)]
    request_timeout: f64,
    /// Seconds to wait for requests in flight at shutdown.
    #[arg(long, default_value_t = 30.0)]
    shutdown_grace: f64,
    /// Serve the form from this folder (laid out like bindings-wasm/: web/ and pkg-validate/)
    /// instead of the copy built into the binary.
    #[arg(long)]
    web_dir: Option<PathBuf>,
    /// Log one JSON object per line (default: plain text). RUST_LOG filters, default info.
    #[arg(long)]
    log_json: bool,
}

fn seconds(name: &str, s: f64) -> Result<Duration, String> {
    Duration::try_from_secs_f64(s)
        .map_err(|_| format!("--{name} must be a number of seconds, not {s}"))
}

/// Runs `niryat serve` until Ctrl-C or SIGTERM.
pub fn run(args: ServeArgs) -> ExitCode {
    match config(&args) {
        Ok(config) => {
            niryat_server::init_logging(args.log_json);
            match niryat_server::run(args.listen, config) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("niryat: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            eprintln!("niryat: {e}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}

fn config(args: &ServeArgs) -> Result<Config, String> {
    let mut c = Config::default();
    if let Some(n) = args.max_body {
        c.max_body = n;
    }
    if let Some(n) = args.pdf_workers {
        if n == 0 {
            return Err("--pdf-workers must be at least 1".into());
        }
        c.pdf_workers = n;
    }
    c.pdf_nice = args.pdf_nice;
    if let Some(f) = &args.token_file {
        let t =
            std::fs::read_to_string(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
        let t = t.trim();
        if t.is_empty() {
            return Err(format!("{} is empty; put the token in it", f.display()));
        }
        c.token = Some(t.to_string());
    }
    c.cors_origins =
        args.cors_origins.iter().map(|o| o.trim().to_string()).filter(|o| !o.is_empty()).collect();
    c.body_timeout = seconds("body-timeout", args.body_timeout)?;
    c.request_timeout = seconds("request-timeout", args.request_timeout)?;
    c.shutdown_grace = seconds("shutdown-grace", args.shutdown_grace)?;
    if let Some(dir) = &args.web_dir {
        if !dir.join("web").join("index.html").is_file() {
            return Err(format!("{} has no web/index.html", dir.display()));
        }
        c.files = Files::Dir(dir.clone());
    }
    Ok(c)
}
