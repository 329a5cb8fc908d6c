//! The kinds of transaction a load run can send, what each needs set up first, and their
//! signing.

use super::{accounts, coins, jt, whitepay, Log, Plan};
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
	/// `Market::accept` of one second of the next load account's offer of its own time coin
	/// for COD: COD paid to the offerer, a coin out of escrow to the acceptor. Each account
	/// issues a coin and offers it during setup (at least two accounts).
	Market,
	/// `JointToken::submit` of a transfer item moving one token to the next load account,
	/// signed by the sender: a kind the funder deploys, bought at its desk during setup.
	JointToken,
	/// `Upkeep::pay` (WhitePay) of one provider's first block of an upkeep contract, by its
	/// only keeper with its own attestation: each account creates the contracts during setup
	/// (at least two accounts).
	WhitePay,
	/// `CarChain::put_record` of a new record under the signer's own address (a fresh key per
	/// transaction): no setup.
	Record,
}

impl Kind {
	pub const ALL: [Kind; 7] = [
		Kind::Transfer,
		Kind::Timecoin,
		Kind::Codcoin,
		Kind::Market,
		Kind::JointToken,
		Kind::WhitePay,
		Kind::Record,
	];

	pub fn name(self) -> &'static str {
		match self {
			Kind::Transfer => "transfer",
			Kind::Timecoin => "timecoin",
			Kind::Codcoin => "codcoin",
			Kind::Market => "market",
			Kind::JointToken => "jointtoken",
			Kind::WhitePay => "whitepay",
			Kind::Record => "record",
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
			// Each transfer, payment or acceptance creates a coin whose deposit the signer holds
			// until the coin is spent; the setup's issues hold one per coin too. A record or a
			// token entry holds less than a coin.
			// A WhitePay contract's deposits, shared by its 16 payments, are less again.
			Kind::Timecoin | Kind::Codcoin | Kind::Record | Kind::WhitePay => {
				crate::amount::COD / 2 + FEE_ALLOWANCE
			},
			Kind::Market => crate::amount::COD / 2 + FEE_ALLOWANCE + coins::SECOND_PRICE,
			Kind::JointToken => crate::amount::COD / 2 + FEE_ALLOWANCE + jt::TOKEN_PRICE,
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
	/// For the market: the offer each account accepts (the next account's).
	offers: Vec<u64>,
	/// For joint tokens: the kind.
	jtid: Option<H256>,
	/// For WhitePay: each account's payments, one per transaction it will sign.
	dues: Vec<Vec<whitepay::Due>>,
}

impl Workload {
	pub async fn setup(
		client: &Client,
		funder: &Keypair,
		keys: &[Keypair],
		plan: &Plan,
		log: Log<'_>,
	) -> Result<Self, Error> {
		let mut work = Self {
			kind: plan.kind,
			coins: Vec::new(),
			offers: Vec::new(),
			jtid: None,
			dues: Vec::new(),
		};
		match plan.kind {
			Kind::Transfer | Kind::Record => {},
			Kind::Timecoin | Kind::Codcoin => {
				work.coins = coins::setup_own_coins(client, plan.kind, keys, plan, log).await?
			},
			Kind::Market => work.offers = coins::setup_offers(client, keys, plan, log).await?,
			Kind::JointToken => work.jtid = Some(jt::setup(client, funder, keys, plan, log).await?),
			Kind::WhitePay => work.dues = whitepay::setup(client, keys, plan, log).await?,
		}
		Ok(work)
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
		let mut items = jt::Expiries::new(at.block_number());
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
					Kind::Market => {
						let call = crate::market::accept(self.offers[i], 1, Vec::new());
						sign(&at, &call, key, nonce, era)?
					},
					Kind::JointToken => {
						let jtid = self.jtid.expect("set up with the kind");
						let item = jt::transfer(client, jtid, key, to, nonce, items.next());
						sign(&at, &crate::jointtoken::submit(item), key, nonce, era)?
					},
					Kind::WhitePay => {
						let call = whitepay::pay(client, key, &self.dues[i][j as usize]);
						sign(&at, &call, key, nonce, era)?
					},
					Kind::Record => {
						// The nonce never repeats for an account, so neither does the key.
						let key_bytes = format!("load/{nonce}").into_bytes();
						let value = sp_crypto_hashing::blake2_256(&key_bytes);
						let call = crate::carchain::put_record(
							&key.account_id(),
							&key_bytes,
							&value,
							b"load",
							None,
						);
						sign(&at, &call, key, nonce, era)?
					},
				};
				txs.push(signed);
			}
			all.push(txs);
		}
		Ok(all)
	}
}

