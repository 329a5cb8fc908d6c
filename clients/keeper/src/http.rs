//! Plain HTTP/1 with JSON bodies, on hyper: the provider's challenge endpoint and the keepers'
//! attestation endpoint, and the client both use.

use std::{future::Future, net::SocketAddr, sync::Arc, time::Duration};

use anyhow::{anyhow, Context, Result};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{body::Incoming, header, Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde::{de::DeserializeOwned, Serialize};

/// A request as handlers see it.
pub struct Req {
	pub method: Method,
	pub path: String,
	pub body: Bytes,
}

/// A handler's answer: a status and a JSON body.
pub type Reply = (StatusCode, serde_json::Value);

pub fn ok(v: impl Serialize) -> Reply {
	(StatusCode::OK, serde_json::to_value(v).unwrap_or(serde_json::Value::Null))
}

pub fn error(status: StatusCode, message: impl ToString) -> Reply {
	(status, serde_json::json!({ "error": message.to_string() }))
}

/// Serves `handler` on `addr` until the process ends.
pub async fn serve<H, F>(addr: SocketAddr, handler: H) -> Result<()>
where
	H: Fn(Req) -> F + Send + Sync + 'static,
	F: Future<Output = Reply> + Send + 'static,
{
	let listener = tokio::net::TcpListener::bind(addr)
		.await
		.with_context(|| format!("cannot listen on {addr}"))?;
	let handler = Arc::new(handler);
	loop {
		let (stream, _) = listener.accept().await?;
		let handler = handler.clone();
		tokio::spawn(async move {
			let service = hyper::service::service_fn(move |req: Request<Incoming>| {
				let handler = handler.clone();
				async move {
					let (parts, body) = req.into_parts();
					let body = body.collect().await.map(|b| b.to_bytes()).unwrap_or_default();
					let (status, json) = handler(Req {
						method: parts.method,
						path: parts.uri.path().to_string(),
						body,
					})
					.await;
					Response::builder()
						.status(status)
						.header(header::CONTENT_TYPE, "application/json")
						.body(Full::new(Bytes::from(json.to_string())))
				}
			});
			let _ = hyper::server::conn::http1::Builder::new()
				.serve_connection(TokioIo::new(stream), service)
				.await;
		});
	}
}

/// `GET`s (no body) or `POST`s `body` to `url` (`http://host:port/path`) and decodes the JSON
/// answer; gives up after `timeout`.
pub async fn call<B: Serialize, R: DeserializeOwned>(
	url: &str,
	body: Option<&B>,
	timeout: Duration,
) -> Result<R> {
	tokio::time::timeout(timeout, call_inner(url, body))
		.await
		.map_err(|_| anyhow!("{url}: no answer within {timeout:?}"))?
}

async fn call_inner<B: Serialize, R: DeserializeOwned>(url: &str, body: Option<&B>) -> Result<R> {
	let rest = url.strip_prefix("http://").ok_or_else(|| anyhow!("{url}: only http:// URLs"))?;
	let (authority, path) = match rest.find('/') {
		Some(i) => (&rest[..i], &rest[i..]),
		None => (rest, "/"),
	};
	let stream = tokio::net::TcpStream::connect(authority)
		.await
		.with_context(|| format!("cannot connect to {authority}"))?;
	let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
	tokio::spawn(conn);
	let (method, bytes) = match body {
		Some(b) => (Method::POST, Bytes::from(serde_json::to_vec(b)?)),
		None => (Method::GET, Bytes::new()),
	};
	let req = Request::builder()
		.method(method)
		.uri(path)
		.header(header::HOST, authority)
		.header(header::CONTENT_TYPE, "application/json")
		.body(Full::new(bytes))?;
	let res = sender.send_request(req).await?;
	let status = res.status();
	let bytes = res.into_body().collect().await?.to_bytes();
	if !status.is_success() {
		let message = serde_json::from_slice::<serde_json::Value>(&bytes)
			.ok()
			.and_then(|v| v.get("error").and_then(|e| e.as_str()).map(String::from))
			.unwrap_or_else(|| String::from_utf8_lossy(&bytes).into_owned());
		return Err(anyhow!("{url}: {status}: {message}"));
	}
	serde_json::from_slice(&bytes).with_context(|| format!("{url}: unexpected answer"))
}
