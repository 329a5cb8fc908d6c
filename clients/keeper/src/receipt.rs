//! Signed receipts: for each paid period, the finalized block's header, a storage proof of the
//! payment record and of the contract in that block's state, and the keepers' attestations.
//! Anyone holding the hash of a finalized block can check a receipt offline: no node, no trust
//! in the keeper that wrote it.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, ensure, Context, Result};
use codchain_client::{
	runtime::runtime_types::pallet_upkeep::types::{ContractDetails, PaymentRecord},
	to_ss58,
	upkeep::{self, AttestationOf},
	AccountId, Client, H256,
};
use codec::{Decode, Encode};
use serde::{Deserialize, Serialize};
use sp_crypto_hashing::{blake2_256, twox_128, twox_64};
use sp_runtime::traits::BlakeTwo256;

use crate::keeper::Paid;

/// A receipt as written to `receipts/<contract>-<seq>.json`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Receipt {
	/// The chain's genesis hash: attestations are signed for this chain only.
	pub genesis: String,
	pub contract: u64,
	pub seq: u64,
	pub block_number: u32,
	pub block_hash: String,
	/// SCALE of the block header, hex: its state root anchors the proof.
	pub header: String,
	/// Trie nodes proving `Upkeep::Payments(contract, seq)` and `Upkeep::Contracts(contract)`.
	pub proof: Vec<String>,
	/// SCALE of the attestations submitted with the payment, hex.
	pub attestations: String,
	/// For people: what was paid.
	pub provider: String,
	pub ts: u32,
	pub te: u32,
	pub st: String,
}

pub fn path(dir: &Path, contract: u64, seq: u64) -> PathBuf {
	dir.join("receipts").join(format!("{contract}-{seq}.json"))
}

fn map_key(item: &str, key: &[u8]) -> Vec<u8> {
	[&twox_128(b"Upkeep")[..], &twox_128(item.as_bytes()), &twox_64(key), key].concat()
}

/// Storage key of `Upkeep::Payments(contract, seq)` (both keys `Twox64Concat`).
pub fn payment_key(contract: u64, seq: u64) -> Vec<u8> {
	let mut k = map_key("Payments", &contract.encode());
	k.extend_from_slice(&twox_64(&seq.encode()));
	k.extend_from_slice(&seq.encode());
	k
}

/// Storage key of `Upkeep::Contracts(contract)`.
pub fn contract_key(contract: u64) -> Vec<u8> {
	map_key("Contracts", &contract.encode())
}

fn unhex(s: &str) -> Result<Vec<u8>> {
	hex::decode(s.trim_start_matches("0x")).with_context(|| format!("{s:.20}… is not hex"))
}

pub fn hash_of(s: &str) -> Result<H256> {
	let b = unhex(s)?;
	Ok(H256::from(<[u8; 32]>::try_from(b).map_err(|_| anyhow!("a hash is 32 bytes"))?))
}

/// The receipt of `paid`, from a node that has its (finalized) block.
pub async fn build(client: &Client, genesis: H256, contract: u64, paid: &Paid) -> Result<Receipt> {
	let hash = hash_of(&paid.block_hash)?;
	let canonical = client.rpc().chain_get_block_hash(Some(paid.block_number.into())).await?;
	ensure!(
		canonical == Some(hash),
		"block #{} was retracted: the payment is not final",
		paid.block_number
	);
	let header = client
		.rpc()
		.chain_get_header(Some(hash))
		.await?
		.ok_or_else(|| anyhow!("the node lacks block {hash:?}"))?;
	let keys = [payment_key(contract, paid.seq), contract_key(contract)];
	let proof = client.rpc().state_get_read_proof(keys.iter().map(|k| &k[..]), Some(hash)).await?;
	Ok(Receipt {
		genesis: format!("{genesis:?}"),
		contract,
		seq: paid.seq,
		block_number: paid.block_number,
		block_hash: format!("{hash:?}"),
		header: hex::encode(header.encode()),
		proof: proof.proof.iter().map(|n| hex::encode(&n.0)).collect(),
		attestations: paid.attestations.clone(),
		provider: paid.provider.clone(),
		ts: paid.ts,
		te: paid.te,
		st: paid.st.clone(),
	})
}

