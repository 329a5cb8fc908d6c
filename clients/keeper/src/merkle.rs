//! The provider's data as a Merkle tree of fixed-size chunks, and the proofs keepers check.
//!
//! Leaves are `blake2_256(0x00 ‖ chunk)`, inner nodes `blake2_256(0x01 ‖ left ‖ right)`; the
//! distinct prefixes keep a leaf from passing for an inner node. A node without a sibling on its
//! level moves up unchanged.

use serde::{Deserialize, Serialize};
use sp_crypto_hashing::blake2_256;

/// Bytes per chunk.
pub const CHUNK: usize = 4096;

pub type Hash = [u8; 32];

pub fn leaf(chunk: &[u8]) -> Hash {
	let mut v = Vec::with_capacity(chunk.len() + 1);
	v.push(0u8);
	v.extend_from_slice(chunk);
	blake2_256(&v)
}

fn node(left: &Hash, right: &Hash) -> Hash {
	let mut v = [0u8; 65];
	v[0] = 1;
	v[1..33].copy_from_slice(left);
	v[33..].copy_from_slice(right);
	blake2_256(&v)
}

/// Every level of the tree, leaves first, root last.
pub fn levels(leaves: Vec<Hash>) -> Vec<Vec<Hash>> {
	let mut levels = vec![leaves];
	while levels.last().is_some_and(|l| l.len() > 1) {
		let below = levels.last().expect("not empty");
		let up = below
			.chunks(2)
			.map(|pair| match pair {
				[l, r] => node(l, r),
				[only] => *only,
				_ => unreachable!("chunks(2) yields one or two"),
			})
			.collect();
		levels.push(up);
	}
	levels
}

pub fn root(levels: &[Vec<Hash>]) -> Hash {
	levels.last().and_then(|l| l.first()).copied().unwrap_or([0u8; 32])
}

/// One step of a path: the sibling's hash, and whether the sibling is on the left.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
	#[serde(with = "hex32")]
	pub sibling: Hash,
	pub left: bool,
}

/// The path from leaf `index` to the root.
pub fn path(levels: &[Vec<Hash>], mut index: usize) -> Vec<Step> {
	let mut steps = Vec::new();
	for level in &levels[..levels.len().saturating_sub(1)] {
		let sibling = index ^ 1;
		if let Some(h) = level.get(sibling) {
			steps.push(Step { sibling: *h, left: sibling < index });
		}
		index /= 2;
	}
	steps
}

/// Does `chunk`, at `index` of a tree of `leaves` leaves, hash up to `root` along `path`? The
/// path must have exactly the steps the index calls for, so a proof for one leaf never passes
/// for another.
pub fn verify(root: &Hash, leaves: usize, index: usize, chunk: &[u8], path: &[Step]) -> bool {
	if index >= leaves || chunk.len() > CHUNK {
		return false;
	}
	let mut hash = leaf(chunk);
	let (mut i, mut width, mut steps) = (index, leaves, path.iter());
	while width > 1 {
		let sibling = i ^ 1;
		if sibling < width {
			let Some(step) = steps.next() else { return false };
			if step.left != (sibling < i) {
				return false;
			}
			hash = if step.left { node(&step.sibling, &hash) } else { node(&hash, &step.sibling) };
		}
		i /= 2;
		width = width.div_ceil(2);
	}
	steps.next().is_none() && hash == *root
}

/// `[u8; 32]` as `0x`-hex in JSON.
pub mod hex32 {
	use serde::{Deserialize, Deserializer, Serializer};

	pub fn serialize<S: Serializer>(v: &[u8; 32], s: S) -> Result<S::Ok, S::Error> {
		s.serialize_str(&format!("0x{}", hex::encode(v)))
	}

	pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u8; 32], D::Error> {
		let s = String::deserialize(d)?;
		let bytes = hex::decode(s.trim_start_matches("0x")).map_err(serde::de::Error::custom)?;
		bytes.try_into().map_err(|_| serde::de::Error::custom("expected 32 bytes"))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn tree(n: usize) -> (Vec<Vec<u8>>, Vec<Vec<Hash>>) {
		let chunks: Vec<Vec<u8>> = (0..n).map(|i| vec![i as u8; 10 + i]).collect();
		let levels = levels(chunks.iter().map(|c| leaf(c)).collect());
		(chunks, levels)
	}

	#[test]
	fn every_leaf_proves_and_no_other_chunk_does() {
		for n in [1, 2, 3, 5, 8, 13] {
			let (chunks, levels) = tree(n);
			let root = root(&levels);
			for i in 0..n {
				let p = path(&levels, i);
				assert!(verify(&root, n, i, &chunks[i], &p), "leaf {i} of {n}");
				assert!(!verify(&root, n, i, b"forged", &p));
				if n > 1 {
					assert!(
						!verify(&root, n, (i + 1) % n, &chunks[i], &p),
						"moved leaf {i} of {n}"
					);
				}
				assert!(
					!verify(&root, n, i, &chunks[i], &p[..p.len().saturating_sub(1)])
						|| p.is_empty()
				);
			}
			assert!(!verify(&root, n, n, &chunks[0], &path(&levels, 0)));
		}
	}

	#[test]
	fn an_inner_node_does_not_pass_for_a_leaf() {
		let (_, levels) = tree(4);
		let root = root(&levels);
		let inner: Vec<u8> = [levels[0][0], levels[0][1]].concat();
		assert!(!verify(&root, 2, 0, &inner, &[Step { sibling: levels[1][1], left: false }]));
	}
}
