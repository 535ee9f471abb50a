//! Who is asking: the client's address (from `X-Forwarded-For` only when the connection comes
//! from a proxy listed in `IPL_TRUSTED_PROXIES`), the key the limits count it under (an IPv6
//! client by its /64, which one household or phone usually holds whole), and the count of
//! failed access-code lookups per key.

use std::{
    collections::HashMap,
    net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr},
    sync::Mutex,
    time::{Duration, Instant},
};

use axum::{
    extract::{ConnectInfo, FromRequestParts, Request, State},
    http::{HeaderMap, request::Parts},
    middleware::Next,
    response::Response,
};
use ipnet::IpNet;

use crate::{AppState, Error};

/// The client's address as the limits and the logs see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

/// Middleware: works out the client's address once and keeps it in the request.
pub async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::LOCALHOST), |ConnectInfo(address)| address.ip());
    let client = client_address(peer, request.headers(), &state.config.trusted_proxies);
    request.extensions_mut().insert(ClientAddress(client));
    next.run(request).await
}

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(parts.extensions.get::<ClientAddress>().copied().unwrap_or(ClientAddress(IpAddr::V4(Ipv4Addr::LOCALHOST))))
    }
}

/// The address of the connection, unless it is a trusted proxy: then the last address in
/// `X-Forwarded-For` that is not itself a trusted proxy (each proxy appends the address it saw,
/// so anything left of that could have been written by the client).
pub fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |address: &IpAddr| trusted.iter().any(|net| net.contains(&canonical(*address)));
    if !is_trusted(&peer) {
        return canonical(peer);
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|part| part.trim().parse::<IpAddr>())
        .collect::<Result<_, _>>()
        .unwrap_or_default();
    forwarded.into_iter().rev().map(canonical).find(|address| !is_trusted(address)).unwrap_or(canonical(peer))
}

/// IPv4 addresses written as IPv6 (`::ffff:1.2.3.4`) are IPv4.
fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        v4 => v4,
    }
}

/// What a limit counts: an IPv4 address, or the /64 network of an IPv6 address (one
/// subscriber line gets a whole /64 and can pick any address in it).
pub fn limit_key(address: IpAddr) -> IpAddr {
    match canonical(address) {
        IpAddr::V6(v6) => {
            let network = u128::from(v6) & !u128::from(u64::MAX);
            IpAddr::V6(Ipv6Addr::from(network))
        }
        v4 => v4,
    }
}

/// Failed access-code lookups per client: after `max` failures in `window` the client is
/// refused (429) until the window ends, so that codes cannot be guessed by trying.
#[derive(Debug)]
pub struct FailedLookups {
    max: u32,
    window: Duration,
    counts: Mutex<HashMap<IpAddr, (u32, Instant)>>,
}

impl FailedLookups {
    pub fn new(max: u32, window: Duration) -> Self {
        Self { max, window, counts: Mutex::new(HashMap::new()) }
    }

    /// Refuses a client that failed too often in the current window.
    pub fn check(&self, client: IpAddr) -> Result<(), Error> {
        let counts = self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        match counts.get(&limit_key(client)) {
            Some((failures, since)) if *failures >= self.max && since.elapsed() < self.window => {
                let wait = self.window.saturating_sub(since.elapsed());
                Err(Error::TooManyRequests { retry_after_secs: whole_seconds_rounded_up(wait) })
            }
            _ => Ok(()),
        }
    }

    pub fn record_failure(&self, client: IpAddr) {
        let mut counts = self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let now = Instant::now();
        // Forget clients whose window has ended, so that the table stays small.
        if counts.len() > 10_000 {
            counts.retain(|_, (_, since)| now.duration_since(*since) < self.window);
        }
        let entry = counts.entry(limit_key(client)).or_insert((0, now));
        if now.duration_since(entry.1) >= self.window {
            *entry = (0, now);
        }
        entry.0 += 1;
    }
}

/// Seconds to wait, rounded up: a client that waits exactly as told is then let in.
pub fn whole_seconds_rounded_up(wait: std::time::Duration) -> u64 {
    (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use axum::http::HeaderValue;

    use super::*;

    fn headers(forwarded: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", HeaderValue::from_str(forwarded).expect("header"));
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    #[test]
    fn forwarded_for_is_believed_only_from_a_trusted_proxy() {
        let trusted: Vec<IpNet> = vec!["10.0.0.0/8".parse().expect("net")];
        let sent = headers("203.0.113.9, 198.51.100.7");
        assert_eq!(client_address(ip("10.1.2.3"), &sent, &trusted), ip("198.51.100.7"));
        // A client talking to the server directly cannot choose its address.
        assert_eq!(client_address(ip("192.0.2.44"), &sent, &trusted), ip("192.0.2.44"));
        // Without trusted proxies nothing is believed.
        assert_eq!(client_address(ip("10.1.2.3"), &sent, &[]), ip("10.1.2.3"));
        // Two proxies in a row: the last address that is not a proxy.
        let chained = headers("203.0.113.9, 10.9.9.9");
        assert_eq!(client_address(ip("10.1.2.3"), &chained, &trusted), ip("203.0.113.9"));
        // A garbled header is not believed.
        assert_eq!(client_address(ip("10.1.2.3"), &headers("nonsense"), &trusted), ip("10.1.2.3"));
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_64_network() {
        assert_eq!(limit_key(ip("2001:db8:1:2:aaaa::1")), limit_key(ip("2001:db8:1:2:bbbb::9")));
        assert_ne!(limit_key(ip("2001:db8:1:2::1")), limit_key(ip("2001:db8:1:3::1")));
        assert_eq!(limit_key(ip("::ffff:192.0.2.1")), ip("192.0.2.1"));
        assert_eq!(limit_key(ip("192.0.2.1")), ip("192.0.2.1"));
    }

    #[test]
    fn failed_lookups_lock_a_client_out_for_the_window() {
        let failed = FailedLookups::new(3, Duration::from_secs(60));
        let client = ip("2001:db8::1");
        for _ in 0..3 {
            assert!(failed.check(client).is_ok());
            failed.record_failure(client);
        }
        assert!(matches!(failed.check(ip("2001:db8::2")), Err(Error::TooManyRequests { retry_after_secs: 60 })));
        assert!(failed.check(ip("192.0.2.1")).is_ok());
    }

    #[test]
    fn retry_after_is_rounded_up_never_down() {
        assert_eq!(whole_seconds_rounded_up(Duration::from_millis(1)), 1);
        assert_eq!(whole_seconds_rounded_up(Duration::from_millis(1999)), 2);
        assert_eq!(whole_seconds_rounded_up(Duration::from_secs(2)), 2);
        assert_eq!(whole_seconds_rounded_up(Duration::from_millis(2001)), 3);
        assert_eq!(whole_seconds_rounded_up(Duration::ZERO), 1);
    }
}
