//! The browser form at `/`: the files of `bindings-wasm/web` and the validation WASM package
//! (`/pkg-validate/…`), embedded at build time or read from a folder (`--web-dir`).
//!
//! The page is told it is served by adding `<meta name="niryat-api">` to its head: it then
//! asks the server for PDFs instead of loading the full WASM build. When the validation
//! package was not built (a fresh clone without the WASM toolchain), the page is told that
//! too and checks the shipment through `/v1/validate` instead.

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use std::path::{Component, Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Where the form's files come from.
#[derive(Debug, Clone)]
pub enum Files {
    /// Compiled into the binary.
    Embedded,
    /// A folder laid out like `bindings-wasm/`: `web/` and `pkg-validate/`.
    Dir(PathBuf),
}

impl Files {
    /// The bytes of `path` (`app.js`, `pkg-validate/index.js` …), if there is such a file.
    fn get(&self, path: &str) -> Option<Vec<u8>> {
        let (table, rel, sub) = match path.strip_prefix("pkg-validate/") {
            Some(rest) => (embedded::PKG_VALIDATE, rest, "pkg-validate"),
            None => (embedded::WEB, path, "web"),
        };
        match self {
            Files::Embedded => table.iter().find(|(p, _)| *p == rel).map(|(_, b)| b.to_vec()),
            Files::Dir(dir) => {
                let rel_path = Path::new(rel);
                // Only plain names below the folder: no `..`, no absolute paths.
                if !rel_path.components().all(|c| matches!(c, Component::Normal(_))) {
                    return None;
                }
                std::fs::read(dir.join(sub).join(rel_path)).ok()
            }
        }
    }

    /// True when the validation WASM package is there.
    pub fn has_wasm(&self) -> bool {
        self.get("pkg-validate/niryat_wasm_bg.wasm").is_some()
    }
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The page, told that it is served (and whether the validation WASM is there).
fn index(files: &Files) -> Option<Vec<u8>> {
    let html = String::from_utf8(files.get("index.html")?).ok()?;
    let mut meta = String::from("<meta name=\"niryat-api\" content=\"v1\">\n");
    let mut html = html;
    if !files.has_wasm() {
        meta.push_str("<meta name=\"niryat-wasm\" content=\"none\">\n");
        // Nothing to preload: the page checks through the API.
        html = html
            .lines()
            .filter(|l| !(l.contains("modulepreload") && l.contains("pkg-validate")))
            .collect::<Vec<_>>()
            .join("\n");
    }
    Some(html.replacen("</head>", &format!("{meta}</head>"), 1).into_bytes())
}

/// Whether an `Accept-Encoding` header accepts `coding` (named, or `*`, with a q-value that
/// is not zero).
fn accepts(header: Option<&HeaderValue>, coding: &str) -> bool {
    let Some(text) = header.and_then(|h| h.to_str().ok()) else { return false };
    text.split(',').any(|part| {
        let mut bits = part.split(';').map(str::trim);
        let name = bits.next().unwrap_or("");
        let q_zero = bits.any(|b| {
            b.strip_prefix("q=").is_some_and(|q| q.parse::<f32>().is_ok_and(|q| q <= 0.0))
        });
        (name.eq_ignore_ascii_case(coding) || name == "*") && !q_zero
    })
}

/// `GET /` and every path that is not an API route. A file shipped with a brotli-compressed
/// twin (`niryat_wasm_bg.wasm.br`, made by `bindings-wasm/build.sh`) is sent as that twin to a
/// browser that accepts br; everything else is compressed on the fly by the router.
pub async fn serve(State(app): State<crate::App>, uri: Uri, headers: HeaderMap) -> Response {
    let path = uri.path().trim_start_matches('/');
    let mut encoding = None;
    let (path, bytes) = if path.is_empty() || path == "index.html" {
        ("index.html", index(&app.files))
    } else {
        let twin = if accepts(headers.get(header::ACCEPT_ENCODING), "br") {
            app.files.get(&format!("{path}.br"))
        } else {
            None
        };
        if twin.is_some() {
            encoding = Some("br");
        }
        (path, twin.or_else(|| app.files.get(path)))
    };
    match bytes {
        Some(b) => {
            let mut res = b.into_response();
            let h = res.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(path)));
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            if let Some(e) = encoding {
                // Already compressed: the compression layer leaves it alone.
                h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(e));
                h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
            }
            res
        }
        None => crate::problem::Problem::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no such page: /{path}"),
        )
        .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::accepts;
    use axum::http::HeaderValue;

    #[test]
    fn accept_encoding_is_read_with_q_values() {
        let h = |s: &'static str| Some(HeaderValue::from_static(s));
        assert!(accepts(h("gzip, deflate, br, zstd").as_ref(), "br"));
        assert!(accepts(h("BR;q=0.5").as_ref(), "br"));
        assert!(accepts(h("*").as_ref(), "br"));
        assert!(!accepts(h("gzip, br;q=0").as_ref(), "br"));
        assert!(!accepts(h("gzip, brotli").as_ref(), "br"));
        assert!(!accepts(None, "br"));
    }
}
