//! `codchain jt`: joint tokens.

use crate::{
	args::{JtCmd, LoanCmd, PresaleCmd},
	input,
	output::{addr, cod},
	Ctx,
};
use codchain_client::{
	amount::{parse_cod, parse_units},
	jointtoken::{self as jt, Beneficiary, JtId, KindRules, Mode, Price, Prices, Rule, Unplanned},
	market, parse_account, parse_coin_id,
	runtime::runtime_types::{
		bounded_collections::bounded_vec::BoundedVec, sp_arithmetic::per_things::Perbill,
	},
	AccountId, Error, KeyType, Keypair, H256,
};
use serde_json::{json, Value};

fn bad(what: &str) -> Error {
	Error::Input(what.to_string())
}

/// `COD_PLANCK:JT_UNITS`.
fn price(s: &str) -> Result<Price, Error> {
	let (c, j) = s
		.split_once(':')
		.ok_or_else(|| bad(&format!("{s:?}: write a price as COD_PLANCK:JT_UNITS")))?;
	let n = |x: &str| x.trim().parse::<u128>().map_err(|_| bad(&format!("{s:?}: not a price")));
	Ok(Price { cod: n(c)?, jt: n(j)? })
}

fn units(v: &Value) -> Result<u128, Error> {
	match v {
		Value::String(s) => Ok(parse_units(s)?),
		Value::Number(n) => {
			n.as_u64().map(u128::from).ok_or_else(|| bad("an amount is a whole number"))
		},
		_ => Err(bad("an amount is a whole number or a string")),
	}
}

fn field<'a>(v: &'a Value, key: &str) -> Result<&'a Value, Error> {
	v.get(key).ok_or_else(|| bad(&format!("the file lacks {key:?}")))
}

fn text(v: &Value, key: &str) -> Result<String, Error> {
	Ok(field(v, key)?.as_str().ok_or_else(|| bad(&format!("{key:?} is text")))?.to_string())
}

fn number(v: &Value, key: &str) -> Result<u64, Error> {
	field(v, key)?.as_u64().ok_or_else(|| bad(&format!("{key:?} is a whole number")))
}

fn block_field(v: &Value, key: &str) -> Result<u32, Error> {
	u32::try_from(number(v, key)?).map_err(|_| bad(&format!("{key:?} is a block number")))
}

fn read_json(path: &std::path::Path) -> Result<Value, Error> {
	let raw = std::fs::read_to_string(path)
		.map_err(|e| bad(&format!("cannot read {}: {e}", path.display())))?;
	serde_json::from_str(&raw).map_err(|e| bad(&format!("{} is not JSON: {e}", path.display())))
}

/// A rules file (docs/JOINTTOKEN.md) as the chain's `Rules`.
pub fn rules_from_json(v: &Value) -> Result<KindRules, Error> {
	let planned = match v.get("planned") {
		None => Vec::new(),
		Some(list) => list
			.as_array()
			.ok_or_else(|| bad("\"planned\" is a list"))?
			.iter()
			.map(|s| {
				let to = match text(s, "to")?.as_str() {
					"incubation" => Beneficiary::Incubation,
					who => Beneficiary::Account(parse_account(who)?),
				};
				Ok(jt::Schedule {
					to,
					amount: units(field(s, "amount")?)?,
					start: block_field(s, "start")?,
					every: block_field(s, "every")?,
					count: u32::try_from(number(s, "count")?)
						.map_err(|_| bad("count too large"))?,
				})
			})
			.collect::<Result<Vec<_>, Error>>()?,
	};
	let unplanned = match v.get("unplanned") {
		None | Some(Value::Null) => None,
		Some(u) => {
			let mode = match text(u, "mode")?.as_str() {
				"code" => Mode::Code,
				"trust" => Mode::Trust {
					min_sell: price(&text(u, "minSell")?)?,
					max_sell: price(&text(u, "maxSell")?)?,
					min_buy: price(&text(u, "minBuy")?)?,
					max_buy: price(&text(u, "maxBuy")?)?,
					max_fee: jt::percent(number(u, "maxFeePercent")? as u32),
				},
				other => return Err(bad(&format!("mode {other:?}: use \"code\" or \"trust\""))),
			};
			Some(Unplanned {
				mode,
				prices: Prices {
					sell: price(&text(u, "sell")?)?,
					buy: price(&text(u, "buy")?)?,
					fee: jt::percent(number(u, "feePercent")? as u32),
				},
				fee_to: parse_account(&text(u, "feeTo")?)?,
			})
		},
	};
	Ok(jt::Rules {
		name: BoundedVec(text(v, "name")?.into_bytes()),
		symbol: BoundedVec(
			v.get("symbol").and_then(Value::as_str).unwrap_or("").as_bytes().to_vec(),
		),
		decimals: v.get("decimals").and_then(Value::as_u64).unwrap_or(0) as u8,
		deployer: parse_account(&text(v, "deployer")?)?,
		planned: BoundedVec(planned),
		holders_may_destroy: v.get("holdersMayDestroy").and_then(Value::as_bool).unwrap_or(false),
		unplanned,
		mentor_window: v.get("mentorWindow").and_then(Value::as_u64).unwrap_or(0) as u32,
		min_tutoring_fee: v.get("minTutoringFee").map(units).transpose()?.unwrap_or(0),
		document: BoundedVec(
			v.get("document").and_then(Value::as_str).unwrap_or("").as_bytes().to_vec(),
		),
	})
}

