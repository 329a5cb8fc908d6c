//! The node's CarChain value store (SPEC §2, §8; the seed's KVS): encrypted values by hash,
//! and an index of every record on chain in `(address, key)` order for range reads. Its own
//! ParityDB database beside the chain's, never in on-chain state.
//!
//! Columns:
//! - `VALUES`: value hash → encrypted value;
//! - `INDEX` (B-tree, ordered): `address ‖ key` → `record id ‖ value hash ‖ size`;
//! - `IDS`: record id → `address ‖ key`, to remove an entry when its record goes;
//! - `REFS`: value hash → how many indexed records name it, so a value goes with its last
//!   record;
//! - `META`: the last block the indexer applied.

use std::path::Path;

use codec::{Decode, Encode};
use parity_db::{ColId, Db, Options};
use sp_core::H256;

const VALUES: ColId = 0;
const INDEX: ColId = 1;
const IDS: ColId = 2;
const REFS: ColId = 3;
const META: ColId = 4;
const COLUMNS: u8 = 5;
const INDEXED: &[u8] = b"indexed";

/// Bytes of an account in the index keys: every record address is an `AccountId32`.
pub const ADDRESS_LEN: usize = 32;

/// A record as the index keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct Entry {
	pub record: H256,
	pub value_hash: H256,
	pub size: u32,
}

