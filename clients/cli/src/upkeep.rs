//! `codchain upkeep`.

use crate::{
	args::UpkeepCmd,
	input,
	output::{addr, block, cod, table},
	Ctx,
};
use codchain_client::{
	amount::parse_cod,
	parse_account,
	upkeep::{self as up, NewContract},
	AccountId, Error,
};
use serde_json::{json, Value};

fn accounts(list: &[String]) -> Result<Vec<AccountId>, Error> {
	list.iter().map(|a| Ok(parse_account(a)?)).collect()
}

fn percent(perbill: u32) -> String {
	format!("{}%", perbill as f64 / 10_000_000.0)
}

fn contract_json(c: &up::Contract) -> Value {
	json!({
		"id": c.id, "owner": addr(&c.owner),
		"price": c.terms.price.to_string(), "period": c.terms.period, "window": c.terms.window,
		"tolerance": c.terms.tolerance.to_string(),
		"providerShare": c.terms.split.provider.0, "leaderBonus": c.terms.split.leader_bonus.0,
		"keepers": c.keepers.iter().map(addr).collect::<Vec<_>>(),
		"providers": c.providers.iter().map(addr).collect::<Vec<_>>(),
		"pendingKeepers": c.pending_keepers.as_ref().map(|v| v.iter().map(addr).collect::<Vec<_>>()),
		"pendingProviders": c.pending_providers.as_ref().map(|v| v.iter().map(addr).collect::<Vec<_>>()),
		"pendingFrom": c.pending_from,
		"escrow": c.escrow.to_string(), "deposit": c.deposit.to_string(),
		"started": c.started, "closed": c.closed, "payments": c.payments,
	})
}

fn contract_text(c: &up::Contract, best: u64) -> String {
	let mut s = format!(
		"contract {} of {}\n  price        {} per byte-block\n  period       {} blocks, leader window {} blocks\n  split        provider {}, leader bonus {}, tolerance {}\n  escrow       {}\n  deposit      {}\n  started      {}\n",
		c.id,
		addr(&c.owner),
		cod(c.terms.price),
		c.terms.period,
		c.terms.window,
		percent(c.terms.split.provider.0),
		percent(c.terms.split.leader_bonus.0),
		c.terms.tolerance,
		cod(c.escrow),
		cod(c.deposit),
		block(best, c.started),
	);
	if let Some(closed) = c.closed {
		s += &format!("  closed       {}\n", block(best, closed));
	}
	s += &format!("  payments     {}\n  keepers\n", c.payments);
	for k in &c.keepers {
		s += &format!("    {}\n", addr(k));
	}
	s += "  providers\n";
	for p in &c.providers {
		s += &format!("    {}\n", addr(p));
	}
	if let (Some(from), Some(k), Some(p)) =
		(c.pending_from, &c.pending_keepers, &c.pending_providers)
	{
		s += &format!("  from block #{from}: {} keepers, {} providers\n", k.len(), p.len());
	}
	s.trim_end().to_string()
}

