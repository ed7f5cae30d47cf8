//! A server on a real socket and a bare HTTP/1.1 client, for the API and hostile tests.
#![allow(dead_code, clippy::unwrap_used, clippy::panic)]

use niryat_server::{App, Config};
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A running server: its address, and how to stop it.
pub struct Server {
    pub addr: SocketAddr,
    pub app: App,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    pub done: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Server {
    /// Asks for a graceful shutdown.
    pub fn shutdown(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }
}

/// Starts a server with `config` (and `extra` routes) on a free port of 127.0.0.1.
pub async fn start_with(config: Config, extra: axum::Router<App>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (header_timeout, grace) = (config.body_timeout, config.shutdown_grace);
    let app = niryat_server::state(config);
    let router = niryat_server::router(app.clone(), extra);
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let done =
        tokio::spawn(niryat_server::serve(listener, router, header_timeout, grace, async move {
            let _ = rx.await;
        }));
    Server { addr, app, stop: Some(tx), done }
}

/// Starts a server with the default configuration.
pub async fn start() -> Server {
    start_with(Config::default(), axum::Router::new()).await
}

/// An answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

/// Parses a whole HTTP/1.1 answer (Content-Length or read to the end).
pub fn parse(raw: &[u8]) -> Answer {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no complete head in {:?}", String::from_utf8_lossy(raw)));
    let head = std::str::from_utf8(&raw[..split]).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if let Some(n) = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .map(|(_, v)| v.parse::<usize>().unwrap())
    {
        body.truncate(n);
    }
    Answer { status, headers, body }
}

/// Sends raw bytes and reads the answer until the server closes the connection.
pub async fn raw(addr: SocketAddr, bytes: &[u8]) -> Answer {
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(bytes).await.unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).await.unwrap();
    parse(&out)
}

/// A request with `Connection: close`.
pub fn request(method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut r = format!("{method} {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n");
    for (k, v) in headers {
        r.push_str(&format!("{k}: {v}\r\n"));
    }
    if method == "POST" {
        r.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    r.push_str("\r\n");
    let mut bytes = r.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

pub async fn get(addr: SocketAddr, path: &str) -> Answer {
    raw(addr, &request("GET", path, &[], b"")).await
}

pub async fn post_json(addr: SocketAddr, path: &str, body: &[u8]) -> Answer {
    raw(addr, &request("POST", path, &[("Content-Type", "application/json")], body)).await
}

/// An example shipment of the repository.
pub fn example(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../examples/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Every example's name.
pub fn examples() -> Vec<String> {
    let mut v: Vec<String> =
        std::fs::read_dir(format!("{}/../examples", env!("CARGO_MANIFEST_DIR")))
            .unwrap()
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().to_str()?.strip_suffix(".json").map(str::to_string))
            .collect();
    v.sort();
    v
}

/// Waits at most `d` for `f`.
pub async fn within<T>(d: Duration, f: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(d, f).await.expect("took too long")
}
