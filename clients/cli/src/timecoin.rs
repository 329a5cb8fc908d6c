//! `codchain timecoin`.

use crate::{
	args::{CoinArgs, TimecoinCmd},
	input,
	output::{addr, date, table},
	Ctx,
};
use codchain_client::{
	amount::{format_seconds, parse_seconds},
	parse_account, parse_coin_id,
	timecoin::{self as tc, AppointmentStatus, ExerciseOutcome},
	AccountId, Error, H256,
};
use serde_json::json;

/// The coins to spend: those named (checked to be the signer's), else the wallet's choice.
async fn inputs(
	ctx: &mut Ctx,
	coins: &CoinArgs,
	issuer: &AccountId,
	amount: u64,
) -> Result<Vec<H256>, Error> {
	let holder = ctx.signer()?.account_id();
	let named = input::coin_ids(&coins.coins)?;
	let client = ctx.client().await?;
	if named.is_empty() {
		tc::select_coins(client, &holder, issuer, amount).await
	} else {
		tc::check_coins(client, &holder, &named).await?;
		Ok(named)
	}
}

fn coins_json(coins: &[tc::CoinInfoOf]) -> serde_json::Value {
	json!(coins
		.iter()
		.map(|c| json!({
			"id": format!("{:?}", c.id),
			"issuer": addr(&c.issuer),
			"holder": addr(&c.holder),
			"seconds": c.amount,
			"pourId": c.pour_id,
		}))
		.collect::<Vec<_>>())
}

fn coins_table(coins: &[tc::CoinInfoOf]) -> String {
	if coins.is_empty() {
		return "no coins".into();
	}
	let mut t = table(&["coin", "issuer", "holder", "seconds", "time"]);
	for c in coins {
		t.add_row(vec![
			format!("{:?}", c.id),
			addr(&c.issuer),
			addr(&c.holder),
			c.amount.to_string(),
			format_seconds(c.amount),
		]);
	}
	t.to_string()
}

fn status(s: &AppointmentStatus) -> String {
	match s {
		AppointmentStatus::Booked { holder_confirmed, issuer_confirmed } => {
			match (holder_confirmed, issuer_confirmed) {
				(false, false) => "booked".into(),
				(true, false) => "confirmed by holder".into(),
				(false, true) => "confirmed by issuer".into(),
				(true, true) => "confirmed".into(),
			}
		},
		AppointmentStatus::NoShowReported { at } => format!("no-show reported at {}", date(*at)),
	}
}

fn outcome(o: &ExerciseOutcome) -> &'static str {
	match o {
		ExerciseOutcome::Settled => "kept",
		ExerciseOutcome::Cancelled => "cancelled",
		ExerciseOutcome::NoShow => "no-show",
		ExerciseOutcome::Disputed => "disputed",
	}
}