/// Where a payment this keeper made stands once the block it went into was retracted.
#[derive(Debug, PartialEq)]
pub enum Standing {
	/// Its block was retracted, but the same transaction went into another block (the pool
	/// re-imports what a reorganisation drops): the payment now has this `seq` in block `paid_at`.
	Moved { seq: u64, paid_at: u32 },
	/// Not (yet) in a finalized block again: ask later.
	Waiting,
	/// The period was paid otherwise, or the transaction can no longer be included.
	Lost(String),
}

/// The standing of `paid` whose block was retracted, given the chain's record for the same
/// provider and period (if any), the last finalized block and this keeper's account.
///
/// The record proves the move only when this keeper paid it with the very attestations it
/// submitted: another keeper's payment of the period is not this keeper's receipt to write.
pub fn standing_after_retraction(
	paid: &Paid,
	record: Option<&Record>,
	finalized: u32,
	me: &AccountId,
) -> Standing {
	match record {
		Some(r) if r.paid_at > finalized => Standing::Waiting,
		Some(r) => {
			let ours = unhex(&paid.attestations)
				.map(|b| H256::from(blake2_256(&b)) == r.digest)
				.unwrap_or(false);
			if r.payer == *me && ours {
				Standing::Moved { seq: r.seq, paid_at: r.paid_at }
			} else {
				Standing::Lost(format!(
					"the period was paid by {} in #{}",
					to_ss58(&r.payer),
					r.paid_at
				))
			}
		},
		// The transaction was signed with an era starting at the block before the best block
		// the keeper saw, which was at most `paid.block_number - 1`.
		None if u64::from(finalized)
			> u64::from(paid.block_number) + codchain_client::MORTALITY =>
		{
			Standing::Lost("the transaction expired without being included again".into())
		},
		None => Standing::Waiting,
	}
}

/// What a verified receipt proves.
#[derive(Debug, Serialize)]
pub struct Verified {
	pub contract: u64,
	pub seq: u64,
	pub block_number: u32,
	pub provider: String,
	pub ts: u32,
	pub te: u32,
	pub st: String,
	pub paid: String,
	pub to_provider: String,
	pub payer: String,
	pub attested_by: Vec<String>,
}

pub type Record = PaymentRecord<AccountId, u128, u32>;
type Contract = ContractDetails<AccountId, u128, u32>;