/// How long the setup's transactions may take to land.
const SETUP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(180);

/// Setup transactions of many accounts, signed against one best block with each account's
/// next nonces, then submitted together.
pub(super) struct SetupBatch {
	pub at: At,
	era: Option<(u64, H256)>,
	/// Each account's next nonce, and whether it signed anything.
	next: Vec<(crate::AccountId, u64, bool)>,
	txs: Vec<Signed>,
}

impl SetupBatch {
	pub async fn start(client: &Client, keys: &[Keypair]) -> Result<Self, Error> {
		let at = client.best().await?;
		let era = era(&at).await?;
		let nonces = accounts::nonces(client, keys).await?;
		let next = keys.iter().zip(nonces).map(|(k, n)| (k.account_id(), n, false)).collect();
		Ok(Self { at, era, next, txs: Vec::new() })
	}

	/// Signs `call` as account `i` (`key`) with its next nonce.
	pub fn push<C: Payload>(&mut self, i: usize, key: &Keypair, call: &C) -> Result<(), Error> {
		let (_, nonce, signed) = &mut self.next[i];
		self.txs.push(sign(&self.at, call, key, *nonce, self.era)?);
		*nonce += 1;
		*signed = true;
		Ok(())
	}

	/// Transactions signed so far.
	pub fn len(&self) -> usize {
		self.txs.len()
	}

	pub fn is_empty(&self) -> bool {
		self.txs.is_empty()
	}

	/// Submits everything and waits until each account's nonce at the best block reaches the
	/// one after its last, i.e. all of them are in blocks.
	pub async fn submit_and_wait(self, client: &Client) -> Result<(), Error> {
		use futures::StreamExt;
		let answers: Vec<Result<(), Error>> =
			futures::stream::iter(self.txs.iter().map(|tx| tx.submit(client)))
				.buffered(32)
				.collect()
				.await;
		if let Some(Err(e)) = answers.into_iter().find(Result::is_err) {
			return Err(Error::Client(format!("a setup transaction was refused: {e}")));
		}
		let last: Vec<_> = self.next.iter().filter(|(_, _, signed)| *signed).collect();
		let ids: Vec<_> = last.iter().map(|(who, _, _)| *who).collect();
		let deadline = std::time::Instant::now() + SETUP_TIMEOUT;
		loop {
			let now = accounts::read(client, &ids).await?;
			if now.iter().zip(&last).all(|((_, nonce), (_, next, _))| u64::from(*nonce) >= *next) {
				return Ok(());
			}
			if std::time::Instant::now() > deadline {
				return Err(Error::Client("the setup transactions did not land in 180 s".into()));
			}
			tokio::time::sleep(std::time::Duration::from_secs(2)).await;
		}
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

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_kind_is_listed_and_parses_from_its_name() {
		// The match has no wildcard, so a new kind fails to compile here until it is listed.
		let listed = |k: Kind| match k {
			Kind::Transfer
			| Kind::Timecoin
			| Kind::Codcoin
			| Kind::Market
			| Kind::JointToken
			| Kind::WhitePay
			| Kind::Record => Kind::ALL.contains(&k),
		};
		for k in [
			Kind::Transfer,
			Kind::Timecoin,
			Kind::Codcoin,
			Kind::Market,
			Kind::JointToken,
			Kind::WhitePay,
			Kind::Record,
		] {
			assert!(listed(k), "{k:?} is missing from Kind::ALL");
			assert_eq!(Kind::parse(k.name()).unwrap(), k);
		}
		assert!(Kind::parse("nothing").is_err());
	}
}