/// A distribution rule file as the chain's rule.
fn rule_from_json(v: &Value) -> Result<Rule, Error> {
	let shares = field(v, "shares")?
		.as_array()
		.ok_or_else(|| bad("\"shares\" is a list"))?
		.iter()
		.map(|s| Ok((parse_account(&text(s, "to")?)?, number(s, "weight")? as u32)))
		.collect::<Result<Vec<_>, Error>>()?;
	Ok(jt::Distribution {
		shares: BoundedVec(shares),
		portion: jt::percent(number(v, "portionPercent")? as u32),
		start: block_field(v, "start")?,
		every: block_field(v, "every")?,
		remark: BoundedVec(
			v.get("remark").and_then(Value::as_str).unwrap_or("").as_bytes().to_vec(),
		),
	})
}

fn jtid(s: &str) -> Result<JtId, Error> {
	parse_coin_id(s).map_err(|_| bad(&format!("{s:?} is not a kind id (0x and 64 hex digits)")))
}

/// `[ed25519:|ecdsa:|sr25519:]SURI=AMOUNT`: the key and the amount it pays.
fn signed_part(s: &str) -> Result<(Keypair, u128), Error> {
	let (suri, amount) =
		s.rsplit_once('=').ok_or_else(|| bad(&format!("{s:?}: write SURI=AMOUNT")))?;
	Ok((key(suri)?, parse_units(amount)?))
}

fn key(suri: &str) -> Result<Keypair, Error> {
	let (scheme, rest) = match suri.split_once(':') {
		Some((s, rest)) if ["sr25519", "ed25519", "ecdsa"].contains(&s) => (s, rest),
		_ => ("sr25519", suri),
	};
	Ok(Keypair::from_uri(rest, scheme.parse::<KeyType>()?)?)
}

fn outputs(list: &[String]) -> Result<Vec<(AccountId, u128)>, Error> {
	input::outputs(list, |s| Ok(parse_units(s)?))
}

fn perbill(p: &Perbill) -> String {
	format!("{}%", p.0 as f64 / 10_000_000.0)
}

fn price_text(p: &Price) -> String {
	format!("{}:{}", p.cod, p.jt)
}

/// A line for people; JSON output stays one document (the receipt's events say the same).
fn note(ctx: &Ctx, line: &str) {
	if !ctx.out.json {
		println!("{line}");
	}
}

async fn genesis(ctx: &mut Ctx) -> Result<H256, Error> {
	Ok(ctx.client().await?.api().genesis_hash())
}

/// Signs `data` with `keys` and submits it, after the chain's own dry run of the item.
async fn submit_item(ctx: &mut Ctx, data: jt::JtItemData, keys: &[Keypair]) -> Result<(), Error> {
	let g = genesis(ctx).await?;
	let refs: Vec<&Keypair> = keys.iter().collect();
	let item = jt::sign_item(g, data, &refs);
	let me = ctx.signer()?.account_id();
	// The item's own dry run names a bad signature or balance before anything is signed for
	// submission; the receipt's event carries the item id.
	let outcome = jt::simulate_item(ctx.client().await?, &me, item.clone()).await?;
	note(ctx, &format!("item {:?}", outcome.id));
	ctx.submit(jt::submit(item)).await.map(drop)
}

