//! `codchain credit`: credit lines, IOUs, multi-hop payments and netting (Leither, SPEC §9.1).

use clap::{Args, Subcommand};
use codchain_client::{
	credit::{self as cr, Side},
	parse_account, AccountId, Error,
};
use serde_json::{json, Value};

use crate::{
	output::{addr, table},
	Ctx,
};

/// Which side of a line you are on.
#[derive(clap::ValueEnum, Clone, Copy)]
pub enum SideArg {
	/// You extend the credit (the lender).
	Grantor,
	/// You use it (the borrower).
	Grantee,
}

impl From<SideArg> for Side {
	fn from(s: SideArg) -> Self {
		match s {
			SideArg::Grantor => Side::Grantor,
			SideArg::Grantee => Side::Grantee,
		}
	}
}

/// A line's terms.
#[derive(Args, Clone)]
pub struct TermsArgs {
	/// The most the grantee may owe.
	#[arg(long)]
	pub limit: u128,
	/// A scheduled increase: this much more every `--every` blocks, up to `--cap`.
	#[arg(long, requires_all = ["every", "cap"])]
	pub step: Option<u128>,
	#[arg(long, requires = "step")]
	pub every: Option<u32>,
	#[arg(long, requires = "step")]
	pub cap: Option<u128>,
}

impl TermsArgs {
	fn terms(&self) -> cr::Terms<u32> {
		let inc = match (self.step, self.every, self.cap) {
			(Some(s), Some(e), Some(c)) => Some((s, e, c)),
			_ => None,
		};
		cr::terms(self.limit, inc)
	}
}

#[derive(Subcommand, Clone)]
pub enum CreditCmd {
	/// Propose a line with COUNTERPARTY in UNIT, you being on --side.
	Propose {
		counterparty: String,
		unit: String,
		#[arg(long, value_enum)]
		side: SideArg,
		#[command(flatten)]
		terms: TermsArgs,
		/// Act for this organisation (you are its admin).
		#[arg(long)]
		as_org: Option<u32>,
	},
	/// Accept COUNTERPARTY's proposal, with the same terms.
	Accept {
		counterparty: String,
		unit: String,
		#[arg(long, value_enum)]
		side: SideArg,
		#[command(flatten)]
		terms: TermsArgs,
		#[arg(long)]
		as_org: Option<u32>,
	},
	/// Withdraw your proposal.
	Withdraw {
		counterparty: String,
		unit: String,
		#[arg(long, value_enum)]
		side: SideArg,
		#[arg(long)]
		as_org: Option<u32>,
	},
	/// Reject a proposal made to you.
	Reject {
		counterparty: String,
		unit: String,
		#[arg(long, value_enum)]
		side: SideArg,
		#[arg(long)]
		as_org: Option<u32>,
	},
	/// As grantor, set new terms for your line to GRANTEE.
	SetTerms {
		grantee: String,
		unit: String,
		#[command(flatten)]
		terms: TermsArgs,
		#[arg(long)]
		as_org: Option<u32>,
	},
	/// As grantor, revoke your line to GRANTEE: no new debt, repayment continues.
	Revoke {
		grantee: String,
		unit: String,
		#[arg(long)]
		as_org: Option<u32>,
	},
	/// As grantee, give up a line you owe nothing on.
	Close {
		grantor: String,
		unit: String,
		#[arg(long)]
		as_org: Option<u32>,
	},
	/// Owe LENDER AMOUNT more on the line it granted you (an IOU you submit yourself).
	Borrow {
		lender: String,
		unit: String,
		amount: u128,
		#[arg(long)]
		as_org: Option<u32>,
	},
	/// Sign an IOU to LENDER offline; prints it for the lender to submit with `submit-iou`.
	SignIou { lender: String, unit: String, amount: u128 },
	/// Submit an IOU a borrower signed (the JSON `sign-iou` printed).
	SubmitIou { iou: String },
	/// As lender, record that BORROWER repaid AMOUNT.
	Repaid {
		borrower: String,
		unit: String,
		amount: u128,
		#[arg(long)]
		as_org: Option<u32>,
	},
	/// Pay AMOUNT to PAYEE along a route of lines (found by the chain unless --via is given).
	Pay {
		payee: String,
		unit: String,
		amount: u128,
		/// An intermediary, in order (repeat); the payee comes last by itself.
		#[arg(long = "via")]
		via: Vec<String>,
		#[arg(long)]
		as_org: Option<u32>,
	},
	/// Net debts `LENDER:BORROWER:AMOUNT` (repeat) that leave every position unchanged.
	Net {
		unit: String,
		#[arg(long = "debt", required = true)]
		debts: Vec<String>,
	},
	/// As an organisation's admin, set (or with --remove, drop) a role's sub-limit.
	RoleLimit {
		org: u32,
		unit: String,
		/// admin, member or guest.
		role: String,
		#[arg(long, required_unless_present = "remove")]
		limit: Option<u128>,
		#[arg(long)]
		remove: bool,
	},
	/// As a member, open your line from ORG in UNIT, limited by your role.
	OpenOrgLine { org: u32, unit: String },
	/// A line: limit now, debt, what is available.
	Line { grantor: String, grantee: String, unit: String },
	/// Lines of an account (yours by default) on a side.
	Lines {
		who: Option<String>,
		#[arg(long, value_enum, default_value = "grantee")]
		side: SideArg,
	},
	/// Proposals for lines where an account (yours by default) is on a side.
	Proposals {
		who: Option<String>,
		#[arg(long, value_enum, default_value = "grantee")]
		side: SideArg,
	},
	/// A route for paying AMOUNT from FROM to TO.
	Path { from: String, to: String, unit: String, amount: u128 },
}

