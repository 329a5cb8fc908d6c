//! The kinds of transaction a load run can send, what each needs set up first, and their
//! signing.

use super::{accounts, Log, Plan};
use crate::{address, runtime, At, Client, Config, Error, Keypair, H256};
use subxt::{config::SubstrateExtrinsicParamsBuilder, transactions::Payload};

/// Blocks a pre-signed load transaction stays valid: long enough for any run (25 minutes at
/// 6-second blocks), short enough that a leftover transaction dies.
const LOAD_MORTALITY: u64 = 256;

/// Planck each transfer moves: far above nothing, far below any account's funding.
const TRANSFER_AMOUNT: u128 = 1_000_000;

/// What one transaction may cost its signer at most, fee included (a balance transfer costs
/// about 0.02 COD; the fee multiplier rises slowly under load).
const FEE_ALLOWANCE: u128 = crate::amount::COD / 10;

/// Seconds (timecoin) or units (codcoin) in each coin the setup issues; each load transaction
/// spends one coin and moves one of them.
const COIN_AMOUNT: u128 = 100;

/// The kinds of transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
	/// `Balances::transfer_keep_alive` to the next load account.
	Transfer,
	/// `Timecoin::transfer` of one second, one input coin, to the next load account (change
	/// back): each account issues its own time coins during setup.
	Timecoin,
	/// `Codcoin::pay` of one unit, one input coin, to the next load account (change back): each
	/// account declares a claim and issues its own coin during setup.
	Codcoin,
}

impl Kind {
	pub const ALL: [Kind; 3] = [Kind::Transfer, Kind::Timecoin, Kind::Codcoin];

	pub fn name(self) -> &'static str {
		match self {
			Kind::Transfer => "transfer",
			Kind::Timecoin => "timecoin",
			Kind::Codcoin => "codcoin",
		}
	}

	pub fn parse(name: &str) -> Result<Self, Error> {
		Self::ALL.into_iter().find(|k| k.name() == name).ok_or_else(|| {
			let names: Vec<_> = Self::ALL.iter().map(|k| k.name()).collect();
			Error::Input(format!("unknown load kind {name:?}: one of {}", names.join(", ")))
		})
	}

	/// The COD each account needs to sign `per_account` transactions of this kind.
	pub fn funding(self, per_account: u32) -> u128 {
		let per_tx = match self {
			Kind::Transfer => TRANSFER_AMOUNT + FEE_ALLOWANCE,
			// Each transfer or payment creates a coin for the receiver, whose deposit the
			// signer holds until the coin is spent; the setup's issues hold one per coin too.
			Kind::Timecoin | Kind::Codcoin => crate::amount::COD / 2 + FEE_ALLOWANCE,
		};
		10 * crate::amount::COD + per_tx * u128::from(per_account)
	}
}

/// One signed transaction and its hash (how blocks are searched for it).
pub struct Signed {
	pub hash: [u8; 32],
	pub bytes: Vec<u8>,
}

impl Signed {
	/// Hands the transaction to the node's pool (`author_submitExtrinsic`), without following it.
	pub async fn submit(&self, client: &Client) -> Result<(), Error> {
		let hex = format!("0x{}", hex::encode(&self.bytes));
		client
			.request::<H256>("author_submitExtrinsic", subxt::rpcs::rpc_params![hex])
			.await
			.map(|_| ())
	}
}

/// A kind's state once set up.
pub struct Workload {
	kind: Kind,
	/// For the coin kinds: each account's own coins, one per transaction it will sign.
	coins: Vec<Vec<H256>>,
}

