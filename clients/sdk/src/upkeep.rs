//! Upkeep / WhitePay (SPEC §6): upkeeping contracts, keeper attestations and space-time
//! payments — every call, every query of the `UpkeepApi` runtime API, and the attestation a
//! keeper signs.

use crate::{
	address,
	error::Error,
	runtime::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec, sp_arithmetic::per_things::Perbill,
		},
	},
	AccountId, Client, Keypair, H256,
};
use codec::Encode;
use subxt::transactions::StaticPayload;

pub use runtime::runtime_types::pallet_upkeep::types::{
	Attestation, ContractInfo, LeaderInfo, PaymentRecord, ProviderInfo, Split, Terms, Window,
};
use runtime::upkeep::calls as call;

/// Number of a contract.
pub type ContractId = u64;
/// Proven bytes integrated over blocks.
pub type SpaceTime = u128;
pub type Contract = ContractInfo<AccountId, u128, u32>;
pub type Payment = PaymentRecord<AccountId, u128, u32>;
pub type Provider = ProviderInfo<AccountId, u32>;
pub type Leader = LeaderInfo<AccountId, u32>;
pub type AttestationOf = Attestation<AccountId, u32, subxt::utils::MultiSignature>;

/// Opens every attestation's signed bytes (the pallet's `ATTESTATION_TAG`).
pub const ATTESTATION_TAG: &[u8; 22] = b"codchain/upkeep/attest";
/// Payments kept per page of history queries.
const PAGE: u32 = 100;

/// A split: `provider` and `leader_bonus` in parts per billion; the keepers get the rest.
pub fn split(provider_percent: u32, leader_bonus_permille: u32) -> Split {
	Split {
		provider: Perbill(provider_percent.saturating_mul(10_000_000)),
		leader_bonus: Perbill(leader_bonus_permille.saturating_mul(1_000_000)),
	}
}

fn tx() -> runtime::upkeep::calls::api::TransactionApi {
	runtime::tx().upkeep()
}

// Calls.

/// The parameters of a new contract.
#[derive(Clone, Debug)]
pub struct NewContract {
	pub keepers: Vec<AccountId>,
	pub providers: Vec<AccountId>,
	/// Planck per space-time unit (one byte for one block).
	pub price: u128,
	/// Payment period `h`, blocks.
	pub period: u32,
	/// Leader window `t`, blocks.
	pub window: u32,
	/// Planck escrowed at creation.
	pub escrow: u128,
	/// Agreement divisor; the chain's default (10 000) when `None`.
	pub tolerance: Option<u128>,
	/// The chain's default (90 % provider, no bonus) when `None`.
	pub split: Option<Split>,
}

/// Create a contract; the escrow and the deposit are held from the signer.
pub fn create(c: NewContract) -> StaticPayload<call::Create> {
	tx().create(
		BoundedVec(c.keepers),
		BoundedVec(c.providers),
		c.price,
		c.period,
		c.window,
		c.escrow,
		c.tolerance,
		c.split,
	)
}

pub fn top_up(contract: ContractId, amount: u128) -> StaticPayload<call::TopUp> {
	tx().top_up(contract, amount)
}

/// New members for every provider's next period.
pub fn change_members(
	contract: ContractId,
	keepers: Vec<AccountId>,
	providers: Vec<AccountId>,
) -> StaticPayload<call::ChangeMembers> {
	tx().change_members(contract, BoundedVec(keepers), BoundedVec(providers))
}

pub fn close(contract: ContractId) -> StaticPayload<call::Close> {
	tx().close(contract)
}

pub fn finish(contract: ContractId) -> StaticPayload<call::Finish> {
	tx().finish(contract)
}

/// As the leader keeper, pay `provider` for `[ts, te)` on `st`.
pub fn pay(
	contract: ContractId,
	provider: &AccountId,
	ts: u32,
	te: u32,
	st: SpaceTime,
	attestations: Vec<AttestationOf>,
) -> StaticPayload<call::Pay> {
	tx().pay(contract, address(provider), ts, te, st, BoundedVec(attestations))
}