fn line_json(l: &cr::Line) -> Value {
	json!({
		"id": l.line.id, "grantor": addr(&l.grantor), "grantee": addr(&l.grantee),
		"unit": cr::symbol(&l.unit), "limit": l.line.terms.limit.to_string(),
		"increase": l.line.terms.increase.as_ref().map(|i| json!({
			"step": i.step.to_string(), "every": i.every, "cap": i.cap.to_string(),
		})),
		"since": l.line.since, "debt": l.line.debt.to_string(), "revoked": l.line.revoked,
		"iouNonce": l.line.iou_nonce, "org": l.line.org,
		"limitNow": l.limit_now.to_string(), "available": l.available.to_string(),
	})
}

fn lines_text(list: &[cr::Line]) -> String {
	if list.is_empty() {
		return "no lines".into();
	}
	let mut t = table(&["grantor", "grantee", "unit", "limit now", "debt", "available", "state"]);
	for l in list {
		t.add_row(vec![
			addr(&l.grantor),
			addr(&l.grantee),
			cr::symbol(&l.unit),
			l.limit_now.to_string(),
			l.line.debt.to_string(),
			l.available.to_string(),
			if l.line.revoked { "revoked".into() } else { "open".into() },
		]);
	}
	t.to_string()
}

fn parse_debt(s: &str) -> Result<(AccountId, AccountId, u128), Error> {
	let parts: Vec<&str> = s.split(':').collect();
	let [lender, borrower, amount] = parts[..] else {
		return Err(Error::Input(format!("{s:?}: LENDER:BORROWER:AMOUNT")));
	};
	let amount =
		amount.parse().map_err(|_| Error::Input(format!("{amount:?} is not an amount")))?;
	Ok((parse_account(lender)?, parse_account(borrower)?, amount))
}