pub async fn run(ctx: &mut Ctx, cmd: TimecoinCmd) -> Result<(), Error> {
	use TimecoinCmd as C;
	match cmd {
		C::DeclareCapacity { capacity } => {
			ctx.submit(tc::declare_capacity(parse_seconds(&capacity)?)).await?;
		},
		C::Issue { outputs } => {
			let outs = input::outputs(&outputs, |s| Ok(parse_seconds(s)?))?;
			ctx.submit(tc::issue(&outs)).await?;
		},
		C::Transfer { issuer, to, amount, coins } => {
			let (issuer, to, amount) =
				(parse_account(&issuer)?, parse_account(&to)?, parse_seconds(&amount)?);
			let inputs = inputs(ctx, &coins, &issuer, amount).await?;
			ctx.submit(tc::transfer(inputs, &to, amount)).await?;
		},
		C::Exercise { issuer, begin, end, coins } => {
			let (issuer, begin, end) =
				(parse_account(&issuer)?, input::time(&begin)?, input::time(&end)?);
			if end <= begin {
				return Err(Error::Input("the appointment must end after it begins".into()));
			}
			let inputs = inputs(ctx, &coins, &issuer, end - begin).await?;
			ctx.submit(tc::exercise(inputs, begin, end)).await?;
		},
		C::Pour { issuer, inputs, outputs, time, book } => {
			let issuer = parse_account(&issuer)?;
			let inputs = input::coin_ids(&inputs)?;
			let outs = input::outputs(&outputs, |s| Ok(parse_seconds(s)?))?;
			let interval = match book {
				Some(v) => Some((input::time(&v[0])?, input::time(&v[1])?)),
				None => None,
			};
			ctx.submit(tc::pour(&issuer, inputs, &outs, parse_seconds(&time)?, interval)).await?;
		},
		C::Cancel { id } => drop(ctx.submit(tc::cancel_appointment(id)).await?),
		C::Confirm { id } => drop(ctx.submit(tc::confirm(id)).await?),
		C::ReportNoShow { id } => drop(ctx.submit(tc::report_no_show(id)).await?),
		C::AnswerNoShow { id } => drop(ctx.submit(tc::answer_no_show(id)).await?),
		C::Settle { id } => drop(ctx.submit(tc::settle(id)).await?),
		C::Retire => drop(ctx.submit(tc::retire()).await?),
		C::Merge { issuer } => {
			let (issuer, holder) = (parse_account(&issuer)?, ctx.signer()?.account_id());
			let mut blocks = Vec::new();
			while let Some(call) = tc::next_merge(ctx.client().await?, &holder, &issuer).await? {
				blocks.push(ctx.submit_quietly(call).await?.block_number);
			}
			let left = tc::coins_of(ctx.client().await?, &holder).await?;
			let left = left.iter().filter(|c| c.issuer == issuer).count();
			crate::output::merged(ctx.out, &blocks, left);
		},
		C::Coins { holder } => {
			let holder = ctx.account_or_signer(holder.as_deref())?;
			let coins = tc::coins_of(ctx.client().await?, &holder).await?;
			ctx.out.show(coins_json(&coins), || coins_table(&coins));
		},
		C::IssuerCoins { issuer } => {
			let coins = tc::coins_of_issuer(ctx.client().await?, &parse_account(&issuer)?).await?;
			ctx.out.show(coins_json(&coins), || coins_table(&coins));
		},
		C::Holdings { holder } => {
			let holder = ctx.account_or_signer(holder.as_deref())?;
			let h = tc::holdings(ctx.client().await?, &holder).await?;
			ctx.out.show(
				json!(h
					.iter()
					.map(|h| json!({ "issuer": addr(&h.issuer), "seconds": h.balance }))
					.collect::<Vec<_>>()),
				|| {
					let mut t = table(&["issuer", "seconds", "time"]);
					for h in &h {
						t.add_row(vec![
							addr(&h.issuer),
							h.balance.to_string(),
							format_seconds(h.balance),
						]);
					}
					t.to_string()
				},
			);
		},
		C::Coin { id } => {
			let id = parse_coin_id(&id)?;
			let coin = tc::coin(ctx.client().await?, id).await?;
			let coin = coin.ok_or_else(|| {
				Error::Input(format!("unknown coin {id:?}: no live coin has this id"))
			})?;
			let coins = [coin];
			ctx.out.show(coins_json(&coins)[0].clone(), || coins_table(&coins));
		},
		C::Issuer { issuer } => {
			let who = ctx.account_or_signer(issuer.as_deref())?;
			let s = tc::issuer(ctx.client().await?, &who).await?;
			ctx.out.show(
				json!({
					"issuer": addr(&who), "capacity": s.capacity, "outstanding": s.outstanding,
					"noShows": s.no_shows, "disputes": s.disputes, "appointments": s.appointments,
				}),
				|| {
					format!(
						"{}\n  capacity      {} ({})\n  outstanding   {} ({})\n  appointments  {}\n  no-shows      {}\n  disputes      {}",
						addr(&who), s.capacity, format_seconds(s.capacity), s.outstanding,
						format_seconds(s.outstanding), s.appointments, s.no_shows, s.disputes
					)
				},
			);
		},
		C::Appointments { issuer, from, to } => {
			let from = from.map(|f| input::time(&f)).transpose()?.unwrap_or(0);
			let to = to.map(|t| input::time(&t)).transpose()?.unwrap_or(u64::MAX);
			let list =
				tc::appointments(ctx.client().await?, &parse_account(&issuer)?, from, to).await?;
			ctx.out.show(
				json!(list
					.iter()
					.map(|a| json!({
						"id": a.id, "issuer": addr(&a.issuer), "holder": addr(&a.holder),
						"begin": a.begin, "end": a.end, "status": status(&a.status),
					}))
					.collect::<Vec<_>>()),
				|| {
					let mut t = table(&["id", "holder", "begin", "end", "status"]);
					for a in &list {
						t.add_row(vec![
							a.id.to_string(),
							addr(&a.holder),
							date(a.begin),
							date(a.end),
							status(&a.status),
						]);
					}
					t.to_string()
				},
			);
		},
		C::History { issuer } => {
			let list = tc::history(ctx.client().await?, &parse_account(&issuer)?).await?;
			ctx.out.show(
				json!(list
					.iter()
					.map(|r| json!({
						"id": r.id, "holder": addr(&r.holder), "begin": r.begin, "end": r.end,
						"outcome": outcome(&r.outcome), "closed": r.closed,
					}))
					.collect::<Vec<_>>()),
				|| {
					let mut t = table(&["id", "holder", "begin", "end", "outcome"]);
					for r in &list {
						t.add_row(vec![
							r.id.to_string(),
							addr(&r.holder),
							date(r.begin),
							date(r.end),
							outcome(&r.outcome).into(),
						]);
					}
					t.to_string()
				},
			);
		},
	}
	Ok(())
}
