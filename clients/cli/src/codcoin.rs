//! `codchain codcoin`.

use crate::{
	args::{ClaimKindArg, CodcoinCmd},
	input,
	output::{addr, block, table},
	Ctx,
};
use codchain_client::{
	amount::parse_units,
	codcoin::{self as cc, ClaimKind},
	parse_account, parse_coin_id, Error,
};
use serde_json::json;

fn coins_json(coins: &[cc::CoinInfoOf]) -> serde_json::Value {
	json!(coins
		.iter()
		.map(|c| json!({
			"id": format!("{:?}", c.id), "issuer": addr(&c.issuer), "holder": addr(&c.holder),
			"amount": c.amount.to_string(), "pourId": c.pour_id,
		}))
		.collect::<Vec<_>>())
}

fn coins_table(coins: &[cc::CoinInfoOf]) -> String {
	if coins.is_empty() {
		return "no coins".into();
	}
	let mut t = table(&["coin", "issuer", "holder", "units"]);
	for c in coins {
		t.add_row(vec![
			format!("{:?}", c.id),
			addr(&c.issuer),
			addr(&c.holder),
			c.amount.to_string(),
		]);
	}
	t.to_string()
}

fn kind(k: &ClaimKind) -> String {
	match k {
		ClaimKind::Stock { units } => format!("stock: {units} units"),
		ClaimKind::Labour { person_hours } => format!("labour: {person_hours} person-hours"),
		ClaimKind::Service { capacity } => format!("service: capacity {capacity}"),
	}
}

fn units(s: &str) -> Result<u128, Error> {
	Ok(parse_units(s)?)
}