/// One item of a range read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RangeItem {
	pub key: Vec<u8>,
	pub entry: Entry,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
	#[error("value store database: {0}")]
	Db(#[from] parity_db::Error),
	#[error("value store holds undecodable data: {0}")]
	Corrupt(#[from] codec::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

pub struct ValueStore {
	db: Db,
}

fn index_key(address: &[u8; ADDRESS_LEN], key: &[u8]) -> Vec<u8> {
	let mut k = Vec::with_capacity(ADDRESS_LEN + key.len());
	k.extend_from_slice(address);
	k.extend_from_slice(key);
	k
}

impl ValueStore {
	/// Opens (or creates) the store in `path`.
	pub fn open(path: &Path) -> Result<Self> {
		let mut options = Options::with_columns(path, COLUMNS);
		// Hashes and record ids are uniformly distributed keys.
		options.columns[VALUES as usize].uniform = true;
		options.columns[IDS as usize].uniform = true;
		options.columns[REFS as usize].uniform = true;
		options.columns[INDEX as usize].btree_index = true;
		Ok(Self { db: Db::open_or_create(&options)? })
	}

	pub fn value(&self, hash: &H256) -> Result<Option<Vec<u8>>> {
		Ok(self.db.get(VALUES, hash.as_bytes())?)
	}

	/// Keeps `value` under `hash`. The caller checked that the hash is `value`'s and that a
	/// record names it.
	pub fn put_value(&self, hash: &H256, value: Vec<u8>) -> Result<()> {
		self.db.commit(vec![(VALUES, hash.as_bytes().to_vec(), Some(value))])?;
		Ok(())
	}

	/// The indexed record `(address, key)`.
	pub fn entry(&self, address: &[u8; ADDRESS_LEN], key: &[u8]) -> Result<Option<Entry>> {
		match self.db.get(INDEX, &index_key(address, key))? {
			Some(raw) => Ok(Some(Entry::decode(&mut &raw[..])?)),
			None => Ok(None),
		}
	}

	/// Records `record` as `(address, key)`; nothing happens if it is indexed already.
	pub fn index(&self, address: &[u8; ADDRESS_LEN], key: &[u8], entry: &Entry) -> Result<()> {
		if self.db.get_size(IDS, entry.record.as_bytes())?.is_some() {
			return Ok(());
		}
		let refs = self.refs(&entry.value_hash)?.saturating_add(1);
		let at = index_key(address, key);
		self.db.commit(vec![
			(IDS, entry.record.as_bytes().to_vec(), Some(at.clone())),
			(INDEX, at, Some(entry.encode())),
			(REFS, entry.value_hash.as_bytes().to_vec(), Some(refs.encode())),
		])?;
		Ok(())
	}

	/// Forgets a removed record, and its value when no other record names it.
	pub fn unindex(&self, record: &H256) -> Result<()> {
		let Some(at) = self.db.get(IDS, record.as_bytes())? else { return Ok(()) };
		let Some(raw) = self.db.get(INDEX, &at)? else { return Ok(()) };
		let entry = Entry::decode(&mut &raw[..])?;
		let refs = self.refs(&entry.value_hash)?.saturating_sub(1);
		let hash = entry.value_hash.as_bytes().to_vec();
		let mut tx = vec![(IDS, record.as_bytes().to_vec(), None), (INDEX, at, None)];
		if refs == 0 {
			tx.push((REFS, hash.clone(), None));
			tx.push((VALUES, hash, None));
		} else {
			tx.push((REFS, hash, Some(refs.encode())));
		}
		self.db.commit(tx)?;
		Ok(())
	}

	fn refs(&self, hash: &H256) -> Result<u32> {
		match self.db.get(REFS, hash.as_bytes())? {
			Some(raw) => Ok(u32::decode(&mut &raw[..])?),
			None => Ok(0),
		}
	}

	/// `address`'s records in key order from `start` (inclusive, the first key when `None`)
	/// to `end` (inclusive, the last when `None`), at most `limit`.
	pub fn range(
		&self,
		address: &[u8; ADDRESS_LEN],
		start: Option<&[u8]>,
		end: Option<&[u8]>,
		limit: usize,
	) -> Result<Vec<RangeItem>> {
		let mut iter = self.db.iter(INDEX)?;
		iter.seek(&index_key(address, start.unwrap_or(&[])))?;
		let mut items = Vec::new();
		while items.len() < limit {
			let Some((k, v)) = iter.next()? else { break };
			if k.len() < ADDRESS_LEN || &k[..ADDRESS_LEN] != address {
				break;
			}
			let key = k[ADDRESS_LEN..].to_vec();
			if end.is_some_and(|end| key.as_slice() > end) {
				break;
			}
			items.push(RangeItem { key, entry: Entry::decode(&mut &v[..])? });
		}
		Ok(items)
	}

	/// The last block the indexer applied: its number and hash.
	pub fn indexed(&self) -> Result<Option<(u32, H256)>> {
		match self.db.get(META, INDEXED)? {
			Some(raw) => Ok(Some(<(u32, H256)>::decode(&mut &raw[..])?)),
			None => Ok(None),
		}
	}

	pub fn set_indexed(&self, number: u32, hash: H256) -> Result<()> {
		self.db.commit(vec![(META, INDEXED.to_vec(), Some((number, hash).encode()))])?;
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn entry(n: u8) -> Entry {
		Entry { record: H256::repeat_byte(n), value_hash: H256::repeat_byte(100 + n), size: 3 }
	}

	#[test]
	fn ranges_follow_key_order_within_one_address() {
		let dir = tempfile::tempdir().unwrap();
		let store = ValueStore::open(dir.path()).unwrap();
		let (a, b) = ([1u8; 32], [2u8; 32]);
		for (i, k) in [b"k3".as_ref(), b"k1", b"k2"].into_iter().enumerate() {
			store.index(&a, k, &entry(i as u8)).unwrap();
		}
		store.index(&b, b"k0", &entry(9)).unwrap();
		let keys = |items: Vec<RangeItem>| items.into_iter().map(|i| i.key).collect::<Vec<_>>();
		assert_eq!(keys(store.range(&a, None, None, 10).unwrap()), [b"k1", b"k2", b"k3"]);
		assert_eq!(keys(store.range(&a, Some(b"k2"), None, 10).unwrap()), [b"k2", b"k3"]);
		assert_eq!(keys(store.range(&a, None, Some(b"k2"), 10).unwrap()), [b"k1", b"k2"]);
		assert_eq!(keys(store.range(&a, None, None, 1).unwrap()), [b"k1"]);
		assert_eq!(keys(store.range(&b, None, None, 10).unwrap()), [b"k0"]);
	}

	#[test]
	fn a_value_goes_with_the_last_record_naming_it() {
		let dir = tempfile::tempdir().unwrap();
		let store = ValueStore::open(dir.path()).unwrap();
		let a = [1u8; 32];
		let shared = H256::repeat_byte(7);
		let one = Entry { record: H256::repeat_byte(1), value_hash: shared, size: 3 };
		let two = Entry { record: H256::repeat_byte(2), value_hash: shared, size: 3 };
		store.index(&a, b"x", &one).unwrap();
		store.index(&a, b"x", &one).unwrap(); // indexed twice (put, then the block): once
		store.index(&a, b"y", &two).unwrap();
		store.put_value(&shared, b"abc".to_vec()).unwrap();
		store.unindex(&one.record).unwrap();
		assert_eq!(store.value(&shared).unwrap(), Some(b"abc".to_vec()));
		store.unindex(&two.record).unwrap();
		assert_eq!(store.value(&shared).unwrap(), None);
		assert_eq!(store.refs(&shared).unwrap(), 0);
		assert!(store.range(&a, None, None, 10).unwrap().is_empty());
	}
}
