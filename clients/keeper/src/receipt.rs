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

fn hash_of(s: &str) -> Result<H256> {
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

type Record = PaymentRecord<AccountId, u128, u32>;
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
