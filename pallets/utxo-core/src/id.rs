//! Coin identifiers.

/// A coin id: 32 bytes, BLAKE2-256 of the ledger's domain, the pour id and the output index.
pub type CoinId = [u8; 32];

/// The id of output `index` of pour `pour_id` in the ledger named `domain` (e.g. `b"timecoin"`).
///
/// Distinct `(domain, pour_id, index)` give distinct ids (up to BLAKE2 collisions), so a ledger
/// that never reuses a pour id never reuses a coin id, even for coins long spent.
pub fn coin_id(domain: &[u8], pour_id: u64, index: u32) -> CoinId {
	// Length-prefixing the domain keeps `(b"ab", ..)` and `(b"a", b"b"..)` apart.
	let mut buf = alloc::vec::Vec::with_capacity(domain.len() + 4 + 8 + 4);
	buf.extend_from_slice(&(domain.len() as u32).to_le_bytes());
	buf.extend_from_slice(domain);
	buf.extend_from_slice(&pour_id.to_le_bytes());
	buf.extend_from_slice(&index.to_le_bytes());
	sp_crypto_hashing::blake2_256(&buf)
}