pub async fn run(ctx: &mut Ctx, cmd: JtCmd) -> Result<(), Error> {
	use JtCmd as C;
	match cmd {
		C::Create { rules } => {
			let r = rules_from_json(&read_json(&rules)?)?;
			let id = jt::kind_id(&r);
			ctx.submit(jt::create_kind(r)).await?;
			note(ctx, &format!("kind {id:?}"));
		},
		C::Id { rules } => {
			let id = jt::kind_id(&rules_from_json(&read_json(&rules)?)?);
			ctx.out.show(json!({"jtid": format!("{id:?}")}), || format!("{id:?}"));
		},
		C::Kind { jtid: id } => {
			let id = jtid(&id)?;
			let client = ctx.client().await?;
			let (rules, k) =
				jt::kind(client, id).await?.ok_or_else(|| bad(&format!("no kind {id:?}")))?;
			let (root, incubation) = jt::accounts(client, id).await?;
			let matches = jt::kind_id(&rules) == id;
			let prices = k.prices.as_ref().map(
				|p| json!({"sell": price_text(&p.sell), "buy": price_text(&p.buy), "fee": p.fee.0}),
			);
			let v = json!({
				"jtid": format!("{id:?}"), "rulesMatchId": matches,
				"name": String::from_utf8_lossy(&rules.name.0), "symbol": String::from_utf8_lossy(&rules.symbol.0),
				"deployer": addr(&rules.deployer), "supply": k.supply.to_string(), "entries": k.entries,
				"records": k.records, "prices": prices, "trustee": k.trustee.as_ref().map(addr),
				"desk": k.desk, "root": addr(&root), "incubation": addr(&incubation),
				"planned": rules.planned.0.len(), "holdersMayDestroy": rules.holders_may_destroy,
				"document": String::from_utf8_lossy(&rules.document.0),
			});
			ctx.out.show(v, || {
				let mut s = format!(
					"kind {id:?} ({} {})\n  rules        {}\n  deployer     {}\n  supply       {}\n  holders      {} entries, {} presales and loans\n",
					String::from_utf8_lossy(&rules.name.0),
					String::from_utf8_lossy(&rules.symbol.0),
					if matches { "hash to the id" } else { "DO NOT hash to the id" },
					addr(&rules.deployer),
					k.supply,
					k.entries,
					k.records,
				);
				if let Some(p) = &k.prices {
					s += &format!(
						"  desk         sell {} buy {} (COD planck : tokens), fee {}, offer {:?}\n",
						price_text(&p.sell),
						price_text(&p.buy),
						perbill(&p.fee),
						k.desk
					);
				}
				s += &format!("  root         {}\n  incubation   {}", addr(&root), addr(&incubation));
				s
			});
		},
		C::Balance { jtid: id, who } => {
			let id = jtid(&id)?;
			let who = ctx.account_or_signer(who.as_deref())?;
			let e = jt::entry(ctx.client().await?, id, &who).await?;
			let (free, escrowed) = e.map_or((0, 0), |e| (e.free, e.escrowed));
			ctx.out
				.show(json!({"free": free.to_string(), "escrowed": escrowed.to_string()}), || {
					format!("{free} free, {escrowed} in market escrow")
				});
		},
		C::Issue { jtid: id, schedule } => {
			let id = jtid(&id)?;
			let (due, item) = jt::next_issue(ctx.client().await?, id, schedule)
				.await?
				.ok_or_else(|| bad("the schedule has issued all its periods"))?;
			note(ctx, &format!("period due at block #{due}"));
			ctx.submit(jt::submit(item)).await?;
		},
		C::Transfer { jtid: id, inputs, outputs: outs, expires, remark } => {
			let id = jtid(&id)?;
			let ins = inputs.iter().map(|s| signed_part(s)).collect::<Result<Vec<_>, _>>()?;
			let expires = input::expiry(ctx, &expires).await?;
			let parts: Vec<_> = ins.iter().map(|(k, a)| (k.account_id(), *a)).collect();
			let data = jt::transfer_data(id, &parts, &outputs(&outs)?, expires, remark.as_bytes());
			let keys: Vec<Keypair> = ins.into_iter().map(|(k, _)| k).collect();
			submit_item(ctx, data, &keys).await?;
		},
		C::Destroy { jtid: id, inputs, expires } => {
			let id = jtid(&id)?;
			let ins = inputs.iter().map(|s| signed_part(s)).collect::<Result<Vec<_>, _>>()?;
			let expires = input::expiry(ctx, &expires).await?;
			let parts: Vec<_> = ins.iter().map(|(k, a)| (k.account_id(), *a)).collect();
			let keys: Vec<Keypair> = ins.into_iter().map(|(k, _)| k).collect();
			submit_item(ctx, jt::destroy_data(id, &parts, expires), &keys).await?;
		},
		C::Exchange { a, a_payer, a_outputs, b, b_payer, b_outputs, expires } => {
			let (pa, pb) = (key(&a_payer)?, key(&b_payer)?);
			let leg_a = jt::exchange_leg(jtid(&a)?, pa.account_id(), &outputs(&a_outputs)?);
			let leg_b = jt::exchange_leg(jtid(&b)?, pb.account_id(), &outputs(&b_outputs)?);
			let expires = input::expiry(ctx, &expires).await?;
			submit_item(ctx, jt::exchange_data(leg_a, leg_b, expires), &[pa, pb]).await?;
		},
		C::Automatic { rule } => {
			let r = rule_from_json(&read_json(&rule)?)?;
			let (id, account, _) = jt::automatic(ctx.client().await?, r.clone()).await?;
			ctx.submit(jt::register_automatic(r)).await?;
			note(ctx, &format!("automatic account {} (rule {id:?})", addr(&account)));
		},
		C::Alloc { jtid: id, account } => {
			let item =
				jt::next_alloc(ctx.client().await?, jtid(&id)?, &parse_account(&account)?).await?;
			ctx.submit(jt::submit(item)).await?;
		},
		C::Quote { jtid: id, cod: amount } => {
			let q = jt::quote(ctx.client().await?, jtid(&id)?, parse_cod(&amount)?).await?;
			ctx.out.show(
				json!({"jt": q.jt.to_string(), "fee": q.fee.to_string(), "toDesk": q.to_desk.to_string()}),
				|| format!("{} tokens; fee {}, {} to the desk", q.jt, cod(q.fee), cod(q.to_desk)),
			);
		},
		C::Buy { jtid: id, cod: amount, min } => {
			let call = jt::buy(jtid(&id)?, parse_cod(&amount)?, parse_units(&min)?);
			ctx.submit(call).await?;
		},
		C::Sell { jtid: id, cod: amount } => {
			let id = jtid(&id)?;
			let (_, k) =
				jt::kind(ctx.client().await?, id).await?.ok_or_else(|| bad("no such kind"))?;
			let offer = k.desk.ok_or_else(|| bad("the kind's desk has no offer open"))?;
			ctx.submit(market::accept(offer, parse_cod(&amount)?, Vec::new())).await?;
		},
		C::Trustee { jtid: id, trustee } => {
			let trustee = trustee.map(|t| parse_account(&t)).transpose()?;
			ctx.submit(jt::appoint_trustee(jtid(&id)?, trustee.as_ref())).await?;
		},
		C::Prices { jtid: id, sell, buy, fee } => {
			let prices = Prices { sell: price(&sell)?, buy: price(&buy)?, fee: jt::percent(fee) };
			ctx.submit(jt::set_prices(jtid(&id)?, prices)).await?;
		},
		C::Declare { jtid: id, revoke } => {
			let id = jtid(&id)?;
			let call = if revoke { None } else { Some(jt::declare_ordinary(id)) };
			match call {
				Some(c) => drop(ctx.submit(c).await?),
				None => drop(ctx.submit(jt::revoke_ordinary(id)).await?),
			}
		},
		C::Tutor { jtid: id, mentor, amount } => {
			let call =
				jt::pay_tutoring(jtid(&id)?, &parse_account(&mentor)?, parse_units(&amount)?);
			ctx.submit(call).await?;
		},
		C::Presale(cmd) => presale(ctx, cmd).await?,
		C::Loan(cmd) => loan(ctx, cmd).await?,
	}
	Ok(())
}

