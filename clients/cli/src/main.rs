//! `codchain`: the command-line wallet for Codchain.

mod account;
mod args;
mod car;
mod codcoin;
mod credit;
mod input;
mod jt;
mod key;
mod load;
mod market;
mod mimei;
mod org;
mod output;
mod timecoin;
mod trip;
mod upkeep;

use args::{Cli, Group};
use codchain_client::{
	subxt::transactions::Payload, Client, Error, KeyFile, KeyType, Keypair, Receipt, Wait,
};
use output::{Out, Spinner};

/// What every command gets: the parsed global options and, once needed, a connection.
pub struct Ctx {
	pub cli: Cli,
	pub out: Out,
	client: Option<Client>,
}

impl Ctx {
	pub async fn client(&mut self) -> Result<&Client, Error> {
		if self.client.is_none() {
			self.client = Some(Client::connect(&self.cli.url).await?);
		}
		Ok(self.client.as_ref().expect("connected above"))
	}

	/// The signing key from `--suri` or `--key-file`.
	pub fn signer(&self) -> Result<Keypair, Error> {
		let key_type: KeyType = self.cli.key_type.parse()?;
		if let Some(path) = &self.cli.key_file {
			let json = std::fs::read_to_string(path).map_err(|e| {
				Error::Input(format!("cannot read key file {}: {e}", path.display()))
			})?;
			let file = KeyFile::from_json(&json)?;
			let password = password(&format!("password for {}: ", path.display()))?;
			return Ok(file.decrypt(&password)?);
		}
		match &self.cli.suri {
			Some(suri) => Ok(Keypair::from_uri(suri, key_type)?),
			None => Err(Error::Input(
				"this command signs a transaction: give --suri (e.g. //Alice) or --key-file".into(),
			)),
		}
	}

	/// The account a query is about: the one given, else the signer's.
	pub fn account_or_signer(
		&self,
		who: Option<&str>,
	) -> Result<codchain_client::AccountId, Error> {
		match who {
			Some(w) => Ok(codchain_client::parse_account(w)?),
			None => Ok(self
				.signer()
				.map_err(|_| {
					Error::Input(
						"name an account, or give --suri/--key-file to mean your own".into(),
					)
				})?
				.account_id()),
		}
	}

	/// Sign `call`, dry-run it, submit it and wait as `--wait` says, showing progress; print the
	/// receipt.
	pub async fn submit<C: Payload>(&mut self, call: C) -> Result<Receipt, Error> {
		let signer = self.signer()?;
		self.submit_as(call, &signer).await
	}

	/// As [`Self::submit`], signed by `signer` rather than the wallet's own key (a device's
	/// pool address, an agent).
	pub async fn submit_as<C: Payload>(
		&mut self,
		call: C,
		signer: &Keypair,
	) -> Result<Receipt, Error> {
		let receipt = self.send(call, signer).await?;
		self.out.receipt(&receipt);
		Ok(receipt)
	}

	/// As [`Self::submit`] without printing the receipt: for a command that sends several
	/// transactions and prints one summary of them.
	pub async fn submit_quietly<C: Payload>(&mut self, call: C) -> Result<Receipt, Error> {
		let signer = self.signer()?;
		self.send(call, &signer).await
	}

	async fn send<C: Payload>(&mut self, call: C, signer: &Keypair) -> Result<Receipt, Error> {
		let wait = self.cli.wait;
		let out = self.out;
		let client = self.client().await?.clone();
		let spinner = Spinner::start(out);
		let result = client
			.submit(&call, signer, wait, |p| spinner.update(&p, wait == Wait::Finalized))
			.await;
		spinner.stop().await;
		result
	}
}

/// The key file password: `CODCHAIN_PASSWORD`, else asked on the terminal.
pub fn password(prompt: &str) -> Result<String, Error> {
	if let Ok(p) = std::env::var("CODCHAIN_PASSWORD") {
		return Ok(p);
	}
	rpassword::prompt_password(prompt).map_err(|e| {
		Error::Input(format!("no password (set CODCHAIN_PASSWORD or use a terminal): {e}"))
	})
}

#[tokio::main]
async fn main() {
	let cli = Cli::parse();
	let out = Out { json: cli.json };
	let group = cli.group.clone();
	let mut ctx = Ctx { cli, out, client: None };
	let result = match group {
		Group::Account(cmd) => account::run(&mut ctx, cmd).await,
		Group::Key(cmd) => key::run(&mut ctx, cmd).await,
		Group::Timecoin(cmd) => timecoin::run(&mut ctx, cmd).await,
		Group::Codcoin(cmd) => codcoin::run(&mut ctx, cmd).await,
		Group::Market(cmd) => market::run(&mut ctx, cmd).await,
		Group::Upkeep(cmd) => upkeep::run(&mut ctx, cmd).await,
		Group::Jt(cmd) => jt::run(&mut ctx, cmd).await,
		Group::Car(cmd) => car::run(&mut ctx, cmd).await,
		Group::Credit(cmd) => credit::run(&mut ctx, cmd).await,
		Group::Org(cmd) => org::run(&mut ctx, cmd).await,
		Group::Mimei(cmd) => mimei::run(&mut ctx, cmd).await,
		Group::Load(cmd) => load::run(&mut ctx, cmd).await,
	};
	if let Err(e) = result {
		out.error(&e);
		std::process::exit(1);
	}
}