pub async fn run(ctx: &mut Ctx, cmd: CreditCmd) -> Result<(), Error> {
	use CreditCmd as C;
	match cmd {
		C::Propose { counterparty, unit, side, terms, as_org } => {
			let call = cr::propose_line(
				&parse_account(&counterparty)?,
				cr::unit(&unit)?,
				side.into(),
				terms.terms(),
				as_org,
			);
			drop(ctx.submit(call).await?)
		},
		C::Accept { counterparty, unit, side, terms, as_org } => {
			let call = cr::accept_line(
				&parse_account(&counterparty)?,
				cr::unit(&unit)?,
				side.into(),
				terms.terms(),
				as_org,
			);
			drop(ctx.submit(call).await?)
		},
		C::Withdraw { counterparty, unit, side, as_org } => {
			let call = cr::withdraw_proposal(
				&parse_account(&counterparty)?,
				cr::unit(&unit)?,
				side.into(),
				as_org,
			);
			drop(ctx.submit(call).await?)
		},
		C::Reject { counterparty, unit, side, as_org } => {
			let call = cr::reject_proposal(
				&parse_account(&counterparty)?,
				cr::unit(&unit)?,
				side.into(),
				as_org,
			);
			drop(ctx.submit(call).await?)
		},
		C::SetTerms { grantee, unit, terms, as_org } => {
			let call =
				cr::set_terms(&parse_account(&grantee)?, cr::unit(&unit)?, terms.terms(), as_org);
			drop(ctx.submit(call).await?)
		},
		C::Revoke { grantee, unit, as_org } => drop(
			ctx.submit(cr::revoke_line(&parse_account(&grantee)?, cr::unit(&unit)?, as_org))
				.await?,
		),
		C::Close { grantor, unit, as_org } => drop(
			ctx.submit(cr::close_line(&parse_account(&grantor)?, cr::unit(&unit)?, as_org)).await?,
		),
		C::Borrow { lender, unit, amount, as_org } => drop(
			ctx.submit(cr::issue_iou(&parse_account(&lender)?, cr::unit(&unit)?, amount, as_org))
				.await?,
		),
		C::SignIou { lender, unit, amount } => {
			let signer = ctx.signer()?;
			let (lender, unit) = (parse_account(&lender)?, cr::unit(&unit)?);
			let client = ctx.client().await?;
			let line =
				cr::line(client, &lender, &signer.account_id(), unit.clone()).await?.ok_or_else(
					|| Error::Input("no line from that lender to you in that unit".into()),
				)?;
			let (iou, sig) = cr::signed_iou(
				client.genesis(),
				&signer,
				lender,
				unit,
				line.line.id,
				amount,
				line.line.iou_nonce,
			);
			let v = json!({
				"lender": addr(&iou.lender), "borrower": addr(&iou.borrower),
				"unit": cr::symbol(&iou.unit), "line": iou.line, "amount": iou.amount.to_string(),
				"nonce": iou.nonce, "signature": cr::signature_hex(&sig),
			});
			let text = v.to_string();
			ctx.out.show(v, || text);
		},
		C::SubmitIou { iou } => {
			let v: Value =
				serde_json::from_str(&iou).map_err(|e| Error::Input(format!("the IOU: {e}")))?;
			let field = |k: &str| {
				v.get(k)
					.and_then(|x| x.as_str().map(String::from).or_else(|| Some(x.to_string())))
					.ok_or_else(|| Error::Input(format!("the IOU has no {k}")))
			};
			let num = |k: &str| -> Result<u128, Error> {
				field(k)?
					.parse()
					.map_err(|_| Error::Input(format!("the IOU's {k} is not a number")))
			};
			let sig = cr::signature_from_hex(&field("signature")?)?;
			let iou = cr::Iou {
				lender: parse_account(&field("lender")?)?,
				borrower: parse_account(&field("borrower")?)?,
				unit: cr::unit(&field("unit")?)?,
				line: num("line")? as u64,
				amount: num("amount")?,
				nonce: num("nonce")? as u64,
			};
			drop(ctx.submit(cr::submit_iou(iou, sig)).await?)
		},
		C::Repaid { borrower, unit, amount, as_org } => drop(
			ctx.submit(cr::accept_repayment(
				&parse_account(&borrower)?,
				cr::unit(&unit)?,
				amount,
				as_org,
			))
			.await?,
		),
		C::Pay { payee, unit, amount, via, as_org } => {
			let (payee, unit) = (parse_account(&payee)?, cr::unit(&unit)?);
			let route = if via.is_empty() {
				let payer = match as_org {
					Some(org) => {
						codchain_client::orgs::org(ctx.client().await?, org)
							.await?
							.ok_or_else(|| Error::Input(format!("no organisation {org}")))?
							.account
					},
					None => ctx.signer()?.account_id(),
				};
				cr::find_path(ctx.client().await?, &payer, &payee, unit.clone(), amount)
					.await?
					.ok_or_else(|| Error::Input("no route with enough capacity".into()))?
			} else {
				let mut r = via.iter().map(|a| parse_account(a)).collect::<Result<Vec<_>, _>>()?;
				r.push(payee);
				r
			};
			drop(ctx.submit(cr::pay(route, unit, amount, as_org)).await?)
		},
		C::Net { unit, debts } => {
			let edges = debts.iter().map(|d| parse_debt(d)).collect::<Result<Vec<_>, _>>()?;
			drop(ctx.submit(cr::net(cr::unit(&unit)?, edges)).await?)
		},
		C::RoleLimit { org, unit, role, limit, remove } => {
			let role = match role.as_str() {
				"admin" => cr::Role::Admin,
				"member" => cr::Role::Member,
				"guest" => cr::Role::Guest,
				r => return Err(Error::Input(format!("{r:?}: admin, member or guest"))),
			};
			let limit = if remove { None } else { limit };
			drop(ctx.submit(cr::set_role_limit(org, cr::unit(&unit)?, role, limit)).await?)
		},
		C::OpenOrgLine { org, unit } => {
			drop(ctx.submit(cr::open_org_line(org, cr::unit(&unit)?)).await?)
		},
		C::Line { grantor, grantee, unit } => {
			let l = cr::line(
				ctx.client().await?,
				&parse_account(&grantor)?,
				&parse_account(&grantee)?,
				cr::unit(&unit)?,
			)
			.await?
			.ok_or_else(|| Error::Input("no such line".into()))?;
			let list = vec![l];
			ctx.out.show(line_json(&list[0]), || lines_text(&list));
		},
		C::Lines { who, side } => {
			let who = ctx.account_or_signer(who.as_deref())?;
			let list = cr::lines_of(ctx.client().await?, &who, side.into()).await?;
			ctx.out
				.show(json!(list.iter().map(line_json).collect::<Vec<_>>()), || lines_text(&list));
		},
		C::Proposals { who, side } => {
			let who = ctx.account_or_signer(who.as_deref())?;
			let list = cr::proposals_of(ctx.client().await?, &who, side.into()).await?;
			let as_json = |p: &cr::Proposal| {
				json!({
					"proposer": addr(&p.proposer), "side": format!("{:?}", p.side).to_lowercase(),
					"recipient": addr(&p.recipient), "unit": cr::symbol(&p.unit),
					"limit": p.proposal.terms.limit.to_string(), "at": p.proposal.at,
				})
			};
			ctx.out.show(json!(list.iter().map(as_json).collect::<Vec<_>>()), || {
				if list.is_empty() {
					return "no proposals".into();
				}
				let mut t = table(&["proposer", "as", "to", "unit", "limit"]);
				for p in &list {
					t.add_row(vec![
						addr(&p.proposer),
						format!("{:?}", p.side).to_lowercase(),
						addr(&p.recipient),
						cr::symbol(&p.unit),
						p.proposal.terms.limit.to_string(),
					]);
				}
				t.to_string()
			});
		},
		C::Path { from, to, unit, amount } => {
			let route = cr::find_path(
				ctx.client().await?,
				&parse_account(&from)?,
				&parse_account(&to)?,
				cr::unit(&unit)?,
				amount,
			)
			.await?;
			match route {
				None => ctx.out.show(Value::Null, || "no route with enough capacity".into()),
				Some(r) => ctx.out.show(json!(r.iter().map(addr).collect::<Vec<_>>()), || {
					r.iter().map(addr).collect::<Vec<_>>().join(" -> ")
				}),
			}
		},
	}
	Ok(())
}
