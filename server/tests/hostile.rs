//! Hostile input over HTTP: every bad request gets a clear answer (or a closed connection for
//! a client too slow to send its head), and the server goes on answering others.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::*;
use niryat_server::Config;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn still_answers(addr: std::net::SocketAddr) {
    let a = post_json(addr, "/v1/validate", &example("personal-gift")).await;
    assert_eq!(a.status, 200);
}

#[tokio::test]
async fn wrong_content_type_is_415() {
    let s = start().await;
    for ct in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]
    {
        let a = raw(
            s.addr,
            &request("POST", "/v1/validate", &[("Content-Type", ct)], &example("personal-gift")),
        )
        .await;
        assert_eq!(a.status, 415, "{ct}");
        assert_eq!(a.json()["code"], "unsupported_media_type");
    }
    // No content type at all.
    let a = raw(s.addr, &request("POST", "/v1/documents/cn22", &[], b"{}")).await;
    assert_eq!(a.status, 415);
    // JSON with a charset parameter is JSON.
    let a = raw(
        s.addr,
        &request(
            "POST",
            "/v1/validate",
            &[("Content-Type", "application/json; charset=utf-8")],
            &example("personal-gift"),
        ),
    )
    .await;
    assert_eq!(a.status, 200);
}

#[tokio::test]
async fn a_truncated_body_is_400() {
    let s = start().await;
    // The JSON ends early, with a matching length.
    let body = example("personal-gift");
    let cut = &body[..body.len() / 2];
    let a = post_json(s.addr, "/v1/validate", cut).await;
    assert_eq!(a.status, 400);
    assert_eq!(a.json()["code"], "malformed_input");
    // The connection ends before the declared length.
    let mut stream = TcpStream::connect(s.addr).await.unwrap();
    let head = format!(
        "POST /v1/validate HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(cut).await.unwrap();
    stream.shutdown().await.unwrap();
    let mut out = Vec::new();
    within(Duration::from_secs(10), stream.read_to_end(&mut out)).await.unwrap();
    if !out.is_empty() {
        let a = parse(&out);
        assert_eq!(a.status, 400);
        assert_eq!(a.json()["code"], "body_unreadable");
    }
    still_answers(s.addr).await;
}

#[tokio::test]
async fn a_70_mb_body_is_413() {
    let s = start().await;
    let limit = niryat::LIMITS.max_input_bytes;
    assert_eq!(s.app.config.max_body, limit);
    let size = 70 * 1024 * 1024;
    // Declared: refused before reading.
    let mut stream = TcpStream::connect(s.addr).await.unwrap();
    let head = format!(
        "POST /v1/validate HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: {size}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    within(Duration::from_secs(20), stream.read_to_end(&mut out)).await.unwrap();
    let a = parse(&out);
    assert_eq!(a.status, 413);
    assert_eq!(a.json()["code"], "payload_too_large");
    // Streamed without a length (chunked): refused when the limit is passed.
    let mut stream = TcpStream::connect(s.addr).await.unwrap();
    stream
        .write_all(b"POST /v1/validate HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let chunk = vec![b' '; 1 << 20];
    let mut framed = format!("{:x}\r\n", chunk.len()).into_bytes();
    framed.extend_from_slice(&chunk);
    framed.extend_from_slice(b"\r\n");
    let reader = tokio::spawn(async move {
        let (mut r, mut w) = stream.into_split();
        let writer = tokio::spawn(async move {
            for _ in 0..70 {
                if w.write_all(&framed).await.is_err() {
                    break; // the server answered and closed: that is the point
                }
            }
            let _ = w.write_all(b"0\r\n\r\n").await;
        });
        let mut out = Vec::new();
        let _ = r.read_to_end(&mut out).await;
        writer.abort();
        out
    });
    let out = within(Duration::from_secs(60), reader).await.unwrap();
    let a = parse(&out);
    assert_eq!(a.status, 413);
    assert_eq!(a.json()["code"], "payload_too_large");
    still_answers(s.addr).await;
}

#[tokio::test]
async fn deep_nesting_is_400() {
    let s = start().await;
    let depth = 100_000;
    let mut body = String::from(r#"{"items": "#);
    body.push_str(&"[".repeat(depth));
    body.push_str(&"]".repeat(depth));
    body.push('}');
    let a = post_json(s.addr, "/v1/validate", body.as_bytes()).await;
    assert_eq!(a.status, 400);
    let j = a.json();
    assert_eq!(j["code"], "malformed_input");
    let obj = "{\"a\":".repeat(depth) + "1" + &"}".repeat(depth);
    let a = post_json(s.addr, "/v1/documents/cn22", obj.as_bytes()).await;
    assert_eq!(a.status, 400);
    still_answers(s.addr).await;
}

#[tokio::test]
async fn invalid_utf8_is_400_with_a_position() {
    let s = start().await;
    let body = b"{\"purpose\": \"commercial\", \"exporter\": {\"name\": \"Ka\xff\xfeshi\"}}";
    let a = post_json(s.addr, "/v1/validate", body).await;
    assert_eq!(a.status, 400);
    let j = a.json();
    assert_eq!(j["code"], "malformed_input");
    assert_eq!(j["issues"][0]["path"], "/exporter/name", "{j}");
    assert!(j["issues"][0]["params"]["line"].is_string(), "{j}");
}

#[tokio::test]
async fn a_client_sending_one_byte_a_second_is_cut_off() {
    let config = Config { body_timeout: Duration::from_secs(2), ..Config::default() };
    let s = start_with(config, axum::Router::new()).await;
    // Slow body: answered 408 once the body timeout passes.
    let body = example("personal-gift");
    let mut stream = TcpStream::connect(s.addr).await.unwrap();
    let head = format!(
        "POST /v1/validate HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let start = Instant::now();
    let (mut r, mut w) = stream.into_split();
    let drip = tokio::spawn(async move {
        for b in body {
            if w.write_all(&[b]).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
    let mut out = Vec::new();
    within(Duration::from_secs(10), r.read_to_end(&mut out)).await.unwrap();
    drip.abort();
    let a = parse(&out);
    assert_eq!(a.status, 408);
    assert_eq!(a.json()["code"], "request_timeout");
    assert!(start.elapsed() < Duration::from_secs(6));
    // Slow head: the connection is closed.
    let mut stream = TcpStream::connect(s.addr).await.unwrap();
    let start = Instant::now();
    let (mut r, mut w) = stream.split();
    let dripper = async {
        for b in b"POST /v1/validate HTTP/1.1\r\nHost: t\r\n" {
            if w.write_all(&[*b]).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    };
    let mut out = Vec::new();
    tokio::select! {
        _ = dripper => panic!("the server waited for the whole slow head"),
        _ = within(Duration::from_secs(10), r.read_to_end(&mut out)) => {}
    }
    assert!(start.elapsed() < Duration::from_secs(6), "{:?}", start.elapsed());
    still_answers(s.addr).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_connections_are_all_answered() {
    let s = start().await;
    let body = example("personal-gift");
    let n = 1000;
    // Open every connection first, then send on all of them at once.
    let mut streams = Vec::with_capacity(n);
    for _ in 0..n {
        streams.push(TcpStream::connect(s.addr).await.unwrap());
    }
    let req =
        request("POST", "/v1/validate?draft=true", &[("Content-Type", "application/json")], &body);
    let tasks: Vec<_> = streams
        .into_iter()
        .map(|mut stream| {
            let req = req.clone();
            tokio::spawn(async move {
                stream.write_all(&req).await.unwrap();
                let mut out = Vec::new();
                stream.read_to_end(&mut out).await.unwrap();
                parse(&out).status
            })
        })
        .collect();
    let mut ok = 0;
    for t in tasks {
        if within(Duration::from_secs(120), t).await.unwrap() == 200 {
            ok += 1;
        }
    }
    assert_eq!(ok, n);
}
