//! `codchain account`.

use crate::{args::AccountCmd, output::cod, Ctx};
use codchain_client::{account, amount::parse_cod, parse_account, to_ss58, Error};
use serde_json::json;

pub async fn run(ctx: &mut Ctx, cmd: AccountCmd) -> Result<(), Error> {
	match cmd {
		AccountCmd::Balance { who } => {
			let who = ctx.account_or_signer(who.as_deref())?;
			let b = ctx.client().await?.account(&who).await?;
			ctx.out.show(
				json!({
					"address": to_ss58(&who),
					"free": b.free.to_string(),
					"reserved": b.reserved.to_string(),
					"frozen": b.frozen.to_string(),
					"transferable": b.transferable().to_string(),
					"nonce": b.nonce,
				}),
				|| {
					format!(
						"{}\n  free          {}\n  transferable  {}\n  reserved      {}\n  frozen        {}",
						to_ss58(&who),
						cod(b.free),
						cod(b.transferable()),
						cod(b.reserved),
						cod(b.frozen)
					)
				},
			);
		},
		AccountCmd::Transfer { to, amount, allow_death } => {
			let to = parse_account(&to)?;
			let amount = parse_cod(&amount)?;
			if allow_death {
				ctx.submit(account::transfer_allow_death(&to, amount)).await?;
			} else {
				ctx.submit(account::transfer(&to, amount)).await?;
			}
		},
	}
	Ok(())
}