/// As a provider, announce maintenance in `[start, end)`.
pub fn declare_maintenance(
	contract: ContractId,
	start: u32,
	end: u32,
) -> StaticPayload<call::DeclareMaintenance> {
	tx().declare_maintenance(contract, start, end)
}

// Attestations.

/// The bytes a keeper signs: SCALE of `(ATTESTATION_TAG, genesis, contract, provider, ts, te,
/// st)`, as the pallet rebuilds them.
pub fn attestation_payload(
	genesis: H256,
	contract: ContractId,
	provider: &AccountId,
	ts: u32,
	te: u32,
	st: SpaceTime,
) -> Vec<u8> {
	(ATTESTATION_TAG, genesis.0, contract, provider.0, ts, te, st).encode()
}

/// `keeper` attests `st` for `provider` over `[ts, te)` of `contract` on the chain `genesis`.
pub fn attest(
	keeper: &Keypair,
	genesis: H256,
	contract: ContractId,
	provider: &AccountId,
	ts: u32,
	te: u32,
	st: SpaceTime,
) -> AttestationOf {
	let payload = attestation_payload(genesis, contract, provider, ts, te, st);
	Attestation {
		keeper: keeper.account_id(),
		contract,
		provider: *provider,
		ts,
		te,
		st,
		signature: keeper.sign(&payload),
	}
}

/// Does `a` carry a valid signature by its keeper? (What the chain checks, offline.)
pub fn verify_attestation(genesis: H256, a: &AttestationOf) -> bool {
	let payload = attestation_payload(genesis, a.contract, &a.provider, a.ts, a.te, a.st);
	crate::keys::verify(&a.signature, &payload, &a.keeper)
}

/// BLAKE2-256 of the SCALE-encoded attestations: the digest the chain records with a payment.
pub fn digest(attestations: &[AttestationOf]) -> H256 {
	subxt::utils::H256(sp_crypto_hashing::blake2_256(&attestations.encode()))
}

// Queries, at the best block.

fn api() -> runtime::runtime_apis::upkeep_api::UpkeepApi {
	runtime::runtime_apis().upkeep_api()
}

pub async fn contract(client: &Client, id: ContractId) -> Result<Option<Contract>, Error> {
	client.query(api().contract(id)).await
}

/// Every contract of `owner`.
pub async fn contracts_of(client: &Client, owner: &AccountId) -> Result<Vec<Contract>, Error> {
	let mut all: Vec<Contract> = Vec::new();
	loop {
		let after = all.last().map(|c| c.id);
		if !fill(&mut all, client.query(api().contracts_of(*owner, after, PAGE)).await?) {
			return Ok(all);
		}
	}
}

/// Appends a page; is there more to read?
fn fill<T>(all: &mut Vec<T>, page: Vec<T>) -> bool {
	let more = page.len() as u32 == PAGE;
	all.extend(page);
	more
}

pub async fn providers(client: &Client, id: ContractId) -> Result<Vec<Provider>, Error> {
	client.query(api().providers(id)).await
}

/// Who may pay `provider` at block `at` (the next block by default).
pub async fn leader(
	client: &Client,
	id: ContractId,
	provider: &AccountId,
	at: Option<u32>,
) -> Result<Option<Leader>, Error> {
	client.query(api().leader(id, *provider, at)).await
}

pub async fn windows(
	client: &Client,
	id: ContractId,
	provider: &AccountId,
) -> Result<Vec<Window<AccountId, u32>>, Error> {
	client.query(api().windows(id, *provider)).await
}

/// Every kept payment of a contract, oldest first.
pub async fn payments(client: &Client, id: ContractId) -> Result<Vec<Payment>, Error> {
	let mut all: Vec<Payment> = Vec::new();
	loop {
		let after = all.last().map(|p| p.seq);
		if !fill(&mut all, client.query(api().payments(id, after, PAGE)).await?) {
			return Ok(all);
		}
	}
}

/// The chain's own attestation bytes, to check [`attestation_payload`] against.
pub async fn chain_attestation_payload(
	client: &Client,
	id: ContractId,
	provider: &AccountId,
	ts: u32,
	te: u32,
	st: SpaceTime,
) -> Result<Vec<u8>, Error> {
	client.query(api().attestation_payload(id, *provider, ts, te, st)).await
}
