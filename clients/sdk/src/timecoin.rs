//! Timecoin (SPEC §3): personal time coins in seconds — every call, and every query of the
//! `TimecoinApi` runtime API.

use crate::{
	address,
	coins::{self, all_pages, Coin},
	error::Error,
	runtime::{self, runtime_types::bounded_collections::bounded_vec::BoundedVec},
	AccountId, Client, H256,
};
use subxt::transactions::StaticPayload;

pub use runtime::runtime_types::pallet_timecoin::types::{
	AppointmentInfo, AppointmentStatus, CoinInfo, ExerciseOutcome, ExerciseRecord, HoldingInfo,
	IssuerSummary, PourOutput,
};
use runtime::timecoin::calls as call;

/// Seconds of an issuer's time.
pub type Seconds = u64;
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
		self.amount.into()
	}
}

fn outputs(outs: &[(AccountId, Seconds)]) -> BoundedVec<PourOutput<AccountId>> {
	BoundedVec(
		outs.iter()
			.map(|(holder, amount)| PourOutput { holder: *holder, amount: *amount })
			.collect(),
	)
}

fn tx() -> runtime::timecoin::calls::api::TransactionApi {
	runtime::tx().timecoin()
}

// Calls.

/// Stand behind `capacity` seconds of your time as an issuer.
pub fn declare_capacity(capacity: Seconds) -> StaticPayload<call::DeclareCapacity> {
	tx().declare_capacity(capacity)
}

/// Issue `sum(outputs)` seconds as new coins.
pub fn issue(outs: &[(AccountId, Seconds)]) -> StaticPayload<call::Issue> {
	tx().issue(outputs(outs))
}

/// Give `amount` seconds of the `inputs` to `to`; the change comes back to the signer.
pub fn transfer(
	inputs: Vec<H256>,
	to: &AccountId,
	amount: Seconds,
) -> StaticPayload<call::Transfer> {
	tx().transfer(BoundedVec(inputs), address(to), amount)
}

/// Spend the `inputs` for `[begin, end)` (Unix seconds) of their issuer's time.
pub fn exercise(inputs: Vec<H256>, begin: Seconds, end: Seconds) -> StaticPayload<call::Exercise> {
	tx().exercise(BoundedVec(inputs), begin, end)
}

/// The general pour: consume `inputs`, create `outs`, add `time` (issuer only) and optionally
/// book `interval`.
pub fn pour(
	issuer: &AccountId,
	inputs: Vec<H256>,
	outs: &[(AccountId, Seconds)],
	time: Seconds,
	interval: Option<(Seconds, Seconds)>,
) -> StaticPayload<call::Pour> {
	tx().pour(address(issuer), BoundedVec(inputs), outputs(outs), time, interval)
}

pub fn cancel_appointment(id: u64) -> StaticPayload<call::CancelAppointment> {
	tx().cancel_appointment(id)
}
pub fn confirm(id: u64) -> StaticPayload<call::Confirm> {
	tx().confirm(id)
}
pub fn report_no_show(id: u64) -> StaticPayload<call::ReportNoShow> {
	tx().report_no_show(id)
}
pub fn answer_no_show(id: u64) -> StaticPayload<call::AnswerNoShow> {
	tx().answer_no_show(id)
}
pub fn settle(id: u64) -> StaticPayload<call::Settle> {
	tx().settle(id)
}
pub fn retire() -> StaticPayload<call::Retire> {
	tx().retire()
}

// Queries, at the best block.

fn api() -> runtime::runtime_apis::timecoin_api::TimecoinApi {
	runtime::runtime_apis().timecoin_api()
}

/// Every coin `holder` holds, of every issuer.
pub async fn coins_of(client: &Client, holder: &AccountId) -> Result<Vec<CoinInfoOf>, Error> {
	all_pages(
		|after| client.query(api().coins_of(*holder, after, coins::PAGE)),
		|c: &CoinInfoOf| (c.issuer, c.id),
	)
	.await
}

/// Every live coin of `issuer`, whoever holds it.
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

/// `holder`'s balance per issuer.
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

/// Capacity, outstanding seconds, no-shows, disputes and open appointments of `issuer`.
pub async fn issuer(client: &Client, issuer: &AccountId) -> Result<IssuerSummary, Error> {
	client.query(api().issuer(*issuer)).await
}

/// `issuer`'s appointments overlapping `[from, to)` (Unix seconds).
pub async fn appointments(
	client: &Client,
	issuer: &AccountId,
	from: Seconds,
	to: Seconds,
) -> Result<Vec<AppointmentInfo<AccountId>>, Error> {
	client.query(api().appointments(*issuer, from, to)).await
}

/// How `issuer`'s recent appointments ended.
pub async fn history(
	client: &Client,
	issuer: &AccountId,
) -> Result<Vec<ExerciseRecord<AccountId>>, Error> {
	client.query(api().history(*issuer)).await
}

/// The most coins one call may consume.
pub async fn max_inputs(client: &Client) -> Result<u32, Error> {
	let at = client.best().await?;
	at.constants().entry(runtime::constants().timecoin().max_inputs()).map_err(Error::client)
}

/// The coins of `issuer` the signer `holder` should spend to pay `amount` seconds.
pub async fn select_coins(
	client: &Client,
	holder: &AccountId,
	issuer: &AccountId,
	amount: Seconds,
) -> Result<Vec<H256>, Error> {
	let coins = coins_of(client, holder).await?;
	coins::select(&coins, issuer, amount.into(), max_inputs(client).await? as usize)
}

/// The next transfer that merges `holder`'s coins of `issuer` (see [`coins::next_merge`]): up
/// to `MaxInputs` of the smallest given to the holder as one coin; `None` when one is left.
pub async fn next_merge(
	client: &Client,
	holder: &AccountId,
	issuer: &AccountId,
) -> Result<Option<StaticPayload<call::Transfer>>, Error> {
	let coins = coins_of(client, holder).await?;
	let max = max_inputs(client).await? as usize;
	coins::next_merge(&coins, issuer, max)
		.map(|(inputs, sum)| {
			// Seconds of one issuer never exceed its capacity, a u64.
			let sum = Seconds::try_from(sum)
				.map_err(|_| Error::Input(format!("{sum} seconds do not fit a u64")))?;
			Ok(transfer(inputs, holder, sum))
		})
		.transpose()
}

/// Check that `holder` holds each of `named`.
pub async fn check_coins(client: &Client, holder: &AccountId, named: &[H256]) -> Result<(), Error> {
	coins::check_named(&coins_of(client, holder).await?, named, holder)
}
