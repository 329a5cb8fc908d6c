//! The market (SPEC §4): offers between on-chain assets and off-chain resources, trades,
//! records — every call, and every query of the `MarketApi` runtime API.

use crate::{
	coins::{self, all_pages},
	error::Error,
	keys::{parse_account, to_ss58},
	runtime::{self, runtime_types::bounded_collections::bounded_vec::BoundedVec},
	AccountId, Client, H256,
};
use subxt::transactions::StaticPayload;

use runtime::market::calls as call;
pub use runtime::runtime_types::{
	codchain_runtime::configs::market::MarketAsset,
	pallet_market::types::{
		AccountStats, Leg, LegStatus, OffChainKind, OfferInfo, Ratio, TradeInfo,
	},
};

pub type Resource = runtime::runtime_types::pallet_market::types::Resource<MarketAsset>;
pub type Offer = OfferInfo<AccountId, MarketAsset, u128, u32>;
pub type Trade = TradeInfo<AccountId, MarketAsset, u32>;

/// Longest unit name of an off-chain resource the runtime stores.
pub const MAX_UNIT: usize = 16;

/// Parse a resource: `cod`, `timecoin:<issuer>`, `codcoin:<issuer>`, `jt:<kind id>`, `data`
/// (CarChain's data token), or an off-chain one, `fiat:<unit>` (e.g. `fiat:CNY`),
/// `time:<unit>`, `info:<unit>`.
pub fn parse_resource(input: &str) -> Result<Resource, Error> {
	let bad = |why: &str| Error::Input(format!("{input:?} is not a resource: {why}"));
	let (kind, arg) = input.split_once(':').unwrap_or((input, ""));
	let on_chain = |asset| Ok(Resource::OnChain(asset));
	let off_chain = |kind| {
		if arg.is_empty() {
			return Err(bad("an off-chain resource needs a unit, e.g. fiat:CNY"));
		}
		if arg.len() > MAX_UNIT {
			return Err(bad(&format!("a unit has at most {MAX_UNIT} bytes")));
		}
		Ok(Resource::OffChain { kind, unit: BoundedVec(arg.as_bytes().to_vec()) })
	};
	match kind.to_ascii_lowercase().as_str() {
		"cod" if arg.is_empty() => on_chain(MarketAsset::Cod),
		"timecoin" => on_chain(MarketAsset::Timecoin(parse_account(arg)?)),
		"codcoin" => on_chain(MarketAsset::Codcoin(parse_account(arg)?)),
		"jt" => on_chain(MarketAsset::JointToken(crate::parse_coin_id(arg)?)),
		"data" if arg.is_empty() => on_chain(MarketAsset::DataToken),
		"fiat" => off_chain(OffChainKind::Fiat),
		"time" => off_chain(OffChainKind::TimeBudget),
		"info" => off_chain(OffChainKind::Information),
		_ => Err(bad(
			"use cod, timecoin:<issuer>, codcoin:<issuer>, jt:<kind id>, data (CarChain's data \
			 token), fiat:<unit>, time:<unit> or info:<unit>",
		)),
	}
}

/// The same notation [`parse_resource`] reads.
pub fn format_resource(r: &Resource) -> String {
	match r {
		Resource::OnChain(MarketAsset::Cod) => "cod".into(),
		Resource::OnChain(MarketAsset::Timecoin(a)) => format!("timecoin:{}", to_ss58(a)),
		Resource::OnChain(MarketAsset::Codcoin(a)) => format!("codcoin:{}", to_ss58(a)),
		Resource::OnChain(MarketAsset::JointToken(id)) => format!("jt:{id:?}"),
		Resource::OnChain(MarketAsset::DataToken) => "data".into(),
		Resource::OffChain { kind, unit } => {
			let kind = match kind {
				OffChainKind::Fiat => "fiat",
				OffChainKind::TimeBudget => "time",
				OffChainKind::Information => "info",
			};
			format!("{kind}:{}", String::from_utf8_lossy(&unit.0))
		},
	}
}

fn tx() -> runtime::market::calls::api::TransactionApi {
	runtime::tx().market()
}

// Calls.