/// Checks `r` against the hash of a block the verifier knows to be finalized on its chain.
///
/// The header must hash to that block; the proof must hold the payment record and the contract
/// under the header's state root; the record's digest must be that of the attestations; and the
/// attestations must be at least `2f + 1` valid signatures, for this chain, of distinct keepers
/// of the group that served the period.
pub fn verify(r: &Receipt, finalized: H256) -> Result<Verified> {
	let header_bytes = unhex(&r.header)?;
	let block_hash = H256::from(blake2_256(&header_bytes));
	ensure!(block_hash == finalized, "the receipt's header is not the finalized block given");
	ensure!(
		hash_of(&r.block_hash)? == block_hash,
		"the receipt names another block than its header"
	);
	let header = sp_runtime::generic::Header::<u32, BlakeTwo256>::decode(&mut &header_bytes[..])
		.context("the header does not decode")?;
	ensure!(
		header.number == r.block_number,
		"the header is block #{}, not #{}",
		header.number,
		r.block_number
	);

	let nodes = r.proof.iter().map(|n| unhex(n)).collect::<Result<Vec<_>>>()?;
	let proof = sp_trie::StorageProof::new(nodes);
	let (pkey, ckey) = (payment_key(r.contract, r.seq), contract_key(r.contract));
	let values = sp_state_machine::read_proof_check::<BlakeTwo256, _>(
		header.state_root,
		proof,
		[&pkey[..], &ckey[..]],
	)
	.map_err(|e| anyhow!("the storage proof does not check against the state root: {e:?}"))?;
	let record_bytes = values.get(&pkey).cloned().flatten().ok_or_else(|| {
		anyhow!("the state holds no payment {} of contract {}", r.seq, r.contract)
	})?;
	let record =
		Record::decode(&mut &record_bytes[..]).context("the payment record does not decode")?;
	let contract_bytes = values
		.get(&ckey)
		.cloned()
		.flatten()
		.ok_or_else(|| anyhow!("the state holds no contract {}", r.contract))?;
	let contract =
		Contract::decode(&mut &contract_bytes[..]).context("the contract does not decode")?;

	let att_bytes = unhex(&r.attestations)?;
	ensure!(
		H256::from(blake2_256(&att_bytes)) == record.digest,
		"the attestations are not the ones the chain recorded"
	);
	let atts = Vec::<AttestationOf>::decode(&mut &att_bytes[..]).context("attestations")?;
	let genesis = hash_of(&r.genesis)?;
	let keepers = match &contract.pending {
		Some(p) if record.ts >= p.from => p.members.keepers.0.clone(),
		_ => contract.members.keepers.0.clone(),
	};
	let mut signers: Vec<AccountId> = Vec::new();
	for a in &atts {
		ensure!(keepers.contains(&a.keeper), "{} is not a keeper of the group", to_ss58(&a.keeper));
		ensure!(!signers.contains(&a.keeper), "{} attested twice", to_ss58(&a.keeper));
		ensure!(
			(a.contract, a.provider, a.ts, a.te)
				== (r.contract, record.provider, record.ts, record.te),
			"an attestation is for another payment"
		);
		ensure!(
			upkeep::verify_attestation(genesis, a),
			"{}'s signature does not verify",
			to_ss58(&a.keeper)
		);
		signers.push(a.keeper);
	}
	let f = (keepers.len() as u32).saturating_sub(1) / 3;
	ensure!(signers.len() as u32 > 2 * f, "{} attestations, {} needed", signers.len(), 2 * f + 1);
	Ok(Verified {
		contract: r.contract,
		seq: record.seq,
		block_number: r.block_number,
		provider: to_ss58(&record.provider),
		ts: record.ts,
		te: record.te,
		st: record.st.to_string(),
		paid: record.paid.to_string(),
		to_provider: record.to_provider.to_string(),
		payer: to_ss58(&record.payer),
		attested_by: signers.iter().map(to_ss58).collect(),
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	const KEEPER: [u8; 32] = [1; 32];
	const OTHER: [u8; 32] = [2; 32];

	fn paid(attestations: &[u8]) -> Paid {
		Paid {
			provider: to_ss58(&AccountId::from([9; 32])),
			seq: 8,
			ts: 37,
			te: 42,
			st: "328180".into(),
			block_number: 42,
			block_hash: format!("{:?}", H256::repeat_byte(4)),
			attestations: hex::encode(attestations),
		}
	}

	fn record(payer: [u8; 32], attestations: &[u8], seq: u64, paid_at: u32) -> Record {
		Record {
			seq,
			provider: AccountId::from([9; 32]),
			ts: 37,
			te: 42,
			st: 328_180,
			paid: 1,
			to_provider: 1,
			to_each_keeper: 0,
			keepers_paid: 3,
			bonus: 0,
			payer: AccountId::from(payer),
			paid_at,
			digest: H256::from(blake2_256(attestations)),
			capped: false,
		}
	}

	#[test]
	fn the_same_transaction_in_another_block_is_this_keepers_payment_moved() {
		let me = AccountId::from(KEEPER);
		let r = record(KEEPER, b"atts", 9, 43);
		assert_eq!(
			standing_after_retraction(&paid(b"atts"), Some(&r), 45, &me),
			Standing::Moved { seq: 9, paid_at: 43 }
		);
	}

	#[test]
	fn a_payment_not_yet_finalized_again_waits() {
		let me = AccountId::from(KEEPER);
		let r = record(KEEPER, b"atts", 9, 50);
		assert_eq!(standing_after_retraction(&paid(b"atts"), Some(&r), 45, &me), Standing::Waiting);
		assert_eq!(standing_after_retraction(&paid(b"atts"), None, 45, &me), Standing::Waiting);
	}

	#[test]
	fn another_keepers_payment_or_other_attestations_are_not_this_keepers_receipt() {
		let me = AccountId::from(KEEPER);
		let by_other = record(OTHER, b"atts", 9, 43);
		assert!(matches!(
			standing_after_retraction(&paid(b"atts"), Some(&by_other), 45, &me),
			Standing::Lost(_)
		));
		let other_atts = record(KEEPER, b"other", 9, 43);
		assert!(matches!(
			standing_after_retraction(&paid(b"atts"), Some(&other_atts), 45, &me),
			Standing::Lost(_)
		));
	}

	#[test]
	fn a_transaction_past_its_mortality_is_lost() {
		let me = AccountId::from(KEEPER);
		let last = 42 + codchain_client::MORTALITY as u32;
		assert_eq!(standing_after_retraction(&paid(b"atts"), None, last, &me), Standing::Waiting);
		assert!(matches!(
			standing_after_retraction(&paid(b"atts"), None, last + 1, &me),
			Standing::Lost(_)
		));
	}
}
