//! `codchain market`.

use crate::{
	args::MarketCmd,
	input,
	output::{addr, block, table},
	Ctx,
};
use codchain_client::{
	amount::{format_cod, parse_cod, parse_units},
	market::{self as mk, format_resource, parse_resource, LegStatus, MarketAsset, Resource},
	parse_account, parse_coin_id, Error,
};
use serde_json::json;

/// Amounts of COD take decimals; of anything else, whole units.
fn amount_of(r: &Resource, s: &str) -> Result<u128, Error> {
	Ok(match r {
		Resource::OnChain(MarketAsset::Cod) => parse_cod(s)?,
		_ => parse_units(s)?,
	})
}

fn show_amount(r: &Resource, v: u128) -> String {
	match r {
		Resource::OnChain(MarketAsset::Cod) => format!("{} COD", format_cod(v)),
		_ => v.to_string(),
	}
}

fn offer_json(o: &mk::Offer) -> serde_json::Value {
	json!({
		"id": o.id, "offerer": addr(&o.offerer), "pay": format_resource(&o.pay), "receive": format_resource(&o.receive),
		"ratio": { "pay": o.ratio.pay.to_string(), "receive": o.ratio.receive.to_string() },
		"amount": o.amount.to_string(), "remaining": o.remaining.to_string(), "minFill": o.min_fill.to_string(),
		"expiry": o.expiry, "bond": o.bond.to_string(),
		"payShortfall": o.pay_shortfall.to_string(), "receiveShortfall": o.receive_shortfall.to_string(),
	})
}

fn leg_status(s: &LegStatus) -> String {
	match s {
		LegStatus::Escrowed => "escrowed".into(),
		LegStatus::Awaiting => "awaiting".into(),
		LegStatus::Sent { reference: Some(r) } => format!("sent ({r:?})"),
		LegStatus::Sent { reference: None } => "sent".into(),
		LegStatus::Confirmed => "confirmed".into(),
	}
}

fn trade_json(t: &mk::Trade) -> serde_json::Value {
	let leg = |l: &mk::Leg<MarketAsset>| json!({ "resource": format_resource(&l.resource), "amount": l.amount.to_string(), "status": leg_status(&l.status) });
	json!({
		"id": t.id, "offer": t.offer, "offerer": addr(&t.offerer), "acceptor": addr(&t.acceptor),
		"give": leg(&t.give), "take": leg(&t.take), "deadline": t.deadline,
	})
}

