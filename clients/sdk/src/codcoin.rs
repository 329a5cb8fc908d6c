//! Codcoin (SPEC §4): organisation coins capped by collateral claims — every call, and every
//! query of the `CodcoinApi` runtime API.

use crate::{
	address,
	coins::{self, all_pages, Coin},
	error::Error,
	runtime::{self, runtime_types::bounded_collections::bounded_vec::BoundedVec},
	AccountId, Client, H256,
};
use subxt::transactions::StaticPayload;

use runtime::codcoin::calls as call;
pub use runtime::runtime_types::pallet_codcoin::types::{
	ClaimInfo, ClaimKind, CoinInfo, HoldingInfo, IssuerSummary, PourOutput,
};

/// Whole units of an issuer's coin.
pub type Units = u128;
pub type CoinInfoOf = CoinInfo<AccountId>;

impl Coin for CoinInfo<AccountId> {
	fn id(&self) -> H256 {
		self.id
	}
	fn issuer(&self) -> &AccountId {
		&self.issuer
	}
	fn holder(&self) -> &AccountId {
		&self.holder
	}
	fn value(&self) -> u128 {
		self.amount
	}
}

fn outputs(outs: &[(AccountId, Units)]) -> BoundedVec<PourOutput<AccountId>> {
	BoundedVec(
		outs.iter()
			.map(|(holder, amount)| PourOutput { holder: *holder, amount: *amount })
			.collect(),
	)
}

fn tx() -> runtime::codcoin::calls::api::TransactionApi {
	runtime::tx().codcoin()
}

// Calls.

/// Declare collateral backing `value` units until block `expiry`, optionally to be attested.
pub fn declare_claim(
	kind: ClaimKind,
	value: Units,
	expiry: u32,
	attestor: Option<&AccountId>,
) -> StaticPayload<call::DeclareClaim> {
	tx().declare_claim(kind, value, expiry, attestor.map(address))
}

/// As attestor, co-sign `issuer`'s claim `claim`.
pub fn attest_claim(issuer: &AccountId, claim: u64) -> StaticPayload<call::AttestClaim> {
	tx().attest_claim(address(issuer), claim)
}

pub fn retire_claim(claim: u64) -> StaticPayload<call::RetireClaim> {
	tx().retire_claim(claim)
}

/// Mint `sum(outs)` new units of the signer's coin, within its cap.
pub fn issue(outs: &[(AccountId, Units)]) -> StaticPayload<call::Issue> {
	tx().issue(outputs(outs))
}

/// Re-mint `inputs` into `outs` of the same total.
pub fn remint(inputs: Vec<H256>, outs: &[(AccountId, Units)]) -> StaticPayload<call::Remint> {
	tx().remint(BoundedVec(inputs), outputs(outs))
}

/// Burn `inputs`.
pub fn destroy(inputs: Vec<H256>) -> StaticPayload<call::Destroy> {
	tx().destroy(BoundedVec(inputs))
}

/// Pay `amount` of the inputs' coin to `to`; the change comes back.
pub fn pay(inputs: Vec<H256>, to: &AccountId, amount: Units) -> StaticPayload<call::Pay> {
	tx().pay(BoundedVec(inputs), address(to), amount)
}

// Queries, at the best block.

fn api() -> runtime::runtime_apis::codcoin_api::CodcoinApi {
	runtime::runtime_apis().codcoin_api()
}

pub async fn coins_of(client: &Client, holder: &AccountId) -> Result<Vec<CoinInfoOf>, Error> {
	all_pages(
		|after| client.query(api().coins_of(*holder, after, coins::PAGE)),
		|c: &CoinInfoOf| (c.issuer, c.id),
	)
	.await
}

pub async fn coins_of_issuer(
	client: &Client,
	issuer: &AccountId,
) -> Result<Vec<CoinInfoOf>, Error> {
	all_pages(
		|after| client.query(api().coins_of_issuer(*issuer, after, coins::PAGE)),
		|c: &CoinInfoOf| (c.holder, c.id),
	)
	.await
}

pub async fn holdings(
	client: &Client,
	holder: &AccountId,
) -> Result<Vec<HoldingInfo<AccountId>>, Error> {
	all_pages(
		|after| client.query(api().holdings(*holder, after, coins::PAGE)),
		|h: &HoldingInfo<AccountId>| h.issuer,
	)
	.await
}

pub async fn coin(client: &Client, id: H256) -> Result<Option<CoinInfoOf>, Error> {
	client.query(api().coin(id)).await
}

/// `holder`'s units of `issuer`'s coin.
pub async fn balance(
	client: &Client,
	holder: &AccountId,
	issuer: &AccountId,
) -> Result<Units, Error> {
	client.query(api().balance(*holder, *issuer)).await
}

/// Supply, cap, shortfall, escrow and claim count of `issuer`.
pub async fn issuer(client: &Client, issuer: &AccountId) -> Result<IssuerSummary, Error> {
	client.query(api().issuer(*issuer)).await
}

pub async fn claims(
	client: &Client,
	issuer: &AccountId,
) -> Result<Vec<ClaimInfo<AccountId, u32>>, Error> {
	client.query(api().claims(*issuer)).await
}

pub async fn max_inputs(client: &Client) -> Result<u32, Error> {
	let at = client.best().await?;
	at.constants().entry(runtime::constants().codcoin().max_inputs()).map_err(Error::client)
}

/// The coins of `issuer` that `holder` should spend to pay `amount`.
pub async fn select_coins(
	client: &Client,
	holder: &AccountId,
	issuer: &AccountId,
	amount: Units,
) -> Result<Vec<H256>, Error> {
	let coins = coins_of(client, holder).await?;
	coins::select(&coins, issuer, amount, max_inputs(client).await? as usize)
}

/// The next payment that merges `holder`'s coins of `issuer` (see [`coins::next_merge`]): up
/// to `MaxInputs` of the smallest paid to the holder as one coin; `None` when one is left.
pub async fn next_merge(
	client: &Client,
	holder: &AccountId,
	issuer: &AccountId,
) -> Result<Option<StaticPayload<call::Pay>>, Error> {
	let coins = coins_of(client, holder).await?;
	let max = max_inputs(client).await? as usize;
	Ok(coins::next_merge(&coins, issuer, max).map(|(inputs, sum)| pay(inputs, holder, sum)))
}

pub async fn check_coins(client: &Client, holder: &AccountId, named: &[H256]) -> Result<(), Error> {
	coins::check_named(&coins_of(client, holder).await?, named, holder)
}