impl Workload {
	pub async fn setup(
		client: &Client,
		_funder: &Keypair,
		keys: &[Keypair],
		plan: &Plan,
		log: Log<'_>,
	) -> Result<Self, Error> {
		let kind = plan.kind;
		if kind == Kind::Transfer {
			return Ok(Self { kind, coins: Vec::new() });
		}
		let per_account = plan.per_account() as usize;
		let have = own_coins(client, kind, keys).await?;
		let issues: Vec<usize> = have
			.iter()
			.map(|c| per_account.saturating_sub(c.len()).div_ceil(MAX_OUTPUTS))
			.collect();
		if issues.iter().any(|n| *n > 0) {
			log(&format!(
				"issuing {} coins in {} {} transactions",
				issues.iter().sum::<usize>() * MAX_OUTPUTS,
				issues.iter().sum::<usize>(),
				kind.name()
			));
			let at = client.best().await?;
			let era = era(&at).await?;
			let nonces = accounts::nonces(client, keys).await?;
			let mut txs = Vec::new();
			let mut last_nonce = Vec::new();
			for (i, key) in keys.iter().enumerate() {
				let me = key.account_id();
				let outs = vec![(me, COIN_AMOUNT); MAX_OUTPUTS];
				let mut nonce = nonces[i];
				if issues[i] == 0 {
					continue;
				}
				// What the issues need besides what the account's earlier runs left outstanding.
				let needed = COIN_AMOUNT * (issues[i] * MAX_OUTPUTS) as u128;
				if kind == Kind::Codcoin {
					let summary = crate::codcoin::issuer(client, &me).await?;
					if summary.cap < summary.supply.saturating_add(needed) {
						// One generous claim, so later runs rarely need another (an issuer may
						// hold 16).
						let claim = crate::codcoin::declare_claim(
							crate::codcoin::ClaimKind::Stock { units: 1_000_000 },
							needed.max(CLAIM_VALUE),
							u32::MAX,
							None,
						);
						txs.push(sign(&at, &claim, key, nonce, era)?);
						nonce += 1;
					}
				}
				if kind == Kind::Timecoin {
					let summary = crate::timecoin::issuer(client, &me).await?;
					let wanted = summary.outstanding.saturating_add(needed as u64);
					if summary.capacity < wanted {
						let declare = crate::timecoin::declare_capacity(wanted.max(CAPACITY));
						txs.push(sign(&at, &declare, key, nonce, era)?);
						nonce += 1;
					}
				}
				for _ in 0..issues[i] {
					let signed = match kind {
						Kind::Timecoin => {
							let outs: Vec<_> = outs.iter().map(|(a, n)| (*a, *n as u64)).collect();
							sign(&at, &crate::timecoin::issue(&outs), key, nonce, era)?
						},
						_ => sign(&at, &crate::codcoin::issue(&outs), key, nonce, era)?,
					};
					txs.push(signed);
					nonce += 1;
				}
				last_nonce.push((me, nonce));
			}
			submit_and_wait(client, txs, &last_nonce).await?;
		}
		let coins = own_coins(client, kind, keys).await?;
		for (i, c) in coins.iter().enumerate() {
			if c.len() < per_account {
				return Err(Error::Client(format!(
					"load account {i} holds {} of the {per_account} coins it needs after setup",
					c.len()
				)));
			}
		}
		Ok(Self { kind, coins })
	}

	/// Every account's transactions, in nonce order, signed against the best block.
	pub async fn sign_all(
		&mut self,
		client: &Client,
		keys: &[Keypair],
		plan: &Plan,
		_log: Log<'_>,
	) -> Result<Vec<Vec<Signed>>, Error> {
		let nonces = accounts::nonces(client, keys).await?;
		let at = client.best().await?;
		let era = era(&at).await?;
		let per_account = plan.per_account();
		let ids: Vec<_> = keys.iter().map(Keypair::account_id).collect();
		let mut left = plan.count;
		let mut all = Vec::with_capacity(keys.len());
		for (i, key) in keys.iter().enumerate() {
			let n = per_account.min(left);
			left -= n;
			let mut txs = Vec::with_capacity(n as usize);
			for j in 0..u64::from(n) {
				let nonce = nonces[i] + j;
				let to = &ids[(i + 1) % ids.len()];
				let signed = match self.kind {
					Kind::Transfer => {
						let call = runtime::tx()
							.balances()
							.transfer_keep_alive(address(to), TRANSFER_AMOUNT);
						sign(&at, &call, key, nonce, era)?
					},
					Kind::Timecoin => {
						let coin = self.coins[i][j as usize];
						sign(&at, &crate::timecoin::transfer(vec![coin], to, 1), key, nonce, era)?
					},
					Kind::Codcoin => {
						let coin = self.coins[i][j as usize];
						sign(&at, &crate::codcoin::pay(vec![coin], to, 1), key, nonce, era)?
					},
				};
				txs.push(signed);
			}
			all.push(txs);
		}
		Ok(all)
	}
}