pub async fn run(ctx: &mut Ctx, cmd: MarketCmd) -> Result<(), Error> {
	use MarketCmd as C;
	match cmd {
		C::Register { resources } => {
			let list =
				resources.iter().map(|r| parse_resource(r)).collect::<Result<Vec<_>, _>>()?;
			ctx.submit(mk::register_resources(list)).await?;
		},
		C::Offer { pay, receive, ratio, amount, min_fill, expiry, bond, coins } => {
			let (pay, receive) = (parse_resource(&pay)?, parse_resource(&receive)?);
			let (p, r) = ratio.split_once(':').ok_or_else(|| {
				Error::Input(format!("{ratio:?}: write the ratio as PAY:RECEIVE, e.g. 1:2"))
			})?;
			let ratio = (parse_units(p)?, parse_units(r)?);
			let amount = amount_of(&pay, &amount)?;
			let min_fill = min_fill.map(|m| amount_of(&pay, &m)).transpose()?.unwrap_or(amount);
			let expiry = input::expiry(ctx, &expiry).await?;
			let terms = mk::OfferTerms {
				pay,
				receive,
				ratio,
				amount,
				min_fill,
				expiry,
				bond: parse_cod(&bond)?,
				coins: input::coin_ids(&coins.coins)?,
			};
			ctx.submit(mk::make_offer(terms)).await?;
		},
		C::Cancel { id } => drop(ctx.submit(mk::cancel_offer(id)).await?),
		C::Accept { offer, amount, coins } => {
			let o = mk::offer(ctx.client().await?, offer).await?;
			let o = o.ok_or_else(|| Error::Input(format!("no open offer #{offer}")))?;
			let amount = amount_of(&o.pay, &amount)?;
			ctx.submit(mk::accept(offer, amount, input::coin_ids(&coins.coins)?)).await?;
		},
		C::Confirm { trade } => drop(ctx.submit(mk::confirm_leg(trade)).await?),
		C::Resolve { trade } => drop(ctx.submit(mk::resolve_trade(trade)).await?),
		C::MarkSent { trade, reference } => {
			let reference = reference.map(|r| parse_coin_id(&r)).transpose().map_err(|_| {
				Error::Input(
					"a reference is 0x followed by 64 hex digits (e.g. a hash of the transfer id)"
						.into(),
				)
			})?;
			ctx.submit(mk::mark_sent(trade, reference)).await?;
		},
		C::CloseRecord => drop(ctx.submit(mk::close_record()).await?),
		C::Offers { pay, receive } => {
			let (pay, receive) = (parse_resource(&pay)?, parse_resource(&receive)?);
			let list = mk::offers(ctx.client().await?, &pay, &receive).await?;
			let best = ctx.client().await?.best().await?.block_number();
			ctx.out.show(json!(list.iter().map(offer_json).collect::<Vec<_>>()), || {
				let mut t = table(&[
					"id",
					"offerer",
					"pay",
					"receive",
					"ratio",
					"remaining",
					"min fill",
					"expiry",
				]);
				for o in &list {
					t.add_row(vec![
						o.id.to_string(),
						addr(&o.offerer),
						format_resource(&o.pay),
						format_resource(&o.receive),
						format!("{}:{}", o.ratio.pay, o.ratio.receive),
						show_amount(&o.pay, o.remaining),
						show_amount(&o.pay, o.min_fill),
						block(best, o.expiry),
					]);
				}
				t.to_string()
			});
		},
		C::ShowOffer { id } => {
			let o = mk::offer(ctx.client().await?, id).await?;
			let o = o.ok_or_else(|| Error::Input(format!("no open offer #{id}")))?;
			ctx.out.show(offer_json(&o), || {
				serde_json::to_string_pretty(&offer_json(&o)).unwrap_or_default()
			});
		},
		C::Trades { who } => {
			let who = ctx.account_or_signer(who.as_deref())?;
			let list = mk::trades(ctx.client().await?, &who).await?;
			let best = ctx.client().await?.best().await?.block_number();
			ctx.out.show(json!(list.iter().map(trade_json).collect::<Vec<_>>()), || {
				let mut t = table(&[
					"id",
					"offer",
					"offerer",
					"acceptor",
					"offerer gives",
					"acceptor gives",
					"deadline",
				]);
				for tr in &list {
					let leg = |l: &mk::Leg<MarketAsset>| {
						format!(
							"{} {} ({})",
							show_amount(&l.resource, l.amount),
							format_resource(&l.resource),
							leg_status(&l.status)
						)
					};
					t.add_row(vec![
						tr.id.to_string(),
						tr.offer.to_string(),
						addr(&tr.offerer),
						addr(&tr.acceptor),
						leg(&tr.give),
						leg(&tr.take),
						block(best, tr.deadline),
					]);
				}
				t.to_string()
			});
		},
		C::Stats { who } => {
			let who = ctx.account_or_signer(who.as_deref())?;
			let s = mk::stats(ctx.client().await?, &who).await?;
			ctx.out.show(
				json!({ "who": addr(&who), "openOffers": s.open_offers, "settled": s.settled, "defaults": s.defaults, "disputes": s.disputes }),
				|| format!("{}\n  open offers  {}\n  settled      {}\n  defaults     {}\n  disputes     {}", addr(&who), s.open_offers, s.settled, s.defaults, s.disputes),
			);
		},
		C::BuyBack { issuer } => {
			let ids = mk::buy_back_offers(ctx.client().await?, &parse_account(&issuer)?).await?;
			ctx.out.show(json!(ids), || {
				if ids.is_empty() {
					"no buy-back offers".into()
				} else {
					ids.iter().map(|i| format!("#{i}")).collect::<Vec<_>>().join(" ")
				}
			});
		},
		C::Registered { who } => {
			let who = ctx.account_or_signer(who.as_deref())?;
			let list = mk::registered(ctx.client().await?, &who).await?;
			let names: Vec<String> = list.iter().map(format_resource).collect();
			ctx.out.show(json!(names), || names.join("\n"));
		},
	}
	Ok(())
}