async fn presale(ctx: &mut Ctx, cmd: PresaleCmd) -> Result<(), Error> {
	use PresaleCmd as P;
	match cmd {
		P::Open { jtid: id, price, units, goal, opens, closes, deliver_by, product } => {
			let terms = jt::PresaleTerms {
				price: parse_units(&price)?,
				units,
				goal,
				opens: input::expiry(ctx, &opens).await?,
				closes: input::expiry(ctx, &closes).await?,
				deliver_by: input::expiry(ctx, &deliver_by).await?,
				product: product.map(|p| parse_coin_id(&p)).transpose()?.unwrap_or_default(),
			};
			ctx.submit(jt::open_presale(jtid(&id)?, terms)).await?;
		},
		P::Preorder { presale, units } => drop(ctx.submit(jt::preorder(presale, units)).await?),
		P::Delivered { presale, buyer } => {
			ctx.submit(jt::mark_delivered(presale, &parse_account(&buyer)?)).await?;
		},
		P::Confirm { presale } => drop(ctx.submit(jt::confirm_delivery(presale)).await?),
		P::Settle { presale, buyer } => {
			ctx.submit(jt::settle_preorder(presale, &parse_account(&buyer)?)).await?;
		},
		P::Close { presale } => drop(ctx.submit(jt::close_presale(presale)).await?),
		P::Show { presale, buyer } => {
			let client = ctx.client().await?;
			let p = jt::presale(client, presale).await?.ok_or_else(|| bad("no such presale"))?;
			let order = match buyer {
				Some(b) => jt::preorder_of(client, presale, &parse_account(&b)?).await?,
				None => None,
			};
			let v = json!({
				"seller": addr(&p.seller), "price": p.price.to_string(), "units": p.units, "goal": p.goal,
				"sold": p.sold, "opens": p.opens, "closes": p.closes, "deliverBy": p.deliver_by,
				"escrowed": p.escrowed.to_string(), "openPreorders": p.open_preorders,
				"preorder": order.as_ref().map(|o| json!({"units": o.units, "paid": o.paid.to_string(), "markedDelivered": o.marked_delivered})),
			});
			ctx.out.show(v, || {
				format!(
					"presale {presale} by {}: {} of {} units sold at {} (goal {}), blocks {}..{}, deliver by {}; {} in escrow",
					addr(&p.seller), p.sold, p.units, p.price, p.goal, p.opens, p.closes, p.deliver_by, p.escrowed
				)
			});
		},
	}
	Ok(())
}