/// Publish the resources the signer holds or offers (an empty list withdraws them).
pub fn register_resources(resources: Vec<Resource>) -> StaticPayload<call::RegisterResources> {
	tx().register_resources(BoundedVec(resources))
}

/// The terms of a new offer.
#[derive(Clone, Debug)]
pub struct OfferTerms {
	pub pay: Resource,
	pub receive: Resource,
	/// `pay` units per `receive` units: an offer of 100 pay for 250 receive is `(100, 250)`.
	pub ratio: (u128, u128),
	pub amount: u128,
	pub min_fill: u128,
	pub expiry: u32,
	/// COD (planck) each side paying an off-chain leg bonds for the whole amount.
	pub bond: u128,
	/// On-chain coins to escrow from, if the signer wants to choose them.
	pub coins: Vec<H256>,
}

pub fn make_offer(t: OfferTerms) -> StaticPayload<call::MakeOffer> {
	tx().make_offer(
		t.pay,
		t.receive,
		Ratio { pay: t.ratio.0, receive: t.ratio.1 },
		t.amount,
		t.min_fill,
		t.expiry,
		t.bond,
		BoundedVec(t.coins),
	)
}

pub fn cancel_offer(id: u64) -> StaticPayload<call::CancelOffer> {
	tx().cancel_offer(id)
}

/// Accept `amount` (in the offer's pay resource) of offer `offer`.
pub fn accept(offer: u64, amount: u128, coins: Vec<H256>) -> StaticPayload<call::Accept> {
	tx().accept(offer, amount, BoundedVec(coins))
}

pub fn confirm_leg(trade: u64) -> StaticPayload<call::ConfirmLeg> {
	tx().confirm_leg(trade)
}

pub fn resolve_trade(trade: u64) -> StaticPayload<call::ResolveTrade> {
	tx().resolve_trade(trade)
}

pub fn mark_sent(trade: u64, reference: Option<H256>) -> StaticPayload<call::MarkSent> {
	tx().mark_sent(trade, reference)
}

pub fn close_record() -> StaticPayload<call::CloseRecord> {
	tx().close_record()
}

// Queries, at the best block.

fn api() -> runtime::runtime_apis::market_api::MarketApi {
	runtime::runtime_apis().market_api()
}

/// Open offers paying `pay` for `receive`, in id order.
pub async fn offers(
	client: &Client,
	pay: &Resource,
	receive: &Resource,
) -> Result<Vec<Offer>, Error> {
	all_pages(
		|after| client.query(api().offers(pay.clone(), receive.clone(), after, coins::PAGE)),
		|o: &Offer| o.id,
	)
	.await
}

pub async fn offer(client: &Client, id: u64) -> Result<Option<Offer>, Error> {
	client.query(api().offer(id)).await
}

/// Pending trades `who` is a party to.
pub async fn trades(client: &Client, who: &AccountId) -> Result<Vec<Trade>, Error> {
	all_pages(|after| client.query(api().trades(*who, after, coins::PAGE)), |t: &Trade| t.id).await
}

/// `who`'s record: open offers, settled trades, defaults, disputes.
pub async fn stats(client: &Client, who: &AccountId) -> Result<AccountStats, Error> {
	client.query(api().stats(*who)).await
}

/// Open offers that buy back `issuer`'s coin.
pub async fn buy_back_offers(client: &Client, issuer: &AccountId) -> Result<Vec<u64>, Error> {
	client.query(api().buy_back_offers(*issuer)).await
}

pub async fn registered(client: &Client, who: &AccountId) -> Result<Vec<Resource>, Error> {
	client.query(api().registered(*who)).await
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn resources_read_and_print_alike() {
		let alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
		for r in ["cod", "fiat:CNY", "time:hours", "info:report"] {
			assert_eq!(format_resource(&parse_resource(r).unwrap()), r);
		}
		let t = format!("timecoin:{alice}");
		assert_eq!(format_resource(&parse_resource(&t).unwrap()), t);
		for bad in ["gold", "fiat", "fiat:ABCDEFGHIJKLMNOPQ", "codcoin:nobody", "cod:x"] {
			assert!(parse_resource(bad).is_err(), "{bad}");
		}
	}
}