pub async fn run(ctx: &mut Ctx, cmd: CodcoinCmd) -> Result<(), Error> {
	use CodcoinCmd as C;
	match cmd {
		C::DeclareClaim { kind, quantity, value, expiry, attestor } => {
			let kind = match kind {
				ClaimKindArg::Stock => ClaimKind::Stock { units: quantity },
				ClaimKindArg::Labour => ClaimKind::Labour { person_hours: quantity },
				ClaimKindArg::Service => ClaimKind::Service { capacity: quantity },
			};
			let attestor = attestor.map(|a| parse_account(&a)).transpose()?;
			let expiry = input::expiry(ctx, &expiry).await?;
			ctx.submit(cc::declare_claim(kind, units(&value)?, expiry, attestor.as_ref())).await?;
		},
		C::AttestClaim { issuer, claim } => {
			drop(ctx.submit(cc::attest_claim(&parse_account(&issuer)?, claim)).await?)
		},
		C::RetireClaim { claim } => drop(ctx.submit(cc::retire_claim(claim)).await?),
		C::Issue { outputs } => {
			let outs = input::outputs(&outputs, units)?;
			ctx.submit(cc::issue(&outs)).await?;
		},
		C::Remint { inputs, outputs } => {
			let (inputs, outs) = (input::coin_ids(&inputs)?, input::outputs(&outputs, units)?);
			let holder = ctx.signer()?.account_id();
			cc::check_coins(ctx.client().await?, &holder, &inputs).await?;
			ctx.submit(cc::remint(inputs, &outs)).await?;
		},
		C::Destroy { coins } => {
			let coins = input::coin_ids(&coins)?;
			let holder = ctx.signer()?.account_id();
			cc::check_coins(ctx.client().await?, &holder, &coins).await?;
			ctx.submit(cc::destroy(coins)).await?;
		},
		C::Pay { issuer, to, amount, coins } => {
			let (issuer, to, amount) =
				(parse_account(&issuer)?, parse_account(&to)?, units(&amount)?);
			let holder = ctx.signer()?.account_id();
			let named = input::coin_ids(&coins.coins)?;
			let client = ctx.client().await?;
			let inputs = if named.is_empty() {
				cc::select_coins(client, &holder, &issuer, amount).await?
			} else {
				cc::check_coins(client, &holder, &named).await?;
				named
			};
			ctx.submit(cc::pay(inputs, &to, amount)).await?;
		},
		C::Merge { issuer } => {
			let (issuer, holder) = (parse_account(&issuer)?, ctx.signer()?.account_id());
			let mut blocks = Vec::new();
			while let Some(call) = cc::next_merge(ctx.client().await?, &holder, &issuer).await? {
				blocks.push(ctx.submit_quietly(call).await?.block_number);
			}
			let left = cc::coins_of(ctx.client().await?, &holder).await?;
			let left = left.iter().filter(|c| c.issuer == issuer).count();
			crate::output::merged(ctx.out, &blocks, left);
		},
		C::Coins { holder } => {
			let holder = ctx.account_or_signer(holder.as_deref())?;
			let coins = cc::coins_of(ctx.client().await?, &holder).await?;
			ctx.out.show(coins_json(&coins), || coins_table(&coins));
		},
		C::IssuerCoins { issuer } => {
			let coins = cc::coins_of_issuer(ctx.client().await?, &parse_account(&issuer)?).await?;
			ctx.out.show(coins_json(&coins), || coins_table(&coins));
		},
		C::Holdings { holder } => {
			let holder = ctx.account_or_signer(holder.as_deref())?;
			let h = cc::holdings(ctx.client().await?, &holder).await?;
			ctx.out.show(
				json!(h
					.iter()
					.map(|h| json!({ "issuer": addr(&h.issuer), "amount": h.balance.to_string() }))
					.collect::<Vec<_>>()),
				|| {
					let mut t = table(&["issuer", "units"]);
					for h in &h {
						t.add_row(vec![addr(&h.issuer), h.balance.to_string()]);
					}
					t.to_string()
				},
			);
		},
		C::Coin { id } => {
			let id = parse_coin_id(&id)?;
			let coin = cc::coin(ctx.client().await?, id).await?;
			let coins = [coin.ok_or_else(|| {
				Error::Input(format!("unknown coin {id:?}: no live coin has this id"))
			})?];
			ctx.out.show(coins_json(&coins)[0].clone(), || coins_table(&coins));
		},
		C::Balance { issuer, holder } => {
			let holder = ctx.account_or_signer(holder.as_deref())?;
			let issuer = parse_account(&issuer)?;
			let b = cc::balance(ctx.client().await?, &holder, &issuer).await?;
			ctx.out.show(
				json!({ "holder": addr(&holder), "issuer": addr(&issuer), "amount": b.to_string() }),
				|| format!("{b} units of {}'s coin", addr(&issuer)),
			);
		},
		C::Issuer { issuer } => {
			let who = ctx.account_or_signer(issuer.as_deref())?;
			let s = cc::issuer(ctx.client().await?, &who).await?;
			ctx.out.show(
				json!({
					"issuer": addr(&who), "supply": s.supply.to_string(), "cap": s.cap.to_string(),
					"shortfall": s.shortfall.to_string(), "escrowed": s.escrowed.to_string(), "claims": s.claims,
				}),
				|| {
					format!(
						"{}\n  supply     {}\n  cap        {}\n  shortfall  {}\n  escrowed   {}\n  claims     {}",
						addr(&who), s.supply, s.cap, s.shortfall, s.escrowed, s.claims
					)
				},
			);
		},
		C::Claims { issuer } => {
			let who = ctx.account_or_signer(issuer.as_deref())?;
			let list = cc::claims(ctx.client().await?, &who).await?;
			let best = ctx.client().await?.best().await?.block_number();
			ctx.out.show(
				json!(list
					.iter()
					.map(|c| json!({
						"id": c.id, "kind": kind(&c.kind), "value": c.value.to_string(), "expiry": c.expiry,
						"attestor": c.attestor.as_ref().map(addr), "attested": c.attested, "live": c.live,
					}))
					.collect::<Vec<_>>()),
				|| {
					let mut t = table(&["id", "kind", "value", "expiry block", "attested", "live"]);
					for c in &list {
						let attested = match (&c.attestor, c.attested) {
							(None, _) => "not needed".to_string(),
							(Some(a), true) => format!("by {}", addr(a)),
							(Some(a), false) => format!("awaiting {}", addr(a)),
						};
						t.add_row(vec![
							c.id.to_string(),
							kind(&c.kind),
							c.value.to_string(),
							block(best, c.expiry),
							attested,
							c.live.to_string(),
						]);
					}
					t.to_string()
				},
			);
		},
	}
	Ok(())
}