async fn loan(ctx: &mut Ctx, cmd: LoanCmd) -> Result<(), Error> {
	use LoanCmd as L;
	match cmd {
		L::Apply { jtid: id, amount, installments, every, interest } => {
			let call =
				jt::apply_loan(jtid(&id)?, parse_units(&amount)?, installments, every, interest);
			ctx.submit(call).await?;
		},
		L::Fund { loan, incubation } => drop(ctx.submit(jt::fund_loan(loan, incubation)).await?),
		L::Repay { loan, amount } => {
			drop(ctx.submit(jt::repay(loan, parse_units(&amount)?)).await?)
		},
		L::Cancel { loan } => drop(ctx.submit(jt::cancel_loan(loan)).await?),
		L::Show { loan } => {
			let l =
				jt::loan(ctx.client().await?, loan).await?.ok_or_else(|| bad("no such loan"))?;
			let v = json!({
				"borrower": addr(&l.borrower), "lender": l.lender.as_ref().map(addr),
				"amount": l.amount.to_string(), "total": l.total.to_string(), "paid": l.paid.to_string(),
				"arrears": l.arrears.to_string(), "installments": l.installments, "done": l.done,
				"missed": l.missed, "nextDue": l.next_due,
			});
			ctx.out.show(v, || {
				format!(
					"loan {loan}: {} of {} repaid, {} in arrears, {} of {} installments due so far ({} missed), next at {:?}",
					l.paid, l.total, l.arrears, l.done, l.installments, l.missed, l.next_due
				)
			});
		},
	}
	Ok(())
}