pub async fn run(ctx: &mut Ctx, cmd: UpkeepCmd) -> Result<(), Error> {
	use UpkeepCmd as C;
	match cmd {
		C::Create {
			keepers,
			providers,
			price,
			period,
			window,
			escrow,
			tolerance,
			provider_share,
			leader_bonus,
		} => {
			let split = provider_share.map(|p| up::split(p, leader_bonus.unwrap_or(0)));
			let c = NewContract {
				keepers: accounts(&keepers)?,
				providers: accounts(&providers)?,
				price: parse_cod(&price)?,
				period,
				window,
				escrow: parse_cod(&escrow)?,
				tolerance,
				split,
			};
			ctx.submit(up::create(c)).await?;
		},
		C::TopUp { contract, amount } => {
			drop(ctx.submit(up::top_up(contract, parse_cod(&amount)?)).await?)
		},
		C::ChangeMembers { contract, keepers, providers } => {
			let (k, p) = (accounts(&keepers)?, accounts(&providers)?);
			ctx.submit(up::change_members(contract, k, p)).await?;
		},
		C::Close { contract } => drop(ctx.submit(up::close(contract)).await?),
		C::Finish { contract } => drop(ctx.submit(up::finish(contract)).await?),
		C::Maintenance { contract, start, end } => {
			let (start, end) = (input::expiry(ctx, &start).await?, input::expiry(ctx, &end).await?);
			ctx.submit(up::declare_maintenance(contract, start, end)).await?;
		},
		C::Contract { contract } => {
			let client = ctx.client().await?;
			let c = up::contract(client, contract)
				.await?
				.ok_or_else(|| Error::Input(format!("no contract {contract}")))?;
			let best = client.best().await?.block_number();
			ctx.out.show(contract_json(&c), || contract_text(&c, best));
		},
		C::Contracts { owner } => {
			let owner = ctx.account_or_signer(owner.as_deref())?;
			let list = up::contracts_of(ctx.client().await?, &owner).await?;
			ctx.out.show(json!(list.iter().map(contract_json).collect::<Vec<_>>()), || {
				if list.is_empty() {
					return "no contracts".into();
				}
				let mut t = table(&["id", "keepers", "providers", "escrow", "payments", "closed"]);
				for c in &list {
					t.add_row(vec![
						c.id.to_string(),
						c.keepers.len().to_string(),
						c.providers.len().to_string(),
						cod(c.escrow),
						c.payments.to_string(),
						c.closed.map(|b| format!("#{b}")).unwrap_or_else(|| "open".into()),
					]);
				}
				t.to_string()
			});
		},
		C::Providers { contract } => {
			let list = up::providers(ctx.client().await?, contract).await?;
			let as_json = |p: &up::Provider| {
				json!({
					"provider": addr(&p.provider), "paidUntil": p.paid_until, "lastPaidAt": p.last_paid_at,
					"lastPayer": p.last_payer.as_ref().map(addr),
					"lastDigest": p.last_digest.map(|d| format!("{d:?}")),
					"lastFailed": p.last_failed.iter().map(addr).collect::<Vec<_>>(),
					"maintenance": p.maintenance,
				})
			};
			ctx.out.show(json!(list.iter().map(as_json).collect::<Vec<_>>()), || {
				let mut t =
					table(&["provider", "paid until", "last paid at", "last payer", "failed"]);
				for p in &list {
					t.add_row(vec![
						addr(&p.provider),
						format!("#{}", p.paid_until),
						format!("#{}", p.last_paid_at),
						p.last_payer.as_ref().map(addr).unwrap_or_else(|| "-".into()),
						p.last_failed.len().to_string(),
					]);
				}
				t.to_string()
			});
		},
		C::Leader { contract, provider, at } => {
			let client = ctx.client().await?;
			let l = up::leader(client, contract, &parse_account(&provider)?, at).await?;
			let best = client.best().await?.block_number();
			match l {
				None => ctx.out.show(Value::Null, || {
					"nobody yet: the provider's period has not elapsed".into()
				}),
				Some(l) => ctx.out.show(
					json!({
						"keeper": addr(&l.keeper), "position": l.position, "windowStart": l.window_start,
						"windowEnd": l.window_end, "cycle": l.cycle,
						"failed": l.failed.iter().map(addr).collect::<Vec<_>>(),
					}),
					|| {
						format!(
							"{} (position {}) may pay until {}; failed if it pays now: {}",
							addr(&l.keeper),
							l.position,
							block(best, l.window_end),
							l.failed.len()
						)
					},
				),
			}
		},
		C::Windows { contract, provider } => {
			let client = ctx.client().await?;
			let list = up::windows(client, contract, &parse_account(&provider)?).await?;
			let best = client.best().await?.block_number();
			ctx.out.show(
				json!(list
					.iter()
					.map(|w| json!({ "keeper": addr(&w.keeper), "start": w.start, "end": w.end }))
					.collect::<Vec<_>>()),
				|| {
					let mut t = table(&["#", "keeper", "from", "until"]);
					for (i, w) in list.iter().enumerate() {
						t.add_row(vec![
							(i + 1).to_string(),
							addr(&w.keeper),
							block(best, w.start),
							block(best, w.end),
						]);
					}
					t.to_string()
				},
			);
		},
		C::Payments { contract } => {
			let list = up::payments(ctx.client().await?, contract).await?;
			let as_json = |p: &up::Payment| {
				json!({
					"seq": p.seq, "provider": addr(&p.provider), "ts": p.ts, "te": p.te,
					"st": p.st.to_string(), "paid": p.paid.to_string(), "toProvider": p.to_provider.to_string(),
					"toEachKeeper": p.to_each_keeper.to_string(), "keepersPaid": p.keepers_paid,
					"bonus": p.bonus.to_string(), "payer": addr(&p.payer), "paidAt": p.paid_at,
					"digest": format!("{:?}", p.digest), "capped": p.capped,
				})
			};
			ctx.out.show(json!(list.iter().map(as_json).collect::<Vec<_>>()), || {
				if list.is_empty() {
					return "no payments".into();
				}
				let mut t =
					table(&["#", "provider", "period", "st", "paid", "payer", "keepers paid"]);
				for p in &list {
					t.add_row(vec![
						p.seq.to_string(),
						addr(&p.provider),
						format!("[{}, {})", p.ts, p.te),
						p.st.to_string(),
						cod(p.paid),
						addr(&p.payer),
						p.keepers_paid.to_string(),
					]);
				}
				t.to_string()
			});
		},
	}
	Ok(())
}
