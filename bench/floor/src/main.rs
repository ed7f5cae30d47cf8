//! A bare HTTP/1 server on the same hyper and tokio as `niryat serve`, with no middleware and
//! no checks: it reads the whole body, spins `--work-us` microseconds of CPU, and answers a
//! 100-byte JSON object. `bench/floor.sh` puts it under the load `bench/serve.sh` puts on
//! `/v1/validate`, to show what part of the p99 is the machine's and what part is niryat's.
//!
//! Usage: niryat-bench-floor PORT [WORK_US] [WORKER_THREADS]

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize, default: u64| -> u64 {
        args.get(i).map_or(default, |v| v.parse().unwrap_or_else(|_| panic!("not a number: {v}")))
    };
    let port = u16::try_from(number(0, 18500)).expect("a port number");
    let work = Duration::from_micros(number(1, 0));
    let workers = usize::try_from(number(2, 2)).unwrap_or(2);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_io()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(("127.0.0.1", port)).await.expect("the port is free");
        loop {
            let Ok((stream, _)) = listener.accept().await else { continue };
            let _ = stream.set_nodelay(true);
            tokio::spawn(async move {
                let answer = service_fn(move |request: Request<Incoming>| async move {
                    let body = request.into_body().collect().await?.to_bytes();
                    let started = Instant::now();
                    let mut x = body.len() as u64;
                    while started.elapsed() < work {
                        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    }
                    let json = format!(
                        r#"{{"valid":true,"bytes":{},"spin":{},"padding":"{}"}}"#,
                        body.len(),
                        x % 10,
                        "-".repeat(40)
                    );
                    Ok::<_, hyper::Error>(
                        Response::builder()
                            .header("content-type", "application/json")
                            .body(Full::new(Bytes::from(json)))
                            .expect("a response"),
                    )
                });
                let _ = http1::Builder::new().serve_connection(TokioIo::new(stream), answer).await;
            });
        }
    });
}
