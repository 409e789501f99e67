//! Observing the host: DNS, then a TCP connection to each address in turn.

use super::endpoint::Endpoint;
use super::observe::ConnectSeen;

pub async fn reach(ep: &Endpoint) -> ConnectSeen {
    let (host, port) = (ep.host_name(), ep.port());
    let addrs: Vec<std::net::SocketAddr> = match tokio::net::lookup_host((host.as_str(), port)).await {
        Ok(a) => a.collect(),
        Err(_) => Vec::new(),
    };
    if addrs.is_empty() {
        return ConnectSeen::NoAddress;
    }
    let mut refused = false;
    for addr in &addrs {
        match tokio::net::TcpStream::connect(addr).await {
            Ok(_) => return ConnectSeen::Reached { addr: addr.to_string() },
            Err(e) => refused = e.kind() == std::io::ErrorKind::ConnectionRefused,
        }
    }
    ConnectSeen::Failed { refused }
}