/// The codcoin claim and timecoin capacity a load account declares: enough for many runs.
const CLAIM_VALUE: u128 = 1_000_000_000;
const CAPACITY: u64 = 1_000_000_000;

/// Outputs of one issue: the pallets' `MaxOutputs`.
const MAX_OUTPUTS: usize = 16;

/// How long the setup's transactions may take to land.
const SETUP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(180);

/// Each account's coins of its own issue holding exactly `COIN_AMOUNT` (coins a previous run
/// left as change or received are not used: their amounts differ).
async fn own_coins(client: &Client, kind: Kind, keys: &[Keypair]) -> Result<Vec<Vec<H256>>, Error> {
	let mut all = Vec::with_capacity(keys.len());
	for key in keys {
		let me = key.account_id();
		let coins: Vec<H256> = match kind {
			Kind::Timecoin => crate::timecoin::coins_of(client, &me)
				.await?
				.into_iter()
				.filter(|c| c.issuer == me && u128::from(c.amount) == COIN_AMOUNT)
				.map(|c| c.id)
				.collect(),
			Kind::Codcoin => crate::codcoin::coins_of(client, &me)
				.await?
				.into_iter()
				.filter(|c| c.issuer == me && c.amount == COIN_AMOUNT)
				.map(|c| c.id)
				.collect(),
			Kind::Transfer => Vec::new(),
		};
		all.push(coins);
	}
	Ok(all)
}

/// Submits pre-signed setup transactions and waits until each account's nonce at the best block
/// reaches the one after its last, i.e. all of them are in blocks.
async fn submit_and_wait(
	client: &Client,
	txs: Vec<Signed>,
	last_nonce: &[(crate::AccountId, u64)],
) -> Result<(), Error> {
	use futures::StreamExt;
	let answers: Vec<Result<(), Error>> =
		futures::stream::iter(txs.iter().map(|tx| tx.submit(client))).buffered(32).collect().await;
	if let Some(Err(e)) = answers.into_iter().find(Result::is_err) {
		return Err(Error::Client(format!("a setup transaction was refused: {e}")));
	}
	let ids: Vec<_> = last_nonce.iter().map(|(who, _)| *who).collect();
	let deadline = std::time::Instant::now() + SETUP_TIMEOUT;
	loop {
		let now = accounts::read(client, &ids).await?;
		if now.iter().zip(last_nonce).all(|((_, nonce), (_, last))| u64::from(*nonce) >= *last) {
			return Ok(());
		}
		if std::time::Instant::now() > deadline {
			return Err(Error::Client("the setup transactions did not land in 180 s".into()));
		}
		tokio::time::sleep(std::time::Duration::from_secs(2)).await;
	}
}

/// The mortal era's anchor: the best block's parent (see `Client::sign`), or immortal at genesis.
async fn era(at: &At) -> Result<Option<(u64, H256)>, Error> {
	match at.block_number() {
		0 => Ok(None),
		n => {
			let parent = at.block_header().await.map_err(Error::client)?.parent_hash;
			Ok(Some((n - 1, parent)))
		},
	}
}

fn sign<C: Payload>(
	at: &At,
	call: &C,
	signer: &Keypair,
	nonce: u64,
	era: Option<(u64, H256)>,
) -> Result<Signed, Error> {
	let params = SubstrateExtrinsicParamsBuilder::<Config>::new().nonce(nonce);
	let params = match era {
		None => params.immortal(),
		Some((n, hash)) => params.mortal_from_unchecked(LOAD_MORTALITY, n, hash),
	}
	.build();
	let mut signable = at.tx().create_signable_offline(call, params).map_err(Error::client)?;
	let bytes = signable.sign(signer).map_err(Error::client)?.into_encoded();
	Ok(Signed { hash: sp_crypto_hashing::blake2_256(&bytes), bytes })
}
