//! `codchain key`.

use crate::{args::KeyCmd, password, Ctx};
use codchain_client::{Error, KeyFile, KeyType, Keypair};
use serde_json::json;

pub async fn run(ctx: &mut Ctx, cmd: KeyCmd) -> Result<(), Error> {
	match cmd {
		KeyCmd::Generate { scheme, out, name } => {
			let scheme: KeyType = scheme.parse()?;
			let (pair, phrase) = Keypair::generate(scheme);
			if let Some(path) = &out {
				if path.exists() {
					return Err(Error::Input(format!(
						"{} exists; not overwriting a key",
						path.display()
					)));
				}
				let pw = password("password for the new key file: ")?;
				let file = KeyFile::encrypt(&pair, &pw, &name)?;
				std::fs::write(path, file.to_json())
					.map_err(|e| Error::Input(format!("cannot write {}: {e}", path.display())))?;
			}
			ctx.out.show(
				json!({
					"scheme": scheme.name(),
					"mnemonic": phrase,
					"publicKey": format!("0x{}", hex::encode(pair.public())),
					"address": pair.address(),
					"keyFile": out.as_ref().map(|p| p.display().to_string()),
				}),
				|| {
					let mut s = format!(
						"scheme      {scheme}\nmnemonic    {phrase}\npublic key  0x{}\naddress     {}",
						hex::encode(pair.public()),
						pair.address()
					);
					if let Some(p) = &out {
						s.push_str(&format!("\nkey file    {}", p.display()));
					}
					s.push_str(
						"\nWrite the mnemonic down: it is the only way to restore this key.",
					);
					s
				},
			);
		},
		KeyCmd::Inspect { uri } => {
			let pair = match uri {
				Some(u) => Keypair::from_uri(&u, ctx.cli.key_type.parse()?)?,
				None => ctx.signer()?,
			};
			ctx.out.show(
				json!({
					"scheme": pair.key_type().name(),
					"publicKey": format!("0x{}", hex::encode(pair.public())),
					"accountId": format!("0x{}", hex::encode(pair.account_id().0)),
					"address": pair.address(),
				}),
				|| {
					format!(
						"scheme      {}\npublic key  0x{}\naccount id  0x{}\naddress     {}",
						pair.key_type(),
						hex::encode(pair.public()),
						hex::encode(pair.account_id().0),
						pair.address()
					)
				},
			);
		},
	}
	Ok(())
}
